/**
 * SEL § 137 c (kap. 24 c): no restriction of visits in the part of the home the resident alone disposes of (stk. 1),
 * except that visitors who show § 137 b, nr. 1-2 behaviour towards staff may be kept out while visiteret help is
 * delivered (stk. 2). Decided only at a meeting (§ 137 d, stk. 1).
 */

import {
  bothParties24c,
  decisionContent24c,
  housing24c,
  kap24cDecision,
  kap24cInterim,
  lessIntrusive24c,
  notCriticism,
} from '../common-24cd.ts';
import { holds, oneOf } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel137cStk2: Provision = kap24cDecision({
  id: 'sel-137c-stk2',
  label: 'SEL § 137 c, stk. 2',
  title: 'Besøgende må ikke være til stede i beboerens egen bolig, mens der leveres visiteret hjælp',
  cite: ['vejl2025-k29-p4', 'vejl2025-k29-p5'],
  conditions: [
    housing24c,
    notCriticism,
    {
      id: 'visitor-behaviour',
      text: 'Den besøgende udøver vold, truer med vold eller er til fare (§ 137 b, nr. 1), eller chikanerer gentagne gange (nr. 2) – stærkt generende adfærd (nr. 3) er ikke nok i beboerens egen bolig.',
      cite: ['vejl2025-k29-p4', 'vejl2025-k29-p5'],
      kind: 'statutory',
      when: oneOf('visitorBehaviour', ['violence_or_threats', 'repeated_harassment']),
      unmet:
        'I den del af boligen, som beboeren alene råder over, kan der kun gribes ind over for vold, trusler eller chikane (§ 137 b, nr. 1-2) – ikke over for anden generende adfærd, som i stedet kan håndteres med husordenen.',
    },
    {
      id: 'towards-staff-during-care',
      text: 'Adfærden retter sig mod personalet, og restriktionen gælder kun de tidsrum, hvor der leveres visiteret hjælp i boligen (f.eks. badning, toiletbesøg, sengelægning).',
      cite: ['vejl2025-k29-p4', 'vejl2025-k29-p5'],
      kind: 'statutory',
      when: holds('towardsStaffDuringCare'),
      unmet:
        'Kommunalbestyrelsen kan ikke begrænse besøg i beboerens egen bolig (§ 137 c, stk. 1) – kun holde den besøgende ude i de tidsrum, hvor der leveres visiteret hjælp, og kun på grund af adfærd over for personalet.',
    },
    decisionContent24c,
    lessIntrusive24c,
    bothParties24c,
  ],
  notes: [
    {
      text: 'I praksis bør der findes en ordning, så den besøgende venter uden for boligen, mens personalet leverer hjælpen; uden for disse tidsrum kan besøg i boligen ikke reguleres.',
      citations: ['vejl2025-k29-p5'],
    },
  ],
});

export const sel137cStk2Interim: Provision = kap24cInterim(sel137cStk2);
