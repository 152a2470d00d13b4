/** SEL § 128 f Låsning og sikring af låger m.v. fra et bo- eller dagtilbuds udeareal (KB, 12 months). */

import { BO_DAG, forceBasics, lessIntrusiveFirst, PRE_APPROVED_24, proportionate, risk } from '../common.ts';
import { holds } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel128f: Provision = {
  id: 'sel-128f',
  label: 'SEL § 128 f',
  title: 'Låsning og sikring af låger m.v. fra et bo- eller dagtilbuds udeareal',
  ...PRE_APPROVED_24,
  decider: 'sel-128f',
  complaintCite: ['sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128f',
  cite: ['sel-128f-stk1', 'vejl2025-k21-p1'],
  conditions: [
    ...forceBasics(BO_DAG, ['vejl2025-k21-p1', 'vejl2025-k10-p2']),
    risk(
      'risk-leaving-danger',
      'Der er risiko for, at personen ved at forlade udearealet udsætter sig selv eller andre for fare (f.eks. trafik, kulde uden tøj).',
      ['sel-128f-stk1', 'vejl2025-k21-p1'],
      'Låsning af låger kræver en konkret risiko for, at personen udsætter sig selv eller andre for fare ved at forlade udearealet.',
    ),
    {
      id: 'one-unlocked-gate',
      text: 'Der er altid mindst én uaflåst låge eller dør fra tilbuddets omgivende udeareal.',
      cite: ['sel-128f-stk2', 'vejl2025-k21-p1'],
      kind: 'statutory',
      when: holds('unlockedAccessRemains'),
      unmet:
        'Der skal altid være mindst én uaflåst låge eller dør fra udearealet; ikke alle udgange må låses (§ 128 f, stk. 2).',
    },
    lessIntrusiveFirst,
    proportionate,
  ],
};
