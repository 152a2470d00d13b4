/**
 * For every fact: a Danish question staff can answer and its options (value + Danish label).
 * Used for `missingFacts`, chat follow-up buttons and the measures endpoint.
 */
import { renderText, today } from './params.ts';
import type { FactName, FactOption } from './schema.ts';

export interface FactQuestion {
  fact: FactName;
  question: string;
  options: FactOption[];
}

const yesNo: FactOption[] = [
  { value: true, label: 'Ja' },
  { value: false, label: 'Nej' },
];

const count: FactOption[] = [
  { value: 0, label: 'Ingen' },
  { value: 1, label: 'Én gang' },
  { value: 2, label: 'To gange eller flere' },
];

/** The questions as written: numbers as `{parameter}` placeholders, rendered for a date by the engine. */
export const FACT_QUESTION_TEMPLATES: Record<FactName, FactQuestion> = {
  consent: {
    fact: 'consent',
    question: 'Hvordan forholder personen sig selv til indgrebet?',
    options: [
      { value: 'given', label: 'Giver selv gyldigt samtykke' },
      { value: 'objects', label: 'Modsætter sig aktivt (med ord eller handling)' },
      { value: 'passive', label: 'Er passiv: hverken siger ja eller nej' },
      { value: 'unable', label: 'Kan ikke forstå og give samtykke' },
    ],
  },
  documentedImpairment: {
    fact: 'documentedImpairment',
    question: 'Er der faglig dokumentation for, at personen har betydelig og varigt nedsat psykisk funktionsevne?',
    options: yesNo,
  },
  impairmentCause: {
    fact: 'impairmentCause',
    question: 'Skyldes funktionsnedsættelsen demens eller anden erhvervet og fremadskridende mental svækkelse?',
    options: [
      { value: 'dementia', label: 'Ja, demens eller lignende fremadskridende svækkelse' },
      { value: 'other', label: 'Nej, f.eks. udviklingshæmning, autisme eller hjerneskade' },
    ],
  },
  representativeObjects: {
    fact: 'representativeObjects',
    question:
      'Modsætter værgen, fremtidsfuldmægtigen eller en nær pårørende med attest sig (eller tiltræder vedkommende ikke indstillingen)?',
    options: [
      { value: true, label: 'Ja, modsætter sig / tiltræder ikke' },
      { value: false, label: 'Nej, er enig' },
    ],
  },
  representativeConsents: {
    fact: 'representativeConsents',
    question: 'Har pårørende, værge eller fremtidsfuldmægtig sagt ja på personens vegne?',
    options: yesNo,
  },
  physicalResistance: {
    fact: 'physicalResistance',
    question: 'Gør personen fysisk modstand, så I må holde fast for at fortsætte?',
    options: yesNo,
  },
  actor: {
    fact: 'actor',
    question: 'Hvem skal udføre indgrebet?',
    options: [
      { value: 'care_staff', label: 'Personale ansat til omsorgen (også vikarer)' },
      { value: 'other_staff', label: 'Andet personale, f.eks. pedel, rengøring eller vagt' },
      { value: 'relative', label: 'En pårørende' },
    ],
  },
  setting: {
    fact: 'setting',
    question: 'Hvor sker det?',
    options: [
      { value: 'botilbud', label: 'I et botilbud' },
      { value: 'dagtilbud', label: 'I et dagtilbud' },
      { value: 'almen_plejebolig', label: 'I en almen plejebolig' },
      { value: 'own_home', label: 'I borgerens eget hjem' },
      { value: 'excursion', label: 'På udflugt eller lignende' },
    ],
  },
  priorHygieneRestraintsLast6Months: {
    fact: 'priorHygieneRestraintsLast6Months',
    question:
      'Hvor mange gange er personen allerede blevet holdt fast i en hygiejnesituation inden for de sidste {hygiene_restraint_months} måneder?',
    options: count,
  },
  hygieneTask: {
    fact: 'hygieneTask',
    question: 'Hvilken hygiejnesituation drejer det sig om?',
    options: [
      { value: 'toothbrushing', label: 'Tandbørstning' },
      { value: 'shaving', label: 'Barbering' },
      { value: 'hair_washing_bathing_handwashing_dressing', label: 'Hårvask, badning, håndvask eller tøjskift' },
      { value: 'hair_nail_cutting', label: 'Klipning af hår eller negle' },
      { value: 'diaper_change', label: 'Skift af ble eller bind' },
      { value: 'skin_care', label: 'Pleje af hud' },
      {
        value: 'removing_food_or_objects',
        label: 'Fjernelse af madrester eller genstande i mund, kindpose, øre eller næse',
      },
      { value: 'wound_care', label: 'Almindelig sårpleje' },
      { value: 'other', label: 'Noget andet' },
    ],
  },
  aidsUsed: {
    fact: 'aidsUsed',
    question: 'Bruges der hjælpemidler (f.eks. bælter, remme eller bind) til at holde personen fast?',
    options: yesNo,
  },
  technology: {
    fact: 'technology',
    question: 'Hvilken slags teknologi er det?',
    options: [
      { value: 'movement', label: 'Registrering af bevægelse eller kropsreaktioner (f.eks. sensor- eller faldmåtte)' },
      { value: 'sound', label: 'Lydovervågning' },
      { value: 'video', label: 'Video- eller billedovervågning' },
      { value: 'location', label: 'Lokalisering og sporing (f.eks. GPS)' },
    ],
  },
  recordsOrStores: {
    fact: 'recordsOrStores',
    question: 'Optager eller gemmer løsningen lyd eller billeder?',
    options: yesNo,
  },
  twoWayAudio: { fact: 'twoWayAudio', question: 'Kan man tale begge veje gennem løsningen?', options: yesNo },
  openFrequency: { fact: 'openFrequency', question: 'Sender løsningen på åbne frekvensbånd?', options: yesNo },
  recognizableImage: {
    fact: 'recognizableImage',
    question: 'Viser løsningen et billede, hvor personen kan genkendes?',
    options: yesNo,
  },
  usesAI: { fact: 'usesAI', question: 'Bruger løsningen kunstig intelligens?', options: yesNo },
  unlockedAccessRemains: {
    fact: 'unlockedAccessRemains',
    question: 'Vil der stadig være mindst én uaflåst dør, låge eller adgang?',
    options: yesNo,
  },
  locksIndoorCommonAreas: {
    fact: 'locksIndoorCommonAreas',
    question: 'Skal døre fra boligen ud til botilbuddets gange, trapper eller andre indendørs fællesarealer låses?',
    options: yesNo,
  },
  locksPersonIn: { fact: 'locksPersonIn', question: 'Bliver personen låst inde?', options: yesNo },
  blocksFoodDrinkOrExit: {
    fact: 'blocksFoodDrinkOrExit',
    question: 'Bliver personen afskåret fra mad og drikke, fra at gå ud af tilbuddet eller fra andre rum?',
    options: yesNo,
  },
  onlyDelays: {
    fact: 'onlyDelays',
    question: 'Forsinker døråbneren kun personen, så døren stadig kan åbnes?',
    options: yesNo,
  },
  doorAlarm: {
    fact: 'doorAlarm',
    question: 'Er der dørsignal, så personalet kan komme til hjælp?',
    options: yesNo,
  },
  beltReason: {
    fact: 'beltReason',
    question: 'Hvorfor skal stofselen bruges?',
    options: [
      { value: 'fall', label: 'Risiko for personskade ved fald' },
      { value: 'sitting_posture', label: 'Risiko for personskade ved uhensigtsmæssig siddestilling' },
      { value: 'sudden_movements', label: 'Risiko for personskade ved pludselige, ukontrollerbare bevægelser' },
      { value: 'assist_action', label: 'Den hjælper personen med at gøre noget (f.eks. tale eller hoste)' },
      { value: 'restlessness', label: 'Uro, eller for at begrænse personens adfærd' },
    ],
  },
  beltDevice: {
    fact: 'beltDevice',
    question: 'Hvad skal bruges?',
    options: [
      { value: 'fabric_belt_or_similar', label: 'Stofsele eller lignende (f.eks. bækkenbælte, sternumstøtte)' },
      { value: 'cage_or_rope', label: 'Metalbur, reb eller lignende' },
      { value: 'confining_bed_rails', label: 'Sengeheste, som personen ikke selv kan komme ud over' },
      { value: 'fixation', label: 'Fiksering (bæltefiksering o.l.)' },
    ],
  },
  significantPropertyDamage: {
    fact: 'significantPropertyDamage',
    question: 'Er der risiko for væsentlig ødelæggelse af ting af betydelig økonomisk værdi eller affektionsværdi?',
    options: yesNo,
  },
  repeated: {
    fact: 'repeated',
    question: 'Er det sket gentagne gange, og ikke kun én enkelt gang?',
    options: yesNo,
  },
  riskOfHarm: {
    fact: 'riskOfHarm',
    question:
      'Er der en konkret og dokumenteret risiko for den skade, indgrebet skal forhindre (ikke blot en formodning)?',
    options: yesNo,
  },
  lessIntrusiveTried: {
    fact: 'lessIntrusiveTried',
    question: 'Er socialpædagogiske og andre mindre indgribende tiltag forsøgt først, uden at det lykkedes?',
    options: yesNo,
  },
  justifiedByStaffing: {
    fact: 'justifiedByStaffing',
    question: 'Skyldes behovet for indgrebet personalemangel, normering eller travlhed?',
    options: yesNo,
  },
  helpPossibleInCurrentHome: {
    fact: 'helpPossibleInCurrentHome',
    question: 'Kan den nødvendige hjælp gives i den nuværende bolig, f.eks. med hjemmehjælp eller hjælpemidler?',
    options: yesNo,
  },
  // Kap. 24 c and 24 d
  placedByCriminalJudgment: {
    fact: 'placedByCriminalJudgment',
    question:
      'Er personen anbragt i boformen ved dom eller kendelse i en straffesag (og er foranstaltningen stadig i kraft)?',
    options: [
      { value: true, label: 'Ja, anbragt ved dom eller kendelse' },
      { value: false, label: 'Nej, f.eks. anbragt på en almindelig administrativ afgørelse' },
    ],
  },
  boform: {
    fact: 'boform',
    question: 'Hvilken slags botilbud bor personen i?',
    options: [
      { value: '108', label: 'Længerevarende botilbud efter § 108' },
      { value: '107', label: 'Midlertidigt botilbud efter § 107' },
      { value: 'other', label: 'Et andet sted' },
    ],
  },
  secureUnit: {
    fact: 'secureUnit',
    question: 'Er boformen en § 108-boform med sikrede afdelinger (Kofoedsminde)?',
    options: yesNo,
  },
  onLeave: { fact: 'onLeave', question: 'Er personen på udgang, når det skal ske?', options: yesNo },
  urgent: {
    fact: 'urgent',
    question:
      'Haster det så meget, at det ikke kan vente på en afgørelse fra kommunen (f.eks. igangværende kriminalitet eller åben ild)?',
    options: yesNo,
  },
  suspicion: {
    fact: 'suspicion',
    question: 'Hvor stærk er mistanken om farlige eller ulovlige genstande?',
    options: [
      { value: 'none', label: 'Der er ingen konkret mistanke' },
      { value: 'reasonable', label: 'Mistanke med rimelig grund' },
      { value: 'founded', label: 'Begrundet mistanke – vi har f.eks. set genstanden blive gemt' },
    ],
  },
  scannerTriedFirst: {
    fact: 'scannerTriedFirst',
    question: 'Har I først prøvet at bruge scanner?',
    options: yesNo,
  },
  sameSexStaff: {
    fact: 'sameSexStaff',
    question: 'Er de ansatte, der undersøger og overværer, af samme køn som den, der undersøges?',
    options: yesNo,
  },
  undressing: { fact: 'undressing', question: 'Skal personen klæde sig af ved undersøgelsen?', options: yesNo },
  bodyCavity: { fact: 'bodyCavity', question: 'Skal kropsåbninger undersøges?', options: yesNo },
  readsLetters: {
    fact: 'readsLetters',
    question: 'Skal personalet læse brevene (og ikke kun åbne dem for at se efter genstande)?',
    options: yesNo,
  },
  protectedCorrespondent: {
    fact: 'protectedCorrespondent',
    question: 'Er det kommunikation eller post med en myndighed, en advokat, en værge eller en bistandsværge?',
    options: yesNo,
  },
  staffPresent: {
    fact: 'staffPresent',
    question: 'Hvor mange ansatte deltager?',
    options: [
      { value: 1, label: 'Én ansat' },
      { value: 2, label: 'To ansatte eller flere' },
    ],
  },
  hours: {
    fact: 'hours',
    question: 'Hvor længe skal personen være låst inde eller afskærmet?',
    options: [
      { value: 0.5, label: 'En halv time' },
      { value: 2, label: 'Op til 2 timer' },
      { value: 8, label: 'Op til 8 timer' },
      { value: 10, label: 'Mere end 8 timer' },
    ],
  },
  withinNightWindow: {
    fact: 'withinNightWindow',
    question: 'Ligger hele aflåsningen mellem kl. {night_window_start_hour:clock} og {night_window_end_hour:clock}?',
    options: yesNo,
  },
  nightLockConditionsMet: {
    fact: 'nightLockConditionsMet',
    question:
      'Er alle disse betingelser opfyldt: det er forsvarligt uden sundhedsrisiko, personen er ikke selvmordstruet, kan selv tilkalde personale, har adgang til toilet og vand, og der føres jævnligt tilsyn?',
    options: yesNo,
  },
  noHealthRisk: {
    fact: 'noHealthRisk',
    question:
      'Er indgrebet forsvarligt og uden sundhedsmæssig risiko for personen – også med hensyn til brandsikkerhed og risiko for selvskade?',
    options: yesNo,
  },
  suicidal: {
    fact: 'suicidal',
    question: 'Er personen selvmordstruet?',
    options: yesNo,
  },
  canCallStaff: {
    fact: 'canCallStaff',
    question: 'Har personen en tilkaldemulighed (f.eks. en kaldeknap), som vedkommende selv kan betjene?',
    options: yesNo,
  },
  toiletAndWater: {
    fact: 'toiletAndWater',
    question: 'Har personen adgang til toilet og vand, mens indgrebet står på?',
    options: yesNo,
  },
  regularSupervision: {
    fact: 'regularSupervision',
    question: 'Bliver personen overvåget jævnligt, f.eks. hvert 10. minut?',
    options: yesNo,
  },
  inOwnRoom: {
    fact: 'inOwnRoom',
    question: 'Skal personen afskærmes i sit eget værelse (i stedet for et særligt afskærmningslokale)?',
    options: yesNo,
  },
  visitorBehaviour: {
    fact: 'visitorBehaviour',
    question: 'Hvad gør den besøgende?',
    options: [
      { value: 'violence_or_threats', label: 'Udøver vold, truer eller er til fare for andre' },
      { value: 'repeated_harassment', label: 'Chikanerer eller overfuser gentagne gange beboere eller personale' },
      { value: 'strongly_disturbing', label: 'Er stærkt generende, f.eks. meget beruset, så andre bliver utrygge' },
      { value: 'criticism_only', label: 'Kritiserer kun plejen eller serviceniveauet' },
    ],
  },
  towardsStaffDuringCare: {
    fact: 'towardsStaffDuringCare',
    question:
      'Retter adfærden sig mod personalet, og skal den besøgende kun holdes ude, mens der gives visiteret hjælp i boligen?',
    options: yesNo,
  },
  decidedAtCouncilMeeting: {
    fact: 'decidedAtCouncilMeeting',
    question: 'Træffes afgørelsen på et møde i kommunalbestyrelsen eller det stående udvalg?',
    options: [
      { value: true, label: 'Ja, på et møde' },
      { value: false, label: 'Nej, af forvaltningen' },
    ],
  },
  requestedMonths: {
    fact: 'requestedMonths',
    question: 'Hvor mange måneder skal tilladelsen gælde?',
    options: [
      { value: 6, label: '6 måneder' },
      { value: 12, label: '12 måneder' },
      { value: 18, label: '18 måneder' },
      { value: 24, label: '24 måneder' },
    ],
  },
  // Shared facts for later issues (decisionExists/decisionDate: read for Verdict.decisionUse, not by conditions).
  under18: { fact: 'under18', question: 'Er personen under 18 år?', options: yesNo },
  decisionExists: {
    fact: 'decisionExists',
    question: 'Er der allerede truffet en afgørelse om dette indgreb?',
    options: yesNo,
  },
  decisionDate: { fact: 'decisionDate', question: 'Hvornår blev afgørelsen truffet?', options: [] },
  holdMinutes: {
    fact: 'holdMinutes',
    question: 'Hvor mange minutter varede fastholdelsen?',
    options: [
      { value: 1, label: 'Under 2 minutter' },
      { value: 5, label: 'Omkring 5 minutter' },
      { value: 15, label: 'Omkring et kvarter' },
      { value: 30, label: 'En halv time eller mere' },
    ],
  },
  dangerToOthers: {
    fact: 'dangerToOthers',
    question: 'Var der fare for, at personen ville skade andre (f.eks. slå en medbeboer)?',
    options: yesNo,
  },
};

/** The questions with the parameters in force today (for the conversation, quizzes and the measures endpoint). */
export const FACT_QUESTIONS: Record<FactName, FactQuestion> = renderQuestions(today());

export function renderQuestions(asOf: string): Record<FactName, FactQuestion> {
  return Object.fromEntries(
    Object.entries(FACT_QUESTION_TEMPLATES).map(([k, q]) => [k, { ...q, question: renderText(q.question, asOf) }]),
  ) as Record<FactName, FactQuestion>;
}
