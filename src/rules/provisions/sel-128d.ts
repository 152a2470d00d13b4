/** SEL § 128 d Låsning og sikring af døre til fælles opholdsrum (KB, 12 months). */

import {
  BO_ONLY,
  forceBasics,
  lessIntrusiveFirst,
  noLockIn,
  PRE_APPROVED_24,
  proportionate,
  repeated,
} from '../common.ts';
import { holds } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel128d: Provision = {
  id: 'sel-128d',
  label: 'SEL § 128 d',
  title: 'Låsning og sikring af døre til fælles opholdsrum',
  ...PRE_APPROVED_24,
  decider: 'sel-128d',
  complaintCite: ['sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128d',
  cite: ['sel-128d-stk1', 'vejl2025-k19-p1'],
  conditions: [
    ...forceBasics(BO_ONLY, ['vejl2025-k19-p1', 'vejl2025-k10-p2']),
    repeated(
      'Beboeren har gentagne gange udvist grænseoverskridende eller konfliktskabende adfærd over for de øvrige beboere (én enkelt hændelse er ikke nok).',
      ['sel-128d-stk1', 'vejl2025-k19-p1'],
      'Låsning af døre til fælles opholdsrum kræver, at adfærden er sket gentagne gange; én enkelt hændelse er ikke nok.',
    ),
    {
      id: 'one-unlocked-access',
      text: 'Der er mindst én uaflåst adgang mellem beboerens bolig og fællesrummene; låsningen forsinker kun og omfatter ikke døre til beboerens egen bolig.',
      cite: ['sel-128d-stk2', 'vejl2025-k19-p1'],
      kind: 'statutory',
      when: holds('unlockedAccessRemains'),
      unmet: 'Der skal være mindst én uaflåst adgang mellem beboerens bolig og de fælles opholdsrum (§ 128 d, stk. 2).',
    },
    noLockIn,
    lessIntrusiveFirst,
    proportionate,
  ],
};
