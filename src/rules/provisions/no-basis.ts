/** Anything kap. 24-24 b does not authorise: no legal basis in serviceloven; point to what may apply instead. */
import type { Provision } from '../types.ts';

export const noBasis: Provision = {
  id: 'no-basis',
  label: null,
  title:
    'Indgreb uden hjemmel i serviceloven (f.eks. skjult medicin, at tage en telefon, at låse en person inde, generel fastholdelse "for en sikkerheds skyld")',
  chapter: null,
  isForce: true,
  decider: null,
  registrationRegime: 'none',
  relativesInformed: false,
  complaintTo: null,
  complaintCite: [],
  maxDuration: null,
  lawyerRequired: false,
  actionPlanRequired: false,
  targetGroup: false,
  cite: ['vejl2025-k2', 'grl-71-stk1'],
  conditions: [],
  notes: [
    {
      text: 'Serviceloven kap. 24-24 b indeholder en udtømmende liste over lovlige indgreb; det, der ikke står der, må ikke ske mod personens vilje. Magt uden hjemmel skal registreres straks og senest {acute_registration_days} dage efter.',
      citations: ['vejl2025-k2', 'vejl2025-k7-p1'],
    },
    {
      text: 'Andre regler kan være relevante: sundhedslovens regler om tvangsbehandling af varigt inhabile (somatisk behandling, f.eks. medicin), psykiatriloven (kun på psykiatriske afdelinger), og straffelovens nødværge og nødret – men kun i ekstraordinære situationer og aldrig som grundlag for tilbagevendende indgreb.',
      citations: ['vejl2025-k9', 'vejl2025-k7'],
    },
  ],
};
