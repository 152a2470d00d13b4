/** SEL § 128 g Låsning og sikring af skabe og skuffer m.v. (the board on KB's recommendation, 12 months). */

import { BO_ONLY, forceBasics, lessIntrusiveFirst, PRE_APPROVED_24, proportionate, repeated } from '../common.ts';
import { holds } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel128g: Provision = {
  id: 'sel-128g',
  label: 'SEL § 128 g',
  title: 'Låsning og sikring af skabe og skuffer m.v.',
  ...PRE_APPROVED_24,
  decider: 'sel-128g',
  complaintCite: ['sel-134-stk1', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128g',
  cite: ['sel-128g-stk1', 'vejl2025-k22-p1'],
  conditions: [
    ...forceBasics(BO_ONLY, ['vejl2025-k22-p1', 'vejl2025-k10-p2']),
    repeated(
      'Beboeren har gentagne gange brugt genstande fra skabe eller skuffer til at påføre sig selv eller andre væsentlig personskade eller væsentlig tingsskade (ikke én enkelt hændelse).',
      ['sel-128g-stk1', 'vejl2025-k22-p1'],
      'Låsning af skabe og skuffer kræver gentagne hændelser med væsentlig person- eller tingsskade; én enkelt hændelse er ikke nok.',
    ),
    {
      id: 'significant-harm',
      text: 'Skaden er væsentlig: alvorlig selvskade eller vold, eller ødelæggelse af ting af betydelig økonomisk værdi eller affektionsværdi (et let snit eller et par bøger uden særlig værdi er ikke nok).',
      cite: ['vejl2025-k22-p1'],
      kind: 'statutory',
      when: holds('riskOfHarm'),
      unmet: 'Låsning af skabe og skuffer kræver væsentlig personskade eller væsentlig tingsskade.',
    },
    {
      id: 'quick-access',
      text: 'Beboeren får efter anmodning hurtigt adgang til de låste skabe og skuffer (evt. under opsyn).',
      cite: ['sel-128g-stk3', 'vejl2025-k22-p1'],
      kind: 'authority',
    },
    lessIntrusiveFirst,
    proportionate,
  ],
};
