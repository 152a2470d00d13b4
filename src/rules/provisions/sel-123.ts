/** SEL § 123 Husorden: the leader's advisory house rules; not force. */
import { HOUSE_RULE_SETTINGS, NOT_FORCE, noLockIn, scope } from '../common.ts';
import type { Provision } from '../types.ts';

export const sel123: Provision = {
  id: 'sel-123',
  label: 'SEL § 123',
  title: 'Husorden',
  chapter: '24',
  ...NOT_FORCE,
  decider: 'sel-123',
  complaintCite: [],
  maxDuration: null,
  cite: ['sel-123', 'vejl2025-k11-p1'],
  conditions: [
    scope(HOUSE_RULE_SETTINGS, ['vejl2025-k10-p2', 'vejl2025-k11-p1']),
    {
      id: 'advisory-common-areas',
      text: 'Husordenen er vejledende, gælder kun fællesarealer (aldrig beboerens egen bolig) og kan ikke danne grundlag for magtanvendelse.',
      cite: ['sel-123', 'vejl2025-k11-p1'],
      kind: 'statutory',
    },
    {
      id: 'involve-residents',
      text: 'Beboere og pårørende inddrages, og nye beboere orienteres om husordenen.',
      cite: ['sel-123'],
      kind: 'authority',
    },
    {
      ...noLockIn,
      text: 'Husordenen forbyder ikke beboerne at forlade tilbuddet og låser ingen inde (Grundloven § 71).',
      cite: ['grl-71-stk1', 'vejl2025-k11-p1'],
    },
  ],
};
