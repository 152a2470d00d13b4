/**
 * SEL § 137 h (kap. 24 d): search of the placed person's room and belongings (stk. 1, any § 108 boform); in a § 108
 * boform with sikrede afdelinger: scanners without decision (stk. 2), search of the person's body surface (stk. 3),
 * opening and checking post without reading it (stk. 4-6), and searching visitors' bags and outer clothing (stk. 7-8).
 */

import { NOT_FORCE } from '../common.ts';
import {
  endsWhenConditionsLapse,
  kap24dDecision,
  kap24dInterim,
  lessIntrusive24d,
  NO_CONSENT_POLICE_NOTE,
  orderOrSafety,
  secureUnit,
  target24d,
} from '../common-24cd.ts';
import { any, atLeast, holds, is, isNot, not } from '../predicates.ts';
import type { ConditionDef, Provision } from '../types.ts';

/** At least two staff; each use gives its citations and its Danish reason. */
const twoStaff: ConditionDef = {
  id: 'two-staff',
  text: 'Der deltager altid mindst to ansatte.',
  cite: [],
  kind: 'statutory',
  when: atLeast('staffPresent', 2),
};

const scannerFirst: ConditionDef = {
  id: 'scanner-first',
  text: 'Risikoen er først forsøgt imødegået med scanner (§ 137 h, stk. 2), som er mindre indgribende end en manuel undersøgelse.',
  cite: [],
  kind: 'statutory',
  when: holds('scannerTriedFirst'),
  unmet: 'Det er en betingelse, at risikoen først er forsøgt imødegået ved brug af scanner.',
};

const noUndressingVisitor: ConditionDef = {
  id: 'no-undressing',
  text: 'Undersøgelsen indebærer ikke afklædning.',
  cite: ['vejl2025-k32-p4'],
  kind: 'prohibition',
  when: not('undressing'),
  unmet: 'Undersøgelse af en besøgende kan aldrig indebære afklædning.',
};

const K31_P1_P2 = ['vejl2025-k31-p1', 'vejl2025-k31-p2'];

export const sel137hStk1: Provision = kap24dDecision({
  id: 'sel-137h-stk1',
  label: 'SEL § 137 h, stk. 1',
  title: 'Undersøgelse af den anbragtes opholdsrum og ejendele',
  cite: K31_P1_P2,
  conditions: [
    ...target24d,
    {
      ...twoStaff,
      cite: K31_P1_P2,
      unmet:
        'Af hensyn til den anbragtes og personalets sikkerhed skal der altid deltage mindst to ansatte ved undersøgelse af opholdsrum og ejendele (§ 137 h, stk. 1).',
    },
    orderOrSafety(K31_P1_P2),
    lessIntrusive24d,
    {
      id: 'no-body-search',
      text: 'Undersøgelsen omfatter opholdsrum, beklædning, tasker og andre ejendele – ikke kropsvisitation (det kræver § 137 h, stk. 3 i en boform med sikrede afdelinger).',
      cite: ['vejl2025-k31-p2'],
      kind: 'statutory',
    },
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Undersøgelsen sker som udgangspunkt, mens den anbragte overværer den, men kan ske uden, hvis der er begrundet risiko for trusler eller vold mod personalet. Findes der effekter, der bør inddrages, træffes afgørelse efter § 137 i.',
      citations: ['vejl2025-k31-p2'],
    },
  ],
});
export const sel137hStk1Interim: Provision = kap24dInterim(sel137hStk1);

/** § 137 h, stk. 2: scanners need no decision; no registration, no complaint. */
export const sel137hStk2: Provision = {
  id: 'sel-137h-stk2',
  label: 'SEL § 137 h, stk. 2',
  title: 'Anvendelse af scannere over for anbragte og besøgende',
  chapter: '24d',
  ...NOT_FORCE,
  isForce: true,
  decider: 'sel-137h-stk2',
  complaintCite: [],
  maxDuration: null,
  cite: ['vejl2025-k32-p1', 'vejl2025-k32-p2'],
  conditions: [
    ...target24d,
    secureUnit(['vejl2025-k32-p1', 'vejl2025-k32-p2']),
    {
      id: 'purpose',
      text: 'Scanningen skal forhindre, at anbragte eller besøgende besidder effekter, der kan true ordenen eller sikkerheden eller bruges til ny kriminalitet (rutinemæssigt eller i udvalgte situationer, af personalet eller fagkyndige eksterne).',
      cite: ['vejl2025-k32-p1', 'vejl2025-k32-p2'],
      kind: 'authority',
    },
  ],
  deciderText:
    'Personalet kan bruge scannere uden afgørelse og uden materielle betingelser eller formkrav. Det er ikke en afgørelse: brugen skal ikke registreres eller indberettes og kan ikke påklages til Ankestyrelsen.',
  notes: [
    {
      text: 'Effekter, som findes hos en besøgende, kan opbevares i et aflåst rum eller skab under besøget og udleveres, når den besøgende går (§ 137 h, stk. 8); effekter hos den anbragte kan inddrages efter afgørelse efter § 137 i.',
      citations: ['vejl2025-k32-p2'],
    },
    NO_CONSENT_POLICE_NOTE,
  ],
};

const K32_P2_P3 = ['vejl2025-k32-p2', 'vejl2025-k32-p3'];

export const sel137hStk3: Provision = kap24dDecision({
  id: 'sel-137h-stk3',
  label: 'SEL § 137 h, stk. 3',
  title: 'Undersøgelse af, hvilke effekter den anbragte har på sin person (kropsvisitation)',
  cite: K32_P2_P3,
  conditions: [
    ...target24d,
    secureUnit(K32_P2_P3),
    {
      id: 'no-body-cavities',
      text: 'Undersøgelsen omfatter aldrig kropsåbninger.',
      cite: ['vejl2025-k32-p3'],
      kind: 'prohibition',
      when: not('bodyCavity'),
      unmet: 'Bestemmelsen giver aldrig mulighed for at undersøge den anbragtes kropsåbninger.',
    },
    {
      id: 'founded-suspicion',
      text: 'Der foreligger begrundet mistanke (personalet har en konkret begrundelse, f.eks. har set den anbragte lægge en kniv i sit undertøj) om effekter, der kan true ordenen eller sikkerheden eller bruges til ny kriminalitet.',
      cite: K32_P2_P3,
      kind: 'statutory',
      when: is('suspicion', 'founded'),
      unmet: 'Undersøgelse af den anbragtes person kræver begrundet mistanke – mistanke med rimelig grund er ikke nok.',
    },
    { ...scannerFirst, cite: K32_P2_P3 },
    {
      ...twoStaff,
      cite: K32_P2_P3,
      unmet: 'Der skal altid deltage mindst to ansatte ved undersøgelsen af den anbragtes person.',
    },
    {
      id: 'undressing-same-sex',
      text: 'En undersøgelse med afklædning foretages og overværes kun af to ansatte af samme køn som den anbragte, og afklædning sker indendørs.',
      cite: K32_P2_P3,
      kind: 'statutory',
      when: any(holds('sameSexStaff'), not('undressing')),
      unmet:
        'En undersøgelse, der indebærer afklædning, må kun foretages og overværes af to ansatte af samme køn som den anbragte.',
    },
    lessIntrusive24d,
    {
      id: 'gentle',
      text: 'Undersøgelsen foretages så skånsomt, som omstændighederne tillader, helst af en ansat, den anbragte har det bedst med.',
      cite: ['vejl2025-k32-p3'],
      kind: 'authority',
    },
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Mindre indgribende betyder her også, at personalet forgæves har forsøgt at overtale den anbragte til selv at fortælle, om vedkommende har sådanne genstande på sig. Sætter den anbragte sig til modværge, kan politiet tilkaldes.',
      citations: ['vejl2025-k32-p3'],
    },
  ],
});
export const sel137hStk3Interim: Provision = kap24dInterim(sel137hStk3);

const K32_P4_P5 = ['vejl2025-k32-p4', 'vejl2025-k32-p5'];

export const sel137hStk4: Provision = kap24dDecision({
  id: 'sel-137h-stk4',
  label: 'SEL § 137 h, stk. 4',
  title: 'Åbning og kontrol af post til den anbragte',
  cite: K32_P4_P5,
  conditions: [
    ...target24d,
    secureUnit(K32_P4_P5),
    {
      id: 'not-protected-correspondent',
      text: 'Posten er ikke brevveksling med offentlige myndigheder, advokater, værger eller bistandsværger (den er altid ukontrolleret).',
      cite: K32_P4_P5,
      kind: 'prohibition',
      when: not('protectedCorrespondent'),
      unmet:
        'Den anbragte har ret til ukontrolleret brevveksling med offentlige myndigheder, advokater, værger og bistandsværger (§ 137 h, stk. 6).',
    },
    {
      id: 'not-read',
      text: 'Personalet åbner kun posten for at kontrollere, om den indeholder ulovlige eller farlige genstande – brevene læses aldrig.',
      cite: ['vejl2025-k32-p5'],
      kind: 'prohibition',
      when: not('readsLetters'),
      unmet: 'Bestemmelsen giver ikke adgang til at læse den anbragtes breve, kun til at åbne og kontrollere dem.',
    },
    {
      id: 'suspicion',
      text: 'Der foreligger mistanke med rimelig grund om, at posten indeholder effekter, der kan true ordenen eller sikkerheden eller bruges til ny kriminalitet (f.eks. euforiserende stoffer).',
      cite: K32_P4_P5,
      kind: 'statutory',
      when: isNot('suspicion', 'none'),
      unmet: 'Åbning og kontrol af post kræver mistanke med rimelig grund om farlige eller ulovlige effekter.',
    },
    lessIntrusive24d,
    {
      id: 'in-presence',
      text: 'Posten åbnes i den anbragtes påsyn, medmindre ordens- eller sikkerhedsmæssige hensyn kræver andet – så orienteres den anbragte straks bagefter. Den anbragte kan først afvise at modtage posten, som så sendes retur (eller destrueres uden afsender).',
      cite: K32_P4_P5,
      kind: 'statutory',
    },
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Kun fysisk post (breve og pakker) er omfattet. Post, der ikke bør udleveres, sendes tilbage, men kan tilbageholdes, så længe sikkerheden kræver det; afsenderen skal have besked (stk. 5).',
      citations: K32_P4_P5,
    },
  ],
});
export const sel137hStk4Interim: Provision = kap24dInterim(sel137hStk4);

const K32_P3_P4 = ['vejl2025-k32-p3', 'vejl2025-k32-p4'];

export const sel137hStk7: Provision = kap24dDecision({
  id: 'sel-137h-stk7',
  label: 'SEL § 137 h, stk. 7',
  title: 'Undersøgelse af besøgendes tasker, pakker og yderbeklædning',
  cite: K32_P3_P4,
  conditions: [
    ...target24d,
    secureUnit(K32_P3_P4),
    noUndressingVisitor,
    {
      id: 'suspicion',
      text: 'Der foreligger mistanke med rimelig grund om, at den besøgende medbringer effekter, der kan true ordenen eller sikkerheden eller bruges til ny kriminalitet; for effekter, den besøgende bærer på kroppen, kræves begrundet mistanke om indsmugling.',
      cite: K32_P3_P4,
      kind: 'statutory',
      when: isNot('suspicion', 'none'),
      unmet: 'Undersøgelse af en besøgendes effekter kræver mistanke – der kan ikke undersøges uden mistanke.',
    },
    { ...scannerFirst, cite: K32_P3_P4 },
    {
      id: 'pat-down-same-sex',
      text: 'Visitation af det tøj, den besøgende har på (klappe og mærke uden på tøjet), foretages af personale af samme køn som den besøgende.',
      cite: ['vejl2025-k32-p4'],
      kind: 'statutory',
    },
    lessIntrusive24d,
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Undersøgelsen kan ikke gennemtvinges: nægter den besøgende, kan personalet afvise besøget. Fundne effekter kan opbevares i et aflåst rum eller skab og udleveres, når den besøgende går (stk. 8). Afgørelsen træffes over for både den besøgende og den anbragte, som begge kan klage, og registreringen skal indeholde den besøgendes navn. Er der mistanke om en strafbar handling, kontaktes politiet.',
      citations: K32_P3_P4,
    },
  ],
});
export const sel137hStk7Interim: Provision = kap24dInterim(sel137hStk7);
