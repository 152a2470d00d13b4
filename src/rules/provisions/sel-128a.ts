/** SEL § 128 a, stk. 3: epilepsy and other seizure alarms are not force. */
import { NOT_FORCE } from '../common.ts';
import type { Provision } from '../types.ts';

export const sel128aStk3: Provision = {
  id: 'sel-128a-stk3',
  label: 'SEL § 128 a, stk. 3',
  title: 'Epilepsialarmer og lignende anfaldsalarmer',
  chapter: '24',
  ...NOT_FORCE,
  decider: 'sel-128a-stk3',
  complaintCite: [],
  maxDuration: null,
  cite: ['sel-128a-stk3', 'vejl2025-k17-p2'],
  conditions: [
    {
      id: 'seizure-purpose',
      text: 'Alarmen bruges til at opdage epileptiske eller lignende anfald.',
      cite: ['sel-128a-stk3', 'vejl2025-k17-p2'],
      kind: 'authority',
    },
  ],
};
