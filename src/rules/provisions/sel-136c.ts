/** SEL § 136 c (kap. 24 b, dementia): brief holding in hygiene situations; staff always decide; no closed list. */
import { ACUTE_24, ALL_SETTINGS, forceBasics, lessIntrusiveFirst, proportionate } from '../common.ts';
import type { Provision } from '../types.ts';
import { noAids } from './sel-124c.ts';

export const sel136c: Provision = {
  id: 'sel-136c',
  label: 'SEL § 136 c',
  title: 'Kortvarig fastholdelse i personlig hygiejne-situationer (demens)',
  ...ACUTE_24,
  chapter: '24b',
  decider: 'sel-136c',
  complaintCite: ['sel-133-stk1', 'vejl2025-k25-p6'],
  maxDuration: null,
  cite: ['sel-136c-stk1', 'vejl2025-k25-p5'],
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'necessary-care',
      text: 'Fastholdelsen er kortvarig og nødvendig for at sikre personens omsorg, sikkerhed eller værdighed i en personlig hygiejnesituation (personalet vurderer, om det er en hygiejnesituation; der er ingen udtømmende liste).',
      cite: ['sel-136c-stk1', 'vejl2025-k25-p5'],
      kind: 'authority',
    },
    noAids,
    lessIntrusiveFirst,
    proportionate,
  ],
  notes: [
    {
      text: 'Alle indgreb registreres på det særlige skema for § 136 c, og handleplanen skal søge at undgå magtanvendelse i hygiejnesituationer fremover (§ 136 c, stk. 2).',
      citations: ['sel-136c-stk2', 'vejl2025-k25-p6'],
    },
  ],
};
