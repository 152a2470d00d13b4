/** SEL § 124 d Fastholdelse m.v.: stk. 1 loosening a grip; stk. 2 holding, holding back, leading back. */

import { ACUTE_24, ALL_SETTINGS, forceBasics, lessIntrusiveFirst, proportionate } from '../common.ts';
import { any, below, holds, judged, orAccept } from '../predicates.ts';
import type { Provision } from '../types.ts';
import { noAids } from './sel-124c.ts';

export const sel124dStk1: Provision = {
  id: 'sel-124d-stk1',
  label: 'SEL § 124 d, stk. 1',
  title: 'Løsning af greb',
  ...ACUTE_24,
  decider: 'sel-124d-stk1',
  complaintCite: ['sel-133-stk1', 'vejl2025-k28-p1'],
  maxDuration: null,
  cite: ['sel-124d-stk1', 'vejl2025-k14-p1'],
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'grip-behaviour',
      text: 'Personen har fat i en anden person eller i dørhåndtaget o.l. til en anden persons bolig og udviser grænseoverskridende eller konfliktskabende adfærd.',
      cite: ['sel-124d-stk1', 'vejl2025-k14-p1'],
      kind: 'authority',
    },
    noAids,
    lessIntrusiveFirst,
    proportionate,
  ],
};

export const sel124dStk2: Provision = {
  id: 'sel-124d-stk2',
  label: 'SEL § 124 d, stk. 2',
  title: 'Fastholdelse, tilbageholdelse og føren tilbage',
  ...ACUTE_24,
  decider: 'sel-124d-stk2',
  complaintCite: ['sel-133-stk1', 'sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: null,
  lawyerRequired: true,
  cite: ['sel-124d-stk2', 'vejl2025-k14-p1'],
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'danger-or-very-boundary',
      text: 'Det er nødvendigt, fordi adfærden er meget grænseoverskridende eller meget konfliktskabende over for andre, er til fare for personen selv eller andre, eller personen er gået ind i en anden beboers bolig mod dennes ønske.',
      cite: ['sel-124d-stk2', 'vejl2025-k14-p1'],
      kind: 'authority',
      // Danger to others meets the second ground; without it the other grounds (danger to the person, very
      // boundary-crossing behaviour, another resident's home) are for the one who acts to judge.
      when: any(holds('dangerToOthers'), judged()),
    },
    {
      id: 'brief',
      text: 'Fastholdelsen er kortvarig og ophører, så snart faren er afværget – at holde en person fast i timevis (f.eks. en hel nat) er fiksering/frihedsberøvelse, som aldrig er lovligt efter serviceloven.',
      cite: ['vejl2025-k14-p1', 'vejl2025-k9-p11'],
      kind: 'prohibition',
      // Asked in minutes (holdMinutes); an answer in hours (the older fact, e.g. "hele natten") is accepted.
      when: orAccept(below('holdMinutes', 60), below('hours', 1)),
      unmet:
        'Fastholdelse efter § 124 d, stk. 2, skal være så kortvarig som muligt; at holde en person fast i timer er fiksering, som serviceloven ikke giver hjemmel til.',
    },
    {
      id: 'not-first-signs',
      text: 'Fastholdelse sker ikke ved de første tegn på en optrapning og erstatter ikke beroligende tiltag.',
      cite: ['vejl2025-k4-p3', 'vejl2025-k4-p1'],
      kind: 'authority',
    },
    noAids,
    lessIntrusiveFirst,
    proportionate,
  ],
  notes: [
    {
      text: 'Kommunalbestyrelsens afgørelse om en klage over fastholdelse efter § 124 d, stk. 2, kan indbringes for Ankestyrelsen og derefter for domstolene, da indgrebet kan være frihedsberøvelse.',
      citations: ['sel-133-stk2', 'vejl2025-k14-p2'],
    },
  ],
};
