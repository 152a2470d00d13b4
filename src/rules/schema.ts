/**
 * Input and output schemas of the rule evaluator (zod 4). They are the contract of
 * `evaluate`, the CLI and later the HTTP API: keep them JSON-schema representable
 * (no transforms or refinements), so `z.toJSONSchema` can document them and journal
 * systems can render forms from them.
 */
import { z } from 'zod';
import { DomainError } from '../errors/index.ts';

/** Measure ids: a contract with the API, the quizzes and outside checks (kap. 24-24 b, then kap. 24 c and 24 d). */
/** The acts of kap. 24 d (persons placed in a § 108 boform by judgment or kendelse, §§ 137 e-137 m). */
export const KAP_24D_MEASURE_IDS = [
  'monitor_communication',
  'block_communication',
  'device_ban',
  'search_room',
  'scanner',
  'body_search',
  'check_post',
  'search_visitor',
  'confiscation',
  'night_lock_in',
  'seclusion_room',
] as const;

export const MEASURE_IDS = [
  'house_rules',
  'physical_guidance',
  'averting_damage',
  'release_grip',
  'restraint',
  'special_door_opener',
  'fabric_belt',
  'seizure_alarm',
  'camera_lookin',
  'welfare_technology',
  'lock_own_home_exterior',
  'lock_common_room_door',
  'lock_service_area',
  'lock_outdoor_gate',
  'lock_cupboards',
  'open_home_door',
  'relocation',
  'relocation_danger_to_others',
  'hygiene_restraint',
  'protective_equipment',
  'other',
  // Kap. 24 c (besøgsrestriktioner, §§ 137 a-137 d)
  'visitor_restriction_common_areas',
  'visitor_restriction_own_home',
  // Kap. 24 d (personer anbragt i en § 108-boform ved dom eller kendelse, §§ 137 e-137 m)
  ...KAP_24D_MEASURE_IDS,
] as const;

export const MeasureIdSchema = z
  .enum(MEASURE_IDS)
  .describe('Indgrebet, der spørges om (fast id, f.eks. "lock_own_home_exterior" for SEL § 128 c).');
export type MeasureId = z.infer<typeof MeasureIdSchema>;

export const CONSENT_VALUES = ['given', 'objects', 'passive', 'unable'] as const;
export const IMPAIRMENT_CAUSES = ['dementia', 'other'] as const;
export const ACTORS = ['care_staff', 'other_staff', 'relative'] as const;
export const SETTINGS = ['botilbud', 'dagtilbud', 'almen_plejebolig', 'own_home', 'excursion'] as const;
export const HYGIENE_TASKS = [
  'toothbrushing',
  'shaving',
  'hair_washing_bathing_handwashing_dressing',
  'hair_nail_cutting',
  'diaper_change',
  'skin_care',
  'removing_food_or_objects',
  'wound_care',
  'other',
] as const;
export const TECHNOLOGIES = ['movement', 'sound', 'video', 'location'] as const;
export const BELT_REASONS = ['fall', 'sitting_posture', 'sudden_movements', 'assist_action', 'restlessness'] as const;
export const BELT_DEVICES = ['fabric_belt_or_similar', 'cage_or_rope', 'confining_bed_rails', 'fixation'] as const;

export const BOFORMS = ['108', '107', 'other'] as const;
export const SUSPICION_LEVELS = ['none', 'reasonable', 'founded'] as const;
export const VISITOR_BEHAVIOURS = [
  'violence_or_threats',
  'repeated_harassment',
  'strongly_disturbing',
  'criticism_only',
] as const;

export type Setting = (typeof SETTINGS)[number];

/** Every fact is optional: absent means unknown. */
export const FactsSchema = z
  .strictObject({
    consent: z
      .enum(CONSENT_VALUES)
      .optional()
      .describe(
        'Personens eget samtykke: given = gyldigt samtykke; objects = modsætter sig aktivt; passive = passiv (ikke samtykke); unable = kan ikke give informeret samtykke.',
      ),
    documentedImpairment: z
      .boolean()
      .optional()
      .describe('Er der faglig dokumentation for betydelig og varigt nedsat psykisk funktionsevne (SEL § 124 a)?'),
    impairmentCause: z
      .enum(IMPAIRMENT_CAUSES)
      .optional()
      .describe(
        'Årsag til funktionsnedsættelsen: dementia = demens eller anden erhvervet og fremadskridende mental svækkelse (kap. 24 b); other = andet, f.eks. udviklingshæmning (kap. 24 a).',
      ),
    representativeObjects: z
      .boolean()
      .optional()
      .describe(
        'Modsætter værge, fremtidsfuldmægtig eller nær pårørende med attest sig (SEL §§ 136 e og 136 f)? Ved flytning efter § 136 f: tiltræder repræsentanten ikke indstillingen.',
      ),
    representativeConsents: z
      .boolean()
      .optional()
      .describe(
        'Har pårørende, værge eller fremtidsfuldmægtig givet "samtykke" på personens vegne? (Gør aldrig magtanvendelse frivillig.)',
      ),
    physicalResistance: z
      .boolean()
      .optional()
      .describe(
        'Gør personen fysisk modstand under indgrebet, så personalet må holde fast for at fortsætte? (Forskelligt fra at sige nej: fysisk guidning kan bruges, selv om personen ikke samtykker.)',
      ),
    actor: z
      .enum(ACTORS)
      .optional()
      .describe(
        'Hvem udfører indgrebet: care_staff = personale ansat til omsorgen (også vikarer); other_staff = pedel, rengøring, vagt o.l.; relative = pårørende.',
      ),
    setting: z
      .enum(SETTINGS)
      .optional()
      .describe('Hvor sker indgrebet: botilbud, dagtilbud, almen plejebolig, borgerens eget hjem eller på udflugt.'),
    priorHygieneRestraintsLast6Months: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .describe(
        'Antal gange, der allerede er brugt akut kortvarig fastholdelse i hygiejnesituationer de seneste 6 måneder.',
      ),
    hygieneTask: z.enum(HYGIENE_TASKS).optional().describe('Hvilken hygiejnesituation der er tale om.'),
    aidsUsed: z
      .boolean()
      .optional()
      .describe('Bruges der hjælpemidler (bælter, bind, remme o.l.) til at holde personen fast?'),
    technology: z
      .enum(TECHNOLOGIES)
      .optional()
      .describe(
        'Teknologitype: bevægelse/kropsreaktioner, lyd, video/billede eller lokalisering (bek. nr. 1412/2024 § 2).',
      ),
    recordsOrStores: z.boolean().optional().describe('Optager, gemmer eller lagrer løsningen lyd eller billeder?'),
    twoWayAudio: z.boolean().optional().describe('Giver løsningen tovejskommunikation (tale begge veje)?'),
    openFrequency: z.boolean().optional().describe('Sender løsningen på åbne frekvensbånd?'),
    recognizableImage: z.boolean().optional().describe('Viser løsningen et genkendeligt billede af personen?'),
    usesAI: z.boolean().optional().describe('Bruger løsningen kunstig intelligens?'),
    unlockedAccessRemains: z
      .boolean()
      .optional()
      .describe('Er der mindst én uaflåst dør, låge eller adgang tilbage, som bestemmelsen kræver?'),
    locksIndoorCommonAreas: z
      .boolean()
      .optional()
      .describe('Omfatter låsningen døre fra boligen til botilbuddets indendørs fællesarealer (gange, trapper m.v.)?'),
    locksPersonIn: z.boolean().optional().describe('Bliver personen låst inde (i et rum eller sin bolig)?'),
    blocksFoodDrinkOrExit: z
      .boolean()
      .optional()
      .describe('Afskærer låsningen personen fra mad og drikke, fra at forlade tilbuddet eller fra andre områder?'),
    onlyDelays: z.boolean().optional().describe('Forsinker døråbneren kun personen (i stedet for at låse)?'),
    doorAlarm: z.boolean().optional().describe('Er der dørsignal/alarm, så personalet kan komme til hjælp?'),
    beltReason: z.enum(BELT_REASONS).optional().describe('Begrundelsen for stofselen.'),
    beltDevice: z.enum(BELT_DEVICES).optional().describe('Hvilken slags beskyttelsesmiddel der bruges.'),
    significantPropertyDamage: z
      .boolean()
      .optional()
      .describe('Er der tale om væsentlig ødelæggelse af ting af betydelig økonomisk værdi eller affektionsværdi?'),
    repeated: z
      .boolean()
      .optional()
      .describe('Er adfærden eller skaden sket gentagne gange (ikke kun én enkelt hændelse)?'),
    riskOfHarm: z
      .boolean()
      .optional()
      .describe(
        'Er der en konkret, dokumenteret (ikke blot formodet) risiko for den skade, som indgrebet skal afværge?',
      ),
    lessIntrusiveTried: z
      .boolean()
      .optional()
      .describe('Er socialpædagogiske og andre mindre indgribende tiltag forsøgt uden resultat?'),
    justifiedByStaffing: z
      .boolean()
      .optional()
      .describe('Begrundes indgrebet med personalemangel, normering eller travlhed?'),
    helpPossibleInCurrentHome: z
      .boolean()
      .optional()
      .describe(
        'Kan den nødvendige hjælp gives i den nuværende bolig (f.eks. med hjemmehjælp, hjælpemidler eller ændringer)?',
      ),
    requestedMonths: z
      .number()
      .int()
      .min(1)
      .max(120)
      .optional()
      .describe('Hvor mange måneder ønskes afgørelsen at gælde?'),
    // Kap. 24 c and 24 d (issue 9).
    placedByCriminalJudgment: z
      .boolean()
      .optional()
      .describe(
        'Er personen anbragt i boformen i henhold til en strafferetlig afgørelse afsagt ved dom eller kendelse (SEL § 137 e) – og er foranstaltningen ikke ophævet?',
      ),
    boform: z
      .enum(BOFORMS)
      .optional()
      .describe(
        'Boformens type: 108 = længerevarende botilbud efter SEL § 108; 107 = midlertidigt botilbud; other = andet.',
      ),
    secureUnit: z
      .boolean()
      .optional()
      .describe('Er det en § 108-boform med sikrede afdelinger (Kofoedsminde) (SEL § 137 e, stk. 2)?'),
    onLeave: z.boolean().optional().describe('Er den anbragte på udgang, når indgrebet skal ske?'),
    urgent: z
      .boolean()
      .optional()
      .describe(
        'Er indgrebet uopsætteligt, så det ikke kan afvente, at kommunalbestyrelsen (eller udvalget) behandler sagen?',
      ),
    suspicion: z
      .enum(SUSPICION_LEVELS)
      .optional()
      .describe(
        'Mistankens styrke: none = ingen; reasonable = mistanke med rimelig grund; founded = begrundet mistanke (personalet har en konkret begrundelse, f.eks. har set en kniv blive gemt).',
      ),
    scannerTriedFirst: z
      .boolean()
      .optional()
      .describe('Er risikoen først forsøgt imødegået med scanner (SEL § 137 h, stk. 2)?'),
    sameSexStaff: z
      .boolean()
      .optional()
      .describe('Er de ansatte, der foretager og overværer undersøgelsen, af samme køn som den undersøgte?'),
    undressing: z.boolean().optional().describe('Indebærer undersøgelsen afklædning?'),
    bodyCavity: z.boolean().optional().describe('Omfatter undersøgelsen kropsåbninger?'),
    readsLetters: z
      .boolean()
      .optional()
      .describe('Læser personalet brevenes indhold (i stedet for kun at åbne og kontrollere)?'),
    protectedCorrespondent: z
      .boolean()
      .optional()
      .describe(
        'Drejer det sig om kommunikation eller post med offentlige myndigheder, advokater, værger eller bistandsværger?',
      ),
    staffPresent: z.number().int().min(0).max(100).optional().describe('Hvor mange ansatte deltager i undersøgelsen?'),
    hours: z
      .number()
      .min(0)
      .max(8784)
      .optional()
      .describe('Hvor mange timer varer indgrebet (aflåsning eller afskærmning)?'),
    withinNightWindow: z.boolean().optional().describe('Ligger hele aflåsningen inden for tidsrummet kl. 21.00-8.00?'),
    nightLockConditionsMet: z
      .boolean()
      .optional()
      .describe(
        'Er alle betingelser i SEL § 137 j, stk. 3, nr. 1-5 opfyldt: forsvarligt uden sundhedsrisiko, ikke selvmordstruet, tilkaldemulighed personen kan betjene, adgang til toilet og vand, jævnlig overvågning?',
      ),
    noHealthRisk: z
      .boolean()
      .optional()
      .describe(
        'SEL § 137 j, stk. 3, nr. 1: Er indgrebet forsvarligt og uden sundhedsmæssig risiko for personen (også brandsikkerhed og risiko for selvskade)?',
      ),
    suicidal: z.boolean().optional().describe('SEL § 137 j, stk. 3, nr. 2: Er personen selvmordstruet?'),
    canCallStaff: z
      .boolean()
      .optional()
      .describe('SEL § 137 j, stk. 3, nr. 3: Har personen en tilkaldemulighed, som vedkommende selv kan betjene?'),
    toiletAndWater: z
      .boolean()
      .optional()
      .describe('SEL § 137 j, stk. 3, nr. 4: Har personen adgang til toilet og vand under indgrebet?'),
    regularSupervision: z
      .boolean()
      .optional()
      .describe('SEL § 137 j, stk. 3, nr. 5: Bliver personen overvåget jævnligt (f.eks. hvert 10. minut)?'),
    inOwnRoom: z
      .boolean()
      .optional()
      .describe(
        'Skal afskærmningen ske i personens eget værelse eller bolig (i stedet for et særskilt afskærmningslokale)?',
      ),
    visitorBehaviour: z
      .enum(VISITOR_BEHAVIOURS)
      .optional()
      .describe(
        'Den besøgendes adfærd: violence_or_threats = vold, trusler eller fare for andre (§ 137 b, nr. 1); repeated_harassment = gentagen chikane uden vold (nr. 2); strongly_disturbing = stærkt generende, skaber utryghed (nr. 3); criticism_only = alene kritik af plejen/serviceniveauet.',
      ),
    towardsStaffDuringCare: z
      .boolean()
      .optional()
      .describe(
        'Retter adfærden sig mod personalet, og gælder restriktionen kun de tidsrum, hvor der leveres visiteret hjælp i beboerens bolig (§ 137 c, stk. 2)?',
      ),
    decidedAtCouncilMeeting: z
      .boolean()
      .optional()
      .describe(
        'Træffes afgørelsen på et møde i kommunalbestyrelsen eller det stående udvalg (i stedet for af forvaltningen)?',
      ),
    // Shared facts for later issues (added ahead of their rules; no condition reads them yet, except
    // decisionExists/decisionDate, which give Verdict.decisionUse).
    under18: z.boolean().optional().describe('Er personen under 18 år?'),
    decisionExists: z
      .boolean()
      .optional()
      .describe('Er der allerede truffet en afgørelse (tilladelse) om dette indgreb?'),
    decisionDate: z.iso.date().optional().describe('Datoen (ÅÅÅÅ-MM-DD), hvor afgørelsen om indgrebet blev truffet.'),
    holdMinutes: z.number().min(0).max(1440).optional().describe('Hvor mange minutter varede fastholdelsen?'),
    dangerToOthers: z
      .boolean()
      .optional()
      .describe('Var der fare for, at personen ville skade andre (f.eks. slå en medbeboer)?'),
  })
  .describe('Oplysninger om situationen. Alle felter er valgfrie: et manglende felt betyder "ved ikke".');
export type Facts = z.infer<typeof FactsSchema>;
export type FactName = keyof Facts & string;
export const FACT_NAMES = Object.keys(FactsSchema.shape) as FactName[];
/** The name of one fact (a property of Facts): stable ids, see the vendor guide's stability policy. */
export const FactNameSchema = z
  .enum(FACT_NAMES as [FactName, ...FactName[]])
  .describe('Navnet på en oplysning (et felt i Facts).');

export const EvaluateRequestSchema = z
  .strictObject({
    measure: MeasureIdSchema,
    asOf: z.iso
      .date()
      .optional()
      .describe(
        'Dato (ÅÅÅÅ-MM-DD) reglerne skal anvendes pr. Standard: dags dato (de parameterperioder, der gælder i dag).',
      ),
    facts: FactsSchema.default({}),
  })
  .describe('En forespørgsel til regelmotoren: indgreb, dato og kendte oplysninger.');
export type EvaluateRequest = z.input<typeof EvaluateRequestSchema>;

export const OUTCOMES = [
  'not_force',
  'staff_may_decide',
  'requires_municipal_decision',
  'requires_board_decision',
  'requires_family_court_decision',
  'not_permitted',
  'needs_more_facts',
] as const;
export const OutcomeSchema = z.enum(OUTCOMES).describe('Resultatet af vurderingen.');
export type Outcome = z.infer<typeof OutcomeSchema>;

/**
 * Who decides. Kap. 24 c/d add: leader (the § 108 boform's leader or stedfortræder, interim decision when urgent,
 * § 137 f, stk. 2), operator (driftsherren, general device ban, § 137 g, stk. 4) and municipal_council
 * (kommunalbestyrelsen or the standing committee at a meeting, not delegable, § 137 d, stk. 1).
 */
export const DECIDERS = [
  'staff',
  'municipality',
  'board',
  'family_court',
  'leader',
  'operator',
  'municipal_council',
] as const;
export const DecidedBySchema = z
  .enum(DECIDERS)
  .describe(
    'Hvem træffer beslutning/afgørelse: staff = personale/personaleleder; municipality = kommunalbestyrelsen i handlekommunen (ved kap. 24 c også forvaltningens foreløbige afgørelse); board = Det Socialfaglige Nævn vedrørende Magtanvendelse over for Borgere med Handicap; family_court = Familieretshuset; leader = lederen af § 108-boformen eller stedfortræderen (foreløbig afgørelse); operator = driftsherren; municipal_council = kommunalbestyrelsen eller det stående udvalg på et møde.',
  );
export type DecidedBy = z.infer<typeof DecidedBySchema>;

export const COMPLAINT_BODIES = ['municipality', 'ankestyrelsen', 'familieretshuset'] as const;
export const ComplaintToSchema = z.enum(COMPLAINT_BODIES).describe('Hvor der kan klages.');
export type ComplaintTo = z.infer<typeof ComplaintToSchema>;

/** Registration regimes of the guidance kap. 27, and kap24d (§ 137 m, guidance kap. 33). */
export const REGISTRATION_REGIMES = ['acute', 'pre_approved', 'move', 'none', 'kap24d'] as const;
export const RegistrationRegimeSchema = z
  .enum(REGISTRATION_REGIMES)
  .describe('Registreringsordning (vejledningens kap. 27; kap24d = SEL § 137 m, vejledningens kap. 33).');
export type RegistrationRegime = z.infer<typeof RegistrationRegimeSchema>;

export const ConditionStatusSchema = z
  .enum(['met', 'unmet', 'unknown'])
  .describe('met = opfyldt, unmet = ikke opfyldt, unknown = kan ikke afgøres endnu.');
export type ConditionStatus = z.infer<typeof ConditionStatusSchema>;

const Citations = z
  .array(z.string())
  .describe('Id\'er på kildeenheder i korpus (f.eks. "sel-128c-stk3", "vejl2025-k18-p1").');

export const RegistrationReadingSchema = z.object({
  deadline: z.string(),
  reportEvery: z.string(),
  citations: Citations,
});

export const RegistrationSchema = z
  .object({
    regime: RegistrationRegimeSchema,
    registeredBy: z.string().nullable(),
    deadline: z.string().nullable(),
    reportTo: z.string().nullable(),
    reportEvery: z.string().nullable(),
    relativesInformed: z.boolean().describe('Skal pårørende/værge orienteres jævnligt (SEL § 135 a, stk. 3)?'),
    citations: Citations,
    readings: z
      .array(RegistrationReadingSchema)
      .optional()
      .describe('Når kilderne læses forskelligt: hver læsning for sig.'),
    conflict: z.string().optional().describe('Forklaring, når kilderne modsiger hinanden.'),
    personInformed: z
      .boolean()
      .optional()
      .describe(
        'Skal personen gøres bekendt med registreringen og have lejlighed til at tilføje sin egen redegørelse (SEL § 137 m, stk. 3)?',
      ),
  })
  .describe('Krav om registrering og indberetning.');
export type Registration = z.infer<typeof RegistrationSchema>;

export const OptionSchema = z.object({ value: z.union([z.string(), z.boolean(), z.number()]), label: z.string() });
export type FactOption = z.infer<typeof OptionSchema>;

export const MissingFactSchema = z.object({
  fact: FactNameSchema,
  question: z.string(),
  options: z.array(OptionSchema),
});
export type MissingFact = z.infer<typeof MissingFactSchema>;

export const ConditionResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  citations: Citations,
  status: ConditionStatusSchema,
  fact: FactNameSchema.optional().describe(
    'Den oplysning, betingelsen afhænger af (til at placere den ved formularens felt).',
  ),
  facts: z
    .array(FactNameSchema)
    .optional()
    .describe('Alle oplysninger, betingelsen afhænger af (tom: vurderes af den, der træffer afgørelsen).'),
  kind: z
    .enum(['target', 'prohibition', 'scope', 'actor', 'statutory', 'authority'])
    .optional()
    .describe(
      'Hvem betingelsen vurderes af: authority = den besluttende myndighed; ellers personalet ud fra oplysningerne.',
    ),
});
export type ConditionResult = z.infer<typeof ConditionResultSchema>;

export const ReasonSchema = z.object({ text: z.string(), citations: Citations });
export type Reason = z.infer<typeof ReasonSchema>;

export const DecisionUseSchema = z
  .object({
    allowed: z
      .boolean()
      .nullable()
      .describe(
        'true: indgrebet må udføres nu inden for den eksisterende afgørelse; false: ikke nu (uden for afgørelsen, personen modsætter sig, eller afgørelsen er udløbet); null: kan ikke afgøres endnu.',
      ),
    certainty: z
      .enum(['settled', 'conditional'])
      .describe('conditional: en oplysning om brugen nu (f.eks. afgørelsens dato) er ukendt.'),
    status: z
      .enum(['within_decision', 'objection', 'outside_scope', 'expired', 'not_yet_valid', 'open'])
      .describe(
        'within_decision = inden for afgørelsen; objection = personen modsætter sig, og reglerne udelukker brug (f.eks. § 128, stk. 2); outside_scope = en betingelse er ikke opfyldt; expired = afgørelsen er ældre end den længste varighed; not_yet_valid = afgørelsen gælder først senere; open = afhænger af en ukendt oplysning.',
      ),
    text: z.string().describe('Dansk: svaret på "må vi bruge vores afgørelse nu?", første sætning i svaret.'),
    decisionDate: z.string().nullable().describe('Afgørelsens dato (null: ukendt).'),
    validUntil: z
      .string()
      .nullable()
      .describe('Sidste dag, afgørelsen højst kan gælde (dato + længste varighed); null: ukendt eller uden grænse.'),
    maxDurationMonths: z.number().nullable(),
    registerIfUsedDays: z
      .number()
      .nullable()
      .describe(
        'Når allowed er false: er indgrebet alligevel brugt, er det magt uden hjemmel og registreres straks og senest så mange dage efter (null: gælder ikke).',
      ),
    conditions: z
      .array(z.string())
      .describe('Id for de betingelser, der skal være opfyldt hver gang, afgørelsen bruges (f.eks. no-resistance).'),
    citations: Citations,
  })
  .describe('Brug af en eksisterende afgørelse (kun når decisionExists er true og indgrebet kræver en afgørelse).');
export type DecisionUse = z.infer<typeof DecisionUseSchema>;

export const VerdictSchema = z
  .object({
    measure: MeasureIdSchema,
    provision: z.string().nullable().describe('Primær hjemmel, f.eks. "SEL § 128 c" (null: ingen hjemmel).'),
    outcome: OutcomeSchema,
    certainty: z
      .enum(['settled', 'conditional'])
      .describe(
        'settled: udfaldet står fast ud fra oplysningerne. conditional: mindst én betingelse, der kan gøre indgrebet ulovligt, er endnu ukendt ("Kan være lovligt, hvis …").',
      ),
    decidedBy: DecidedBySchema.nullable(),
    isForce: z.boolean().nullable(),
    mustRegister: z.boolean().nullable(),
    complaintTo: ComplaintToSchema.nullable(),
    maxDurationMonths: z.number().nullable(),
    lawyerRequired: z.boolean().nullable(),
    actionPlanRequired: z.boolean().nullable(),
    registration: RegistrationSchema.nullable(),
    conditions: z.array(ConditionResultSchema),
    missingFacts: z.array(MissingFactSchema),
    reasons: z.array(ReasonSchema),
    decisionUse: DecisionUseSchema.optional().describe(
      'Kun med decisionExists: true for et indgreb, der kræver en afgørelse: må indgrebet udføres nu under den?',
    ),
    rulesVersion: z.string(),
    validFrom: z.string(),
  })
  .describe('Regelmotorens svar.');
export type Verdict = z.infer<typeof VerdictSchema>;

/** asOf outside the period the rules cover. */
export class RulesPeriodError extends DomainError {
  constructor(
    readonly asOf: string,
    readonly validFrom: string,
  ) {
    super(
      'unprocessable',
      'rules_period',
      `Reglerne dækker kun perioden fra ${validFrom} (serviceloven kap. 24-24 d som gældende fra 1. januar 2025); ${asOf} ligger før.`,
    );
  }
}
