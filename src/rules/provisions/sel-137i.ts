/** SEL § 137 i (kap. 24 d): confiscation of items in the placed person's possession, with a list and a copy (stk. 2). */
import {
  endsWhenConditionsLapse,
  kap24dDecision,
  kap24dInterim,
  lessIntrusive24d,
  orderOrSafety,
  target24d,
} from '../common-24cd.ts';
import type { Provision } from '../types.ts';

export const sel137i: Provision = kap24dDecision({
  id: 'sel-137i',
  label: 'SEL § 137 i',
  title: 'Inddragelse af effekter i den anbragtes besiddelse',
  cite: ['vejl2025-k31-p2', 'vejl2025-k31-p3'],
  conditions: [
    ...target24d,
    {
      ...orderOrSafety(['vejl2025-k31-p2', 'vejl2025-k31-p3']),
      text: 'Inddragelsen skønnes nødvendig af ordens- eller sikkerhedsmæssige hensyn, herunder den anbragtes egen sikkerhed og for at forebygge eller forhindre kriminalitet – vurderet ud fra adfærden under anbringelsen (inddragelse af tændstikker kræver f.eks. ikke en dom for brandstiftelse).',
    },
    lessIntrusive24d,
    {
      id: 'list-and-copy',
      text: 'Personalet udfærdiger en liste over de inddragne effekter; den anbragte orienteres og får en kopi af listen.',
      cite: ['vejl2025-k31-p2'],
      kind: 'statutory',
    },
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Inddragne effekter udleveres igen, når betingelserne ikke længere er til stede – dog ikke f.eks. våben, som afleveres til politiet.',
      citations: ['vejl2025-k31-p3'],
    },
  ],
});

export const sel137iInterim: Provision = kap24dInterim(sel137i);
