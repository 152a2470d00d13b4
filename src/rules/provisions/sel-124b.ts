/** SEL § 124 b Fysisk guidning og konfliktafværgelse: not force; stops when the person resists. */

import { ALL_SETTINGS, careStaff, NOT_FORCE, scope, targetGroup } from '../common.ts';
import { not } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel124b: Provision = {
  id: 'sel-124b',
  label: 'SEL § 124 b',
  title: 'Fysisk guidning og konfliktafværgelse',
  chapter: '24',
  ...NOT_FORCE,
  decider: 'sel-124b',
  complaintCite: [],
  maxDuration: null,
  targetGroup: true,
  cite: ['sel-124b-stk1', 'sel-124b-stk2', 'vejl2025-k12-p1'],
  conditions: [
    targetGroup,
    scope(ALL_SETTINGS, ['vejl2025-k10-p2']),
    careStaff,
    {
      id: 'stops-on-resistance',
      text: 'Guidningen stopper, hvis personen gør modstand: fortsætter personalet, er det fastholdelse efter § 124 d.',
      cite: ['sel-124b-stk3', 'vejl2025-k12-p1'],
      kind: 'prohibition',
      when: not('physicalResistance'),
      unmet:
        'Fysisk guidning må ikke indebære fastholdelse og skal stoppe, når personen gør modstand. Skal personalet fortsætte, er det fastholdelse efter § 124 d, stk. 2, som har sine egne betingelser og skal registreres.',
    },
    {
      id: 'no-holding',
      text: 'Guidningen indebærer ingen fastholdelse, ingen hjælpemidler og (ved konfliktafværgelse) ingen kropsstøtte.',
      cite: ['sel-124b-stk3', 'vejl2025-k12-p1'],
      kind: 'prohibition',
      when: not('aidsUsed'),
    },
    {
      id: 'purpose',
      text: 'Guidningen sker af hensyn til personens tryghed og værdighed, af hensyn til andre ved grænseoverskridende eller konfliktskabende adfærd, eller fordi personen er gået ind i en anden beboers bolig mod dennes ønske.',
      cite: ['sel-124b-stk1'],
      kind: 'authority',
    },
  ],
};
