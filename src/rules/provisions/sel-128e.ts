/** SEL § 128 e Låsning og sikring af døre til servicearealer og fælleskøkkener (KB, 12 months). */

import {
  BO_DAG,
  forceBasics,
  lessIntrusiveFirst,
  noLockIn,
  PRE_APPROVED_24,
  proportionate,
  repeated,
} from '../common.ts';
import { not } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel128e: Provision = {
  id: 'sel-128e',
  label: 'SEL § 128 e',
  title: 'Låsning og sikring af døre til servicearealer og fælleskøkkener',
  ...PRE_APPROVED_24,
  decider: 'sel-128e',
  complaintCite: ['sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128e',
  cite: ['sel-128e-stk1', 'vejl2025-k20-p1'],
  conditions: [
    ...forceBasics(BO_DAG, ['vejl2025-k20-p1', 'vejl2025-k10-p2']),
    repeated(
      'Personen har gentagne gange udsat sig selv eller andre for fare eller forårsaget væsentlig ødelæggelse af genstande i området (ikke én enkelt hændelse).',
      ['sel-128e-stk1', 'vejl2025-k20-p1'],
      'Låsning af servicearealer og fælleskøkkener kræver gentagne hændelser; én enkelt hændelse er ikke nok.',
    ),
    {
      id: 'no-cut-off',
      text: 'Låsningen afskærer ikke personen fra mad og drikke, fra at forlade tilbuddet eller fra at færdes frit i tilbuddets øvrige arealer.',
      cite: ['sel-128e-stk2', 'vejl2025-k20-p1'],
      kind: 'statutory',
      when: not('blocksFoodDrinkOrExit'),
      unmet:
        'Låsningen må ikke afskære personen fra mad og drikke, fra at forlade tilbuddet eller fra tilbuddets øvrige arealer (§ 128 e, stk. 2).',
    },
    {
      id: 'door-alarm',
      text: 'Bruges særlige døråbnere, er der dørsignal.',
      cite: ['sel-128e-stk3'],
      kind: 'authority',
    },
    noLockIn,
    lessIntrusiveFirst,
    proportionate,
  ],
};
