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
  type NumberedItem,
  numberedItems,
  secureUnit,
  target24d,
} from '../common-24cd.ts';
import { atMost, holds, not, parameter } from '../predicates.ts';
import type { Provision } from '../types.ts';

/**
 * § 137 j, stk. 3, nr. 1-5: the measure may only be used when every numbered item is met. Each item has its own
 * fact (a journal form can answer them one by one); the summary fact nightLockConditionsMet ("all five are met")
 * stands in for items not answered: "yes" meets them all, "no" says one fails but not which, so an item without
 * its own answer is then for the deciding authority to judge. The aggregate row is unmet as soon as one item is.
 */
const ALL_MET = holds('nightLockConditionsMet');
const NR: NumberedItem[] = [
  {
    id: 'stk3-nr1-no-health-risk',
    text: '§ 137 j, stk. 3, nr. 1: Indgrebet er forsvarligt og uden sundhedsmæssig risiko for personen (også brandsikkerhed og risiko for selvskade).',
    met: holds('noHealthRisk'),
  },
  {
    id: 'stk3-nr2-not-suicidal',
    text: '§ 137 j, stk. 3, nr. 2: Personen er ikke selvmordstruet.',
    met: not('suicidal'),
  },
  {
    id: 'stk3-nr3-can-call-staff',
    text: '§ 137 j, stk. 3, nr. 3: Personen har en tilkaldemulighed, som vedkommende kan betjene.',
    met: holds('canCallStaff'),
  },
  {
    id: 'stk3-nr4-toilet-water',
    text: '§ 137 j, stk. 3, nr. 4: Personen har adgang til toilet og vand.',
    met: holds('toiletAndWater'),
  },
  {
    id: 'stk3-nr5-supervision',
    text: '§ 137 j, stk. 3, nr. 5: Personen overvåges jævnligt (f.eks. hvert 10. minut).',
    met: holds('regularSupervision'),
  },
];

const STK3 = {
  id: 'stk3-conditions',
  text: 'Alle fem betingelser i § 137 j, stk. 3, nr. 1-5 (nedenfor) er opfyldt.',
  unmet: 'Er blot én af betingelserne i § 137 j, stk. 3, nr. 1-5 ikke opfyldt, kan indgrebet ikke iværksættes.',
  items: NR,
  summary: ALL_MET,
};

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
      text: 'Aflåsningen varer højst {night_lock_max_hours} timer.',
      cite: K31_P3_P4,
      kind: 'statutory',
      when: atMost('hours', parameter('night_lock_max_hours')),
      unmet: 'Den anbragte kan højst låses inde i sin bolig i {night_lock_max_hours} timer (§ 137 j, stk. 1).',
    },
    {
      id: 'night-window',
      text: 'Aflåsningen ligger inden for tidsrummet kl. {night_window_start_hour:clock}-{night_window_end_hour:clock}.',
      cite: K31_P3_P4,
      kind: 'statutory',
      when: holds('withinNightWindow'),
      unmet:
        'Aflåsning er kun tilladt om natten inden for tidsrummet kl. {night_window_start_hour:clock}-{night_window_end_hour:clock}.',
    },
    ...numberedItems(STK3, K31_P3_P4),
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
      text: 'Anbringelsen er så kortvarig som muligt og varer højst {seclusion_max_hours} timer.',
      cite: K32_P5_P6,
      kind: 'statutory',
      when: atMost('hours', parameter('seclusion_max_hours')),
      unmet:
        'Anbringelse i afskærmningslokale må ikke udstrækkes ud over {seclusion_max_hours} timer (§ 137 j, stk. 2).',
    },
    {
      id: 'fitted-room',
      text: 'Anbringelsen sker i et særskilt lokale indrettet til formålet (uden farlige effekter, med vindue til tilsyn) – aldrig i den anbragtes eget værelse.',
      cite: ['vejl2025-k32-p6'],
      kind: 'prohibition',
      when: not('inOwnRoom'),
      unmet: 'Den anbragtes eget værelse kan ikke udgøre et afskærmningslokale.',
    },
    ...numberedItems(STK3, K32_P5_P6),
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
