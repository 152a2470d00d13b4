/** SEL § 128 c Låsning og sikring af yderdøre og vinduer i beboerens egen bolig (KB, 12 months, bek. § 7). */

import { BO_ONLY, forceBasics, lessIntrusiveFirst, noLockIn, PRE_APPROVED_24, proportionate, risk } from '../common.ts';
import { holds, not } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel128c: Provision = {
  id: 'sel-128c',
  label: 'SEL § 128 c',
  title: 'Låsning og sikring af yderdøre og vinduer',
  ...PRE_APPROVED_24,
  decider: 'sel-128c',
  complaintCite: ['sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128c',
  cite: ['sel-128c-stk1', 'vejl2025-k18-p1'],
  conditions: [
    ...forceBasics(BO_ONLY, ['vejl2025-k18-p1', 'vejl2025-k10-p2']),
    risk(
      'risk-leaving-danger',
      'Der er risiko for, at beboeren ved at forlade sin egen bolig udsætter sig selv eller andre for fare (f.eks. løber ud på en befærdet vej).',
      ['sel-128c-stk1', 'vejl2025-k18-p1'],
      'Låsning af yderdøre og vinduer kræver en konkret risiko for, at beboeren udsætter sig selv eller andre for fare ved at forlade boligen.',
    ),
    {
      id: 'one-unlocked-door',
      text: 'Der er altid mindst én uaflåst dør i beboerens egen bolig.',
      cite: ['sel-128c-stk3', 'vejl2025-k18-p1'],
      kind: 'statutory',
      when: holds('unlockedAccessRemains'),
      unmet: 'Der skal altid være mindst én uaflåst dør i beboerens egen bolig (§ 128 c, stk. 3).',
    },
    {
      id: 'not-indoor-common-areas',
      text: 'Låsningen omfatter ikke døre fra boligen til botilbuddets indendørs fællesarealer (gange, trapper m.v.).',
      cite: ['sel-128c-stk2', 'vejl2025-k18-p1'],
      kind: 'statutory',
      when: not('locksIndoorCommonAreas'),
      unmet:
        'Bestemmelsen giver ikke hjemmel til at låse døre fra beboerens bolig til botilbuddets indendørs fællesarealer (§ 128 c, stk. 2).',
    },
    noLockIn,
    lessIntrusiveFirst,
    proportionate,
  ],
};
