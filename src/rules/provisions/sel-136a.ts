/**
 * SEL § 136 a (kap. 24 a): brief holding in personal hygiene situations. Staff decide the first time
 * (stk. 1); used more than once within 6 months → the leader must ask KB for a decision (stk. 2-3, max 12 months).
 * Only the closed list of hygiene situations in the executive order (bek. § 13, stk. 2).
 */

import { ALL_SETTINGS, forceBasics, lessIntrusiveFirst, proportionate } from '../common.ts';
import { isNot } from '../predicates.ts';
import type { ConditionDef, Provision } from '../types.ts';
import { noAids } from './sel-124c.ts';

const closedList: ConditionDef = {
  id: 'hygiene-closed-list',
  text: 'Situationen er på den udtømmende liste: tandbørstning, barbering, hårvask, badning, håndvask, tøjskift, klipning af hår og negle, skift af bleer og bind, hudpleje, fjernelse af madrester og genstande i mund, kindpose, øre og næse, og almindelig sårpleje.',
  cite: ['vejl2025-k25-p2'],
  kind: 'statutory',
  when: isNot('hygieneTask', 'other'),
  unmet: 'Efter § 136 a må der kun fastholdes i de hygiejnesituationer, der står på bekendtgørelsens udtømmende liste.',
};

const necessary: ConditionDef = {
  id: 'necessary-care',
  text: 'Fastholdelsen er kortvarig og nødvendig for at sikre personens omsorg, sikkerhed eller værdighed (f.eks. for at undgå tryksår eller huller i tænderne).',
  cite: ['sel-136a-stk1', 'vejl2025-k25-p2'],
  kind: 'authority',
};

const common = {
  chapter: '24a' as const,
  isForce: true,
  relativesInformed: true,
  lawyerRequired: false,
  actionPlanRequired: true,
  targetGroup: true,
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    closedList,
    necessary,
    noAids,
    lessIntrusiveFirst,
    proportionate,
  ],
};

export const sel136aStk1: Provision = {
  ...common,
  id: 'sel-136a-stk1',
  label: 'SEL § 136 a, stk. 1',
  title: 'Kortvarig fastholdelse i personlig hygiejne-situationer (akut, første gang)',
  decider: 'sel-136a-stk1',
  registrationRegime: 'acute',
  complaintTo: 'municipality',
  complaintCite: ['sel-133-stk1', 'vejl2025-k25-p4'],
  maxDuration: null,
  cite: ['sel-136a-stk1', 'vejl2025-k25-p2'],
  notes: [
    {
      text: 'Personalelederen skal ud fra indberetningen vurdere, om der bliver brug for fastholdelse igen, og i så fald bede kommunalbestyrelsen om en afgørelse (§ 136 a, stk. 2).',
      citations: ['sel-136a-stk2', 'vejl2025-k25-p3'],
    },
  ],
};

export const sel136aStk3: Provision = {
  ...common,
  id: 'sel-136a-stk3',
  label: 'SEL § 136 a, stk. 3',
  title: 'Kortvarig fastholdelse i personlig hygiejne-situationer efter kommunal afgørelse',
  decider: 'sel-136a-stk3',
  registrationRegime: 'pre_approved',
  complaintTo: 'ankestyrelsen',
  complaintCite: ['sel-133-stk2', 'vejl2025-k25-p4'],
  maxDuration: 'sel-136a-stk3',
  cite: ['sel-136a-stk2', 'sel-136a-stk3', 'vejl2025-k25-p3'],
  notes: [
    {
      text: 'Er der brugt kortvarig fastholdelse mere end én gang inden for {hygiene_restraint_months} måneder – også i forskellige hygiejnesituationer – skal personalelederen bede kommunalbestyrelsen om en afgørelse. Har lederen vurderet, at der ikke ville blive brug for det igen, og viser det sig forkert, kan personalet bruge stk. 1 "en sidste gang".',
      citations: ['sel-136a-stk2', 'vejl2025-k25-p3'],
    },
  ],
};
