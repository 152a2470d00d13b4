/** SEL § 125 Særlige døråbnere (KB, 12 months, bek. § 3). */

import { BO_DAG, forceBasics, lessIntrusiveFirst, noLockIn, PRE_APPROVED_24, proportionate, risk } from '../common.ts';
import { holds } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel125: Provision = {
  id: 'sel-125',
  label: 'SEL § 125',
  title: 'Særlige døråbnere',
  ...PRE_APPROVED_24,
  decider: 'sel-125',
  complaintCite: ['sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: 'sel-125',
  cite: ['sel-125-stk1', 'sel-125-stk2', 'vejl2025-k15-p1'],
  conditions: [
    ...forceBasics(BO_DAG, ['vejl2025-k10-p2']),
    risk(
      'risk-serious-injury',
      'Der er nærliggende risiko for, at personen ved at forlade tilbuddet udsætter sig selv eller andre for væsentlig personskade – dokumenteret (personen er "dørsøgende"), ikke blot formodet; almindelige gå-risici og tingsskade tæller ikke.',
      ['sel-125-stk2-nr1', 'vejl2025-k15-p2'],
      'Særlige døråbnere kræver en dokumenteret, nærliggende risiko for væsentlig personskade. Går personen en kendt, sikker rute, eller er risikoen kun tingsskade eller almindelige gå-risici, er betingelsen ikke opfyldt.',
    ),
    {
      id: 'absolutely-required',
      text: 'Forholdene gør det absolut påkrævet for at afværge risikoen, og lovens øvrige muligheder (f.eks. tryghedsskabende velfærdsteknologi) er forsøgt forgæves.',
      cite: ['sel-125-stk2-nr2', 'sel-125-stk2-nr3', 'vejl2025-k15-p3', 'vejl2025-k15-p4'],
      kind: 'authority',
    },
    {
      id: 'only-delays',
      text: 'Døråbneren forsinker kun personen og virker aldrig som en lås.',
      cite: ['vejl2025-k15-p1'],
      kind: 'prohibition',
      when: holds('onlyDelays'),
      unmet: 'En særlig døråbner må kun forsinke personen og må aldrig fungere som en låsemekanisme.',
    },
    {
      id: 'door-alarm',
      text: 'Der er dørsignal, så beboere, der ikke selv kan betjene døråbneren, får hjælp.',
      cite: ['sel-125-stk3', 'vejl2025-k15-p4'],
      kind: 'statutory',
      when: holds('doorAlarm'),
      unmet: 'Ved brug af særlige døråbnere skal der være dørsignal (§ 125, stk. 3).',
    },
    noLockIn,
    lessIntrusiveFirst,
    proportionate,
  ],
};
