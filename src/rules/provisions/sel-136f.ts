/**
 * SEL § 136 f (kap. 24 b, dementia): the person does not object but lacks capacity. KB decides if the
 * værge, fremtidsfuldmægtig or nær pårørende med attest agrees (stk. 1); otherwise Familieretshuset (stk. 3, 2. pkt.).
 */

import { MOVE_SETTINGS, proportionate, scope, targetGroup } from '../common.ts';
import { not, oneOf } from '../predicates.ts';
import type { Provision } from '../types.ts';

const base = {
  chapter: '24b' as const,
  isForce: true,
  registrationRegime: 'move' as const,
  relativesInformed: true,
  maxDuration: null,
  actionPlanRequired: true,
  targetGroup: true,
  conditions: [
    targetGroup,
    scope(MOVE_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'lacks-capacity-no-objection',
      text: 'Personen modsætter sig ikke flytningen, men mangler evnen til at give informeret samtykke.',
      cite: ['sel-136f-stk1', 'vejl2025-k24-p33'],
      kind: 'statutory' as const,
      when: oneOf('consent', ['unable', 'passive']),
    },
    {
      id: 'stay-required',
      text: 'Ophold i et botilbud med tilknyttet service er påkrævet for, at personen kan få den nødvendige hjælp, og det er omsorgsmæssigt mest hensigtsmæssigt for personen.',
      cite: ['sel-136f-stk1', 'vejl2025-k24-p32'],
      kind: 'statutory' as const,
      when: not('helpPossibleInCurrentHome'),
      unmet: 'Kan den nødvendige hjælp gives i den nuværende bolig, er ophold i botilbud ikke påkrævet.',
    },
    proportionate,
  ],
};

export const sel136fStk1: Provision = {
  ...base,
  id: 'sel-136f-stk1',
  label: 'SEL § 136 f',
  title: 'Optagelse i særligt botilbud uden samtykke (demens), når repræsentanten tiltræder',
  decider: 'sel-136f-stk1',
  complaintTo: 'familieretshuset',
  complaintCite: ['sel-136f-stk3', 'vejl2025-k24-p35'],
  lawyerRequired: false,
  cite: ['sel-136f-stk1', 'vejl2025-k24-p32'],
  notes: [
    {
      text: 'Kommunalbestyrelsen kan selv træffe afgørelse, når værgen, fremtidsfuldmægtigen eller en nær pårørende med attest tiltræder indstillingen. Afgørelsen kan påklages til Familieretshuset.',
      citations: ['sel-136f-stk1', 'vejl2025-k24-p32', 'vejl2025-k8'],
    },
  ],
};

export const sel136fStk3: Provision = {
  ...base,
  id: 'sel-136f-stk3',
  label: 'SEL § 136 f, stk. 3',
  title: 'Optagelse i særligt botilbud uden samtykke (demens), når repræsentanten ikke tiltræder',
  decider: 'sel-136f-stk3',
  complaintTo: 'ankestyrelsen',
  complaintCite: ['vejl2025-k24-p35', 'sel-134-stk1'],
  lawyerRequired: true,
  cite: ['sel-136f-stk3', 'vejl2025-k24-p34'],
  notes: [
    {
      text: 'Tiltræder værgen, fremtidsfuldmægtigen eller den nære pårørende med attest ikke indstillingen, træffer Familieretshuset afgørelse; reglerne i §§ 131 og 132 om indstilling og advokat gælder.',
      citations: ['sel-136f-stk3', 'vejl2025-k24-p34'],
    },
  ],
};
