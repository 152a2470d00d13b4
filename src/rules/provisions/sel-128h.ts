/** SEL § 128 h Adgang til en beboers bolig i et botilbud (the board on KB's recommendation, max 12 months). */
import { BO_ONLY, forceBasics, lessIntrusiveFirst, PRE_APPROVED_24, proportionate, risk } from '../common.ts';
import type { Provision } from '../types.ts';

export const sel128h: Provision = {
  id: 'sel-128h',
  label: 'SEL § 128 h',
  title: 'Adgang til en beboers bolig i et botilbud',
  ...PRE_APPROVED_24,
  decider: 'sel-128h',
  complaintCite: ['sel-134-stk1', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128h',
  cite: ['sel-128h-stk1', 'vejl2025-k23-p1'],
  conditions: [
    ...forceBasics(BO_ONLY, ['vejl2025-k23-p1', 'vejl2025-k10-p2']),
    risk(
      'serious-risk',
      'Det er absolut nødvendigt at åbne døren for at undgå en væsentlig og nærliggende risiko for væsentlig og alvorlig personskade, eller en væsentlig sundhedsmæssig risiko (f.eks. skimmel, store mængder affald, skadedyr) – rygning indendørs er ikke nok.',
      ['sel-128h-stk1', 'vejl2025-k23-p1'],
      'Åbning af beboerens dør kræver en væsentlig og nærliggende risiko for alvorlig personskade eller en væsentlig sundhedsmæssig risiko.',
    ),
    {
      id: 'gently',
      text: 'Døren åbnes så skånsomt som muligt og uden væsentlig skade på ejendom.',
      cite: ['sel-128h-stk2', 'vejl2025-k23-p1'],
      kind: 'authority',
    },
    lessIntrusiveFirst,
    proportionate,
  ],
};
