/**
 * SEL § 136 e (kap. 24 b, dementia): staff may use welfare technology, including camera look-in,
 * as part of care unless the person, the fremtidsfuldmægtig, the værge or a nær pårørende med attest
 * objects; then a decision under § 128 b is needed (stk. 5; KB's decision may be unlimited in time).
 */

import { ALL_SETTINGS, careStaff, NOT_FORCE, scope, targetGroup } from '../common.ts';
import { all, isNot, not } from '../predicates.ts';
import type { ConditionDef, Provision } from '../types.ts';
import {
  aiInformed,
  noOpenFrequency,
  noRecording,
  noTwoWayAudio,
  reactiveUse,
  sel128bStk1,
  sel128bStk2,
} from './sel-128b.ts';

const informed = {
  id: 'informed-beforehand',
  text: 'Personen og en eventuel fremtidsfuldmægtig, værge eller nær pårørende med attest er informeret, før teknologien tages i brug.',
  cite: ['sel-136e-stk4', 'vejl2025-k17-p7'],
  kind: 'authority' as const,
};

const nobodyObjects: ConditionDef = {
  id: 'nobody-objects',
  text: 'Hverken personen, fremtidsfuldmægtigen, værgen eller en nær pårørende med attest modsætter sig.',
  cite: ['sel-136e-stk1', 'sel-136e-stk2', 'sel-136e-stk3', 'vejl2025-k8'],
  kind: 'statutory',
  when: all(isNot('consent', 'objects'), not('representativeObjects')),
};

export const sel136e: Provision = {
  id: 'sel-136e',
  label: 'SEL § 136 e',
  title: 'Tryghedsskabende velfærdsteknologi som led i omsorgen (demens)',
  chapter: '24b',
  ...NOT_FORCE,
  decider: 'sel-136e',
  complaintCite: [],
  maxDuration: null,
  targetGroup: true,
  cite: ['sel-136e-stk1', 'sel-136e-stk3', 'vejl2025-k17-p6'],
  conditions: [
    targetGroup,
    scope(ALL_SETTINGS, ['vejl2025-k10-p2']),
    careStaff,
    nobodyObjects,
    informed,
    noRecording,
    noTwoWayAudio,
    noOpenFrequency,
    reactiveUse,
    aiInformed,
  ],
  notes: [
    {
      text: 'Så længe ingen modsætter sig, er brugen ikke magtanvendelse og skal ikke registreres eller indberettes (§ 136 e, stk. 3). Loven nævner også nær pårørende med attest som repræsentant.',
      citations: ['sel-136e-stk3', 'vejl2025-k8'],
    },
  ],
};

export const sel136eStk5: Provision = {
  ...sel128bStk2,
  id: 'sel-136e-stk5',
  label: 'SEL § 136 e, stk. 5',
  title:
    'Tryghedsskabende velfærdsteknologi, når personen eller repræsentanten modsætter sig (afgørelse efter § 128 b)',
  chapter: '24b',
  decider: 'sel-136e-stk5',
  maxDuration: 'sel-136e-stk5',
  cite: ['sel-136e-stk5', 'sel-128b-stk2', 'vejl2025-k17-p7'],
  notes: [
    {
      text: 'Modsætter personen, fremtidsfuldmægtigen, værgen eller en nær pårørende med attest sig, må teknologien ikke bruges uden en forudgående afgørelse fra kommunalbestyrelsen. Afgørelsen kan gøres tidsubegrænset, og repræsentanten skal høres.',
      citations: ['sel-136e-stk5', 'vejl2025-k17-p7'],
    },
  ],
};

export const sel136eStk5Camera: Provision = {
  ...sel128bStk1,
  id: 'sel-136e-stk5-camera',
  label: 'SEL § 128 b, stk. 1',
  title: 'Situationsbestemt kamerakig, når personen med demens eller repræsentanten modsætter sig',
  decider: 'sel-136e-stk5-camera',
  cite: ['sel-128b-stk1', 'sel-136e-stk5', 'vejl2025-k17-p12'],
  notes: [
    {
      text: 'For personer med demens kan personalet bruge kamerakig efter § 136 e, men modsætter personen eller repræsentanten sig, skal Det Socialfaglige Nævn træffe afgørelse efter § 128 b, stk. 1.',
      citations: ['sel-136e-stk5', 'vejl2025-k17-p7', 'vejl2025-k17-p12'],
    },
  ],
};

export const sel136eCamera: Provision = {
  ...sel136e,
  id: 'sel-136e-camera',
  title: 'Situationsbestemt kamerakig som led i omsorgen (demens)',
  cite: ['sel-136e-stk1', 'vejl2025-k17-p12'],
  conditions: [
    targetGroup,
    scope(ALL_SETTINGS, ['vejl2025-k10-p2']),
    careStaff,
    nobodyObjects,
    informed,
    reactiveUse,
    aiInformed,
    noRecording,
  ],
};
