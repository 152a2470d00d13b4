/**
 * SEL § 137 j (kap. 24 d): locking the placed person in their dwelling at night, up to 8 hours between 21.00 and
 * 8.00, when there is an imminent risk of escape (stk. 1); seclusion in a room fitted for it, at most 2 hours, in a
 * § 108 boform with sikrede afdelinger (stk. 2); both only when every condition of stk. 3, nr. 1-5 is met.
 */
import {
  endsWhenConditionsLapse,
  kap24dDecision,
  kap24dInterim,
  lessIntrusive24d,
  secureUnit,
  target24d,
} from '../common-24cd.ts';
import type { ConditionDef, Provision } from '../types.ts';

function stk3(cite: string[]): ConditionDef {
  return {
    id: 'stk3-conditions',
    text: 'Alle betingelser i § 137 j, stk. 3 er opfyldt: 1) indgrebet er forsvarligt uden sundhedsmæssig risiko (også brandsikkerhed og selvskade), 2) personen er ikke selvmordstruet, 3) personen har en tilkaldemulighed, vedkommende kan betjene, 4) adgang til toilet og vand, og 5) jævnlig overvågning (f.eks. hvert 10. minut).',
    cite,
    kind: 'statutory',
    facts: ['nightLockConditionsMet'],
    test: (f) => f.nightLockConditionsMet,
    unmet: 'Er blot én af betingelserne i § 137 j, stk. 3, nr. 1-5 ikke opfyldt, kan indgrebet ikke iværksættes.',
  };
}

const K31_P3_P4 = ['vejl2025-k31-p3', 'vejl2025-k31-p4'];

export const sel137jStk1: Provision = kap24dDecision({
  id: 'sel-137j-stk1',
  label: 'SEL § 137 j, stk. 1',
  title: 'Aflåsning af den anbragtes bolig om natten',
  cite: K31_P3_P4,
  conditions: [
    ...target24d,
    {
      id: 'max-8-hours',
      text: 'Aflåsningen varer højst 8 timer.',
      cite: K31_P3_P4,
      kind: 'statutory',
      facts: ['hours'],
      test: (f) => (f.hours === undefined ? undefined : f.hours <= 8),
      unmet: 'Den anbragte kan højst låses inde i sin bolig i 8 timer (§ 137 j, stk. 1).',
    },
    {
      id: 'night-window',
      text: 'Aflåsningen ligger inden for tidsrummet kl. 21.00-8.00.',
      cite: K31_P3_P4,
      kind: 'statutory',
      facts: ['withinNightWindow'],
      test: (f) => f.withinNightWindow,
      unmet: 'Aflåsning er kun tilladt om natten inden for tidsrummet kl. 21.00-8.00.',
    },
    stk3(K31_P3_P4),
    {
      id: 'escape-risk',
      text: 'Der er nærliggende risiko for, at den anbragte ellers vil undvige fra boformen (det kræves ikke, at personen tidligere er undveget).',
      cite: K31_P3_P4,
      kind: 'authority',
    },
    lessIntrusive24d,
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Aflåsningen kan omfatte døre fra boligen til servicearealer og vinduer og døre mod det fri. Boligen skal låses op med det samme, når betingelserne ikke længere er til stede.',
      citations: ['vejl2025-k31-p4'],
    },
  ],
});
export const sel137jStk1Interim: Provision = kap24dInterim(sel137jStk1);

const K32_P5_P6 = ['vejl2025-k32-p5', 'vejl2025-k32-p6'];

export const sel137jStk2: Provision = kap24dDecision({
  id: 'sel-137j-stk2',
  label: 'SEL § 137 j, stk. 2',
  title: 'Anbringelse i afskærmningslokale',
  cite: K32_P5_P6,
  conditions: [
    ...target24d,
    secureUnit(K32_P5_P6),
    {
      id: 'max-2-hours',
      text: 'Anbringelsen er så kortvarig som muligt og varer højst 2 timer.',
      cite: K32_P5_P6,
      kind: 'statutory',
      facts: ['hours'],
      test: (f) => (f.hours === undefined ? undefined : f.hours <= 2),
      unmet: 'Anbringelse i afskærmningslokale må ikke udstrækkes ud over 2 timer (§ 137 j, stk. 2).',
    },
    {
      id: 'fitted-room',
      text: 'Anbringelsen sker i et særskilt lokale indrettet til formålet (uden farlige effekter, med vindue til tilsyn) – aldrig i den anbragtes eget værelse.',
      cite: ['vejl2025-k32-p6'],
      kind: 'prohibition',
      facts: ['inOwnRoom'],
      test: (f) => (f.inOwnRoom === undefined ? undefined : !f.inOwnRoom),
      unmet: 'Den anbragtes eget værelse kan ikke udgøre et afskærmningslokale.',
    },
    stk3(K32_P5_P6),
    {
      id: 'imminent-danger',
      text: 'Der er overhængende fare for, at den anbragte skader sig selv eller andre.',
      cite: K32_P5_P6,
      kind: 'authority',
    },
    lessIntrusive24d,
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Anbringelsen ophører straks, når betingelserne ikke længere er til stede – f.eks. når den anbragte falder til ro efter en halv time. Er den anbragte affektpræget, opholder en ansat sig uden for lokalet under hele anbringelsen.',
      citations: ['vejl2025-k32-p6'],
    },
  ],
});
export const sel137jStk2Interim: Provision = kap24dInterim(sel137jStk2);
