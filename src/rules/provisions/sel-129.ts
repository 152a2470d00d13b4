/** SEL § 129 Optagelse i særligt botilbud uden samtykke (Familieretshuset on KB's recommendation). */

import { MOVE_24, MOVE_SETTINGS, proportionate, scope, targetGroup } from '../common.ts';
import { holds, not } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel129: Provision = {
  id: 'sel-129',
  label: 'SEL § 129',
  title: 'Optagelse i særligt botilbud uden samtykke',
  ...MOVE_24,
  decider: 'sel-129',
  complaintCite: ['sel-134-stk1', 'vejl2025-k28-p2'],
  maxDuration: null,
  cite: ['sel-129-stk1', 'vejl2025-k24'],
  conditions: [
    targetGroup,
    scope(MOVE_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'help-not-possible-at-home',
      text: 'Den nødvendige hjælp kan ikke gives i den nuværende bolig (kommunen skal dokumentere, hvad der er forsøgt), og flytning er absolut påkrævet.',
      cite: ['sel-129-stk1', 'vejl2025-k24-p1'],
      kind: 'statutory',
      when: not('helpPossibleInCurrentHome'),
      unmet:
        'Kan den nødvendige hjælp gives i den nuværende bolig, f.eks. med hjemmehjælp, hjælpemidler eller ændringer, er betingelserne for flytning uden samtykke ikke opfyldt – heller ikke selv om det belaster en ægtefælle.',
    },
    {
      id: 'risk-to-self',
      text: 'Personen kan ikke overskue konsekvenserne af sine handlinger og udsætter sig selv for væsentlig personskade (risiko for andre, naboers utryghed eller pårørendes uro tæller ikke).',
      cite: ['sel-129-stk1', 'vejl2025-k24-p1'],
      kind: 'statutory',
      when: holds('riskOfHarm'),
      unmet: 'Flytning efter § 129 kræver en reel risiko for, at personen selv lider væsentlig personskade.',
    },
    {
      id: 'irresponsible-not-to-move',
      text: 'Det er uforsvarligt ikke at sørge for flytning (en ægtefælles belastning indgår, men kan ikke alene begrunde flytning).',
      cite: ['sel-129-stk1', 'sel-129-stk3', 'vejl2025-k24-p1'],
      kind: 'authority',
    },
    {
      id: 'guardian-and-free-choice',
      text: 'Spørgsmålet om værge er afgjort før indstillingen, borgeren/værgen har kunnet bruge frit valg, og der er en ledig, egnet plads i et bestemt botilbud.',
      cite: ['sel-131-stk4', 'vejl2025-k24-p4'],
      kind: 'authority',
    },
    proportionate,
  ],
  notes: [
    {
      text: 'En værges samtykke kan ikke erstatte afgørelsen fra Familieretshuset; flytningen kan ikke iværksættes, før Familieretshuset har truffet afgørelse (inden {family_court_weeks} uger efter indstillingen). Efter § 129, stk. 2 (flytning mellem egnede botilbud i personens egen interesse) kræves ikke advokat.',
      citations: ['vejl2025-k24-p4', 'vejl2025-k24-p5', 'vejl2025-k6'],
    },
  ],
};
