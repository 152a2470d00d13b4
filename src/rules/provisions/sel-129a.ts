/** SEL § 129 a Optagelse i et bestemt botilbud uden samtykke ved væsentlig fare for andre (Familieretshuset). */
import { BO_ONLY, MOVE_24, proportionate, risk, scope, targetGroup } from '../common.ts';
import type { Provision } from '../types.ts';

export const sel129a: Provision = {
  id: 'sel-129a',
  label: 'SEL § 129 a',
  title: 'Optagelse i et bestemt botilbud uden samtykke ved væsentlig fare for andre',
  ...MOVE_24,
  decider: 'sel-129a',
  complaintCite: ['sel-134-stk1', 'vejl2025-k28-p2'],
  maxDuration: null,
  cite: ['sel-129a', 'vejl2025-k24-p16'],
  conditions: [
    targetGroup,
    scope(BO_ONLY, ['vejl2025-k10-p2']),
    risk(
      'danger-to-others',
      'Beboeren er til væsentlig fare for eller udviser særligt truende eller særligt chikanerende adfærd over for andre beboere eller personale (ét groft tilfælde kan være nok; skub, tjat og enkeltstående verbale trusler er ikke).',
      ['sel-129a', 'vejl2025-k24-p17'],
      'Flytning efter § 129 a kræver væsentlig fare for andre eller særligt truende eller chikanerende adfærd.',
    ),
    {
      id: 'irresponsible-towards-others',
      text: 'Det er uforsvarligt over for de øvrige beboeres eller personalets sikkerhed ikke at flytte beboeren, og mindre indgribende foranstaltninger er ikke tilstrækkelige.',
      cite: ['sel-129a', 'vejl2025-k24-p18', 'vejl2025-k24-p19'],
      kind: 'authority',
    },
    {
      id: 'better-suited',
      text: 'Det kan godtgøres, at det nye, forud visiterede § 108-botilbud er bedre egnet til beboerens støttebehov.',
      cite: ['sel-129a', 'vejl2025-k24-p20', 'vejl2025-k24-p16'],
      kind: 'authority',
    },
    proportionate,
  ],
  notes: [
    {
      text: 'En værges tiltræden er ikke tilstrækkelig: afgørelsen træffes af Familieretshuset efter indstilling fra kommunalbestyrelsen. Frit valg gælder ikke.',
      citations: ['vejl2025-k24-p16', 'vejl2025-k24-p15'],
    },
  ],
};
