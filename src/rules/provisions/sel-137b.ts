/**
 * SEL § 137 b (kap. 24 c): kommunalbestyrelsen may limit a specific visitor's access to the common areas for
 * violence or threats (nr. 1), repeated harassment (nr. 2) or strongly disturbing behaviour (nr. 3) — never a total
 * ban, access to the resident's own home must remain (stk. 2). Decided only at a meeting (§ 137 d, stk. 1).
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
import { isNot } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel137b: Provision = kap24cDecision({
  id: 'sel-137b',
  label: 'SEL § 137 b',
  title: 'Begrænsning af en besøgendes adgang til fællesboligarealer',
  cite: ['vejl2025-k29-p3', 'vejl2025-k29-p4'],
  conditions: [
    housing24c,
    notCriticism,
    {
      id: 'visitor-behaviour',
      text: 'Den besøgende 1) udøver vold, truer med vold eller er i øvrigt til fare for beboere eller personale, 2) generer eller chikanerer gentagne gange beboere eller personale, eller 3) er stærkt generende, så der skabes generel utryghed, forråelse af miljøet eller den nødvendige hjælp vanskeliggøres.',
      cite: ['vejl2025-k29-p3', 'vejl2025-k29-p4'],
      kind: 'statutory',
      when: isNot('visitorBehaviour', 'criticism_only'),
      unmet: 'Den besøgendes adfærd er ikke omfattet af § 137 b, stk. 1, nr. 1-3.',
    },
    {
      id: 'own-home-access-remains',
      text: 'Den besøgende kan fortsat besøge beboeren i den del af boligen, som beboeren alene råder over (ingen totalt besøgsforbud); går adgangen gennem fællesarealer, sikrer personalet en praktisk løsning.',
      cite: ['vejl2025-k29-p3', 'vejl2025-k29-p4'],
      kind: 'statutory',
    },
    decisionContent24c,
    lessIntrusive24c,
    bothParties24c,
  ],
  notes: [
    {
      text: 'Servicearealer og udearealer (terrasser, stier) er ikke omfattet; ledelsen kan fastsætte generelle regler for dem, f.eks. i en husorden.',
      citations: ['vejl2025-k29-p3'],
    },
  ],
});

export const sel137bInterim: Provision = kap24cInterim(sel137b);
