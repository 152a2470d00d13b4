/** SEL § 124 c Afværgehjælp: brief holding or leading away to prevent significant destruction. */

import { ACUTE_24, ALL_SETTINGS, forceBasics, lessIntrusiveFirst, proportionate } from '../common.ts';
import { holds, not } from '../predicates.ts';
import type { ConditionDef, Provision } from '../types.ts';

export const noAids: ConditionDef = {
  id: 'no-aids',
  text: 'Der bruges ikke hjælpemidler til at holde personen fast – fiksering er aldrig lovlig efter serviceloven.',
  cite: ['vejl2025-k9-p11'],
  kind: 'prohibition',
  when: not('aidsUsed'),
  unmet: 'Fiksering og fastholdelse med hjælpemidler er aldrig lovligt efter serviceloven.',
};

export const sel124c: Provision = {
  id: 'sel-124c',
  label: 'SEL § 124 c',
  title: 'Afværgehjælp',
  ...ACUTE_24,
  decider: 'sel-124c',
  complaintCite: ['sel-133-stk1', 'vejl2025-k28-p1'],
  maxDuration: null,
  cite: ['sel-124c', 'vejl2025-k13-p1'],
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'significant-damage',
      text: 'Indgrebet er nødvendigt for at afværge, at personen forårsager væsentlig ødelæggelse af indbo eller andre værdier (ting af betydelig økonomisk værdi eller affektionsværdi; dyr regnes som ting).',
      cite: ['sel-124c', 'vejl2025-k13-p1'],
      kind: 'statutory',
      when: holds('significantPropertyDamage'),
      unmet:
        'Afværgehjælp kræver væsentlig ødelæggelse af ting af betydelig økonomisk værdi eller affektionsværdi – f.eks. er tusch på et vandglas til 4 kr. ikke nok.',
    },
    {
      id: 'brief',
      text: 'Personen holdes kun kortvarigt fast eller føres væk fra situationen.',
      cite: ['sel-124c'],
      kind: 'authority',
    },
    noAids,
    lessIntrusiveFirst,
    proportionate,
  ],
};
