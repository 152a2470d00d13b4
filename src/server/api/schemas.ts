/**
 * The journal API's request and response schemas (zod 4). They are the single source of the OpenAPI
 * document (see openapi.ts): the rule evaluator's and the conversation's own schemas are reused as they
 * are; the shapes below only describe what this API adds around them.
 */
import { z } from 'zod';
import {
  CaseRefSchema,
  ChatContextSchema,
  ChatRequestSchema,
  CitationSchema,
  FollowUpSchema,
} from '../../dialogue/index.ts';
import { MAX_TOKEN_TTL_SECONDS } from '../../keys/index.ts';
import {
  ConditionStatusSchema,
  EvaluateRequestSchema,
  FactNameSchema,
  FactsSchema,
  MeasureIdSchema,
  OptionSchema,
  OutcomeSchema,
  VerdictSchema,
} from '../../rules/index.ts';
import { ErrorCodeSchema, ErrorSchema } from '../app.ts';

export {
  ChatContextSchema,
  ChatRequestSchema,
  CitationSchema,
  ConditionStatusSchema,
  ErrorCodeSchema,
  ErrorSchema,
  EvaluateRequestSchema,
  FactNameSchema,
  FactsSchema,
  FollowUpSchema,
  MeasureIdSchema,
  OutcomeSchema,
  VerdictSchema,
};

const SOURCE_KINDS = ['lov', 'bekendtgørelse', 'vejledning', 'håndbog', 'høring'] as const;
const SOURCE_STATUSES = ['gældende', 'ophævet', 'udkast', 'baggrund'] as const;
const UNIT_KINDS = ['paragraf', 'stk', 'nr', 'afsnit', 'kapitel', 'punkt', 'section', 'case'] as const;
const ROUTES = ['rule_evaluator', 'retrieval', 'out_of_scope'] as const;

export const SourceStatusSchema = z
  .enum(SOURCE_STATUSES)
  .describe(
    'gældende = gældende ret; ophævet = tidligere regler; udkast = høringsudkast; baggrund = baggrundsmateriale.',
  );

export const SourceSchema = z
  .object({
    id: z.string().describe('Kildens id; præfiks på alle dens enheders id.'),
    title: z.string(),
    shortTitle: z.string().describe('Kort form brugt i henvisninger, f.eks. "Bek. nr. 1412/2024".'),
    kind: z.enum(SOURCE_KINDS),
    issuer: z.string(),
    date: z.string().describe('Udstedelses- eller udgivelsesdato (ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM / ÅÅÅÅ).'),
    number: z.string().nullable(),
    status: SourceStatusSchema,
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    derivedFrom: z.string().nullable().describe('For afledte kilder: den kilde, teksten er citeret fra.'),
    units: z.number().int().describe('Antal enheder (paragraffer, stykker, punkter …) fra kilden.'),
  })
  .describe('En kilde i korpus med dato og status.');

export const SourcesResponseSchema = z.object({
  corpusHash: z.string().describe('Hash af korpus; bruges i beslutningsnotater.'),
  sources: z.array(SourceSchema),
});

export const UnitSchema = z
  .object({
    id: z.string().describe('Stabilt id, f.eks. "sel-128c-stk2".'),
    sourceId: z.string(),
    kind: z.enum(UNIT_KINDS),
    citation: z.string().describe('Henvisning, f.eks. "SEL § 128 c, stk. 2".'),
    headingPath: z.array(z.string()).describe('Overskrifter fra kildens top ned til enheden.'),
    text: z.string().describe('Enhedens tekst (for en § med stykker: hele teksten).'),
    status: SourceStatusSchema,
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    parentId: z.string().nullable(),
    childIds: z.array(z.string()),
    page: z.number().int().nullable().describe('Sidetal, hvor det kendes (håndbog, høringsbrev).'),
  })
  .describe('Den mindste citerbare del af en kilde.');

export const UnitRefSchema = z
  .object({
    id: z.string(),
    kind: z.enum(UNIT_KINDS),
    citation: z.string(),
    status: SourceStatusSchema,
    heading: z.string().nullable().describe('Enhedens egen overskrift, hvis den har en.'),
  })
  .describe('Kort henvisning til en enhed.');

export const UnitResponseSchema = z
  .object({
    unit: UnitSchema,
    source: SourceSchema,
    parent: UnitSchema.nullable(),
    children: z.array(UnitSchema),
    siblings: z.array(UnitRefSchema).describe('Enhedens søskende i læserækkefølge (uden enheden selv).'),
  })
  .describe('En enhed med kilde, overordnet enhed, underenheder og søskende.');

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q mangler / q is required').max(500).describe('Spørgsmål eller søgeord på dansk.'),
  k: z.coerce.number().int().min(1).max(50).default(8).describe('Antal hits (1-50, standard 8).'),
});

export const HitSchema = z
  .object({
    id: z.string(),
    citation: z.string(),
    sourceId: z.string(),
    status: SourceStatusSchema,
    text: z.string(),
    score: z.number(),
    parent: z.object({ id: z.string(), citation: z.string() }).nullable(),
    alsoIn: z
      .array(z.object({ id: z.string(), citation: z.string(), sourceId: z.string() }))
      .describe('Samme tekst i andre kilder (dubletter, der er slået sammen).'),
  })
  .describe('Et søgeresultat.');

export const SearchResponseSchema = z.object({ query: z.string(), k: z.number().int(), hits: z.array(HitSchema) });

export const FactQuestionSchema = z
  .object({
    fact: FactNameSchema,
    question: z.string().describe('Spørgsmålet på dansk.'),
    options: z.array(OptionSchema),
  })
  .describe('En oplysning, indgrebet afhænger af, med dansk spørgsmål og svarmuligheder.');

export const MeasureSchema = z
  .object({
    id: MeasureIdSchema,
    title: z.string(),
    provisions: z.array(z.string()).describe('Bestemmelser, indgrebet kan have hjemmel i.'),
    facts: z.array(FactQuestionSchema).describe('Relevante oplysninger, de afgørende først.'),
    conditions: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        citations: z.array(z.string()),
        provision: z.string().nullable(),
      }),
    ),
  })
  .describe('Et indgreb med oplysninger og betingelser: nok til at et journalsystem kan bygge sin egen formular.');

export const MeasuresResponseSchema = z.object({
  rulesVersion: z.string(),
  validFrom: z.string(),
  measures: z.array(MeasureSchema),
});

export const RecordIdSchema = z
  .string()
  .regex(/^rec_[A-Za-z0-9_-]{22}$/)
  .describe('Uigennemsigtigt id på beslutningsnotatet (GET /api/v1/records/{id}); kan ikke gættes eller tælles op.');

export const TodoSchema = z
  .object({
    text: z.string().describe('Næste skridt på dansk.'),
    due: z.iso.date().optional().describe('Frist (ÅÅÅÅ-MM-DD), hvor reglerne giver en frist.'),
  })
  .describe('Et konkret næste skridt.');

/** The vendor's own case reference: kept on the record, listed only for the key that made it. */
export { CaseRefSchema };

const RecordOptions = {
  dryRun: z
    .boolean()
    .optional()
    .describe('true: svar uden at gemme et beslutningsnotat (mens formularen udfyldes); så er der intet recordId.'),
  caseRef: CaseRefSchema.optional(),
};

/** POST /api/v1/evaluate: the evaluator's request plus the record options. */
export const ApiEvaluateRequestSchema = EvaluateRequestSchema.extend(RecordOptions).describe(
  'En forespørgsel til regelmotoren: indgreb, dato og kendte oplysninger (og om der skal gemmes et notat).',
);

export const ReportToSchema = z
  .array(
    z.object({
      code: z.enum(['leader', 'municipality', 'supervision', 'socialtilsyn']),
      label: z.string().describe('Modtageren på dansk.'),
    }),
  )
  .describe('Indberetningskæden i rækkefølge, som koder (stabile) og danske betegnelser.');

export const ComplaintSchema = z
  .object({
    to: z.enum(['municipality', 'ankestyrelsen', 'familieretshuset']),
    deadlineDays: z.number().int().nullable().describe('Klagefristen i dage, hvor reglerne giver en (ellers null).'),
    text: z.string().describe('Klagevejen på dansk.'),
  })
  .describe('Hvor og hvornår der kan klages.');

export const ChatResponseSchema = z
  .object({
    sessionId: z.string(),
    route: z.enum(ROUTES).describe('rule_evaluator = regelmotoren; retrieval = søgning i kilderne; out_of_scope.'),
    answer: z
      .string()
      .describe(
        'Svaret på dansk (markdown) med kildehenvisninger [n]: kort (summary, to-dos og højst ca. 150 ord, højst 5 kildehenvisninger).',
      ),
    summary: z
      .string()
      .max(300)
      .optional()
      .describe(
        'Et eller to sætninger på almindeligt dansk, der svarer direkte på spørgsmålet ("Nej. …", "Ja, hvis …").',
      ),
    todo: z.array(TodoSchema).optional().describe('De konkrete næste skridt (vurderinger fra regelmotoren).'),
    details: z
      .string()
      .optional()
      .describe('Markdown med resten: alle betingelser, registrering, klageadgang, varighed og handleplan.'),
    citations: z.array(CitationSchema).describe('Alle kilder til svaret og detaljerne.'),
    verdict: VerdictSchema.optional(),
    incidentDate: z.iso
      .date()
      .optional()
      .describe(
        'Datoen for en hændelse, der allerede er sket (fortalt i datid): svaret er bagudskuende, og to-dos er dateret fra den.',
      ),
    followUp: FollowUpSchema.optional().describe('Det næste spørgsmål, når der mangler en oplysning.'),
    recordId: RecordIdSchema.optional(),
    caseRef: CaseRefSchema.optional().describe('Sagsreferencen fra forespørgslen.'),
  })
  .describe('Svar på en besked. Med Accept: text/event-stream kommer svaret som SSE: "delta" og til sidst "final".');

export const SessionResponseSchema = z.object({
  sessionId: z.string(),
  measure: MeasureIdSchema.nullable(),
  facts: FactsSchema,
  pending: FollowUpSchema.nullable(),
  turns: z.array(
    z.object({
      role: z.enum(['user', 'assistant']),
      text: z.string(),
      route: z.enum(ROUTES).optional(),
      outcome: OutcomeSchema.optional(),
    }),
  ),
});

export const EvaluateResponseSchema = VerdictSchema.extend({
  dueDate: z.iso
    .date()
    .nullable()
    .describe(
      'Sidste dag for registrering, hvis indgrebet bruges på datoen `asOf` (standard i dag), når fristen er et antal dage; ellers null (se registration.deadline).',
    ),
  reportToCodes: ReportToSchema.nullable().describe('Indberetningskæden som koder med danske betegnelser.'),
  complaint: ComplaintSchema.nullable(),
  todo: z.array(TodoSchema).describe('De konkrete næste skridt, med `due` hvor reglerne giver en frist.'),
  recordId: RecordIdSchema.optional().describe('Id på beslutningsnotatet (mangler ved dryRun).'),
  caseRef: CaseRefSchema.optional(),
}).describe('Regelmotorens svar (Verdict) og id på beslutningsnotatet.');

export const TokenRequestSchema = z
  .strictObject({
    ttlSeconds: z
      .number()
      .int()
      .min(30)
      .max(MAX_TOKEN_TTL_SECONDS)
      .optional()
      .describe(`Levetid i sekunder (30-${MAX_TOKEN_TTL_SECONDS}, standard 600).`),
    origin: z.string().optional().describe('Begræns tokenet til én af nøglens oprindelser.'),
  })
  .describe('Bytter en hemmelig API-nøgle til et kortlivet token til browseren.');

export const TokenResponseSchema = z.object({
  token: z.string().describe('Bruges som "Authorization: Bearer <token>" eller /embed?token=…'),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  expiresAt: z.string(),
  keyId: z.string(),
  origins: z.array(z.string()).describe('Oprindelser, tokenet må bruges fra og /embed må indlejres af.'),
});

export const IncidentCheckRequestSchema = z
  .strictObject({
    ...RecordOptions,
    measure: MeasureIdSchema,
    facts: FactsSchema.default({}),
    date: z.iso.date().describe('Dato for hændelsen (ÅÅÅÅ-MM-DD).'),
    decisionExists: z
      .boolean()
      .optional()
      .describe('Forelå der en afgørelse (kommune, nævn, Familieretshuset), da indgrebet skete?'),
  })
  .describe('En hændelse, som personalet er ved at registrere.');

export const IncidentCheckResponseSchema = z
  .object({
    dueDate: z.iso
      .date()
      .nullable()
      .describe(
        'Sidste dag for registrering, regnet fra hændelsens dato, når fristen er et antal dage (ellers null; se deadline).',
      ),
    reportToCodes: ReportToSchema.nullable(),
    complaint: ComplaintSchema.nullable(),
    legalBasis: z
      .boolean()
      .nullable()
      .describe(
        'Var der hjemmel til indgrebet? true kun når ingen betingelse er uopfyldt eller ukendt; null = kan ikke afgøres endnu (der mangler oplysninger, verdict.certainty = "conditional").',
      ),
    summary: z
      .string()
      .max(300)
      .describe('Tilbageskuende vurdering i en eller to sætninger ("Det kan have været lovligt efter …, hvis …").'),
    todo: z
      .array(TodoSchema)
      .describe(
        'Næste skridt med datoer regnet fra hændelsens dato (registrering, indberetning, pårørende, handleplan).',
      ),
    provision: z.string().nullable(),
    outcome: OutcomeSchema,
    mustRegister: z.boolean().nullable(),
    registeredBy: z.string().nullable(),
    reportTo: z.string().nullable(),
    deadline: z.string().nullable().describe('Fristen for registrering, som kilderne formulerer den.'),
    reportEvery: z.string().nullable(),
    relativesInformed: z.boolean().nullable().describe('Skal pårørende/værge orienteres?'),
    actionPlanRequired: z.boolean().nullable(),
    missingFacts: z.array(FactQuestionSchema),
    verdict: VerdictSchema,
    warnings: z.array(z.string()).describe('Advarsler på dansk, der bør vises i formularen.'),
    recordId: RecordIdSchema.optional().describe('Id på beslutningsnotatet (mangler ved dryRun).'),
    caseRef: CaseRefSchema.optional(),
  })
  .describe('Tjek af en hændelse: hjemmel, registrering, indberetning, frister, pårørende og handleplan.');

export const RecordCitationSchema = z.object({
  unitId: z.string(),
  citation: z.string(),
  quote: z.string().nullable(),
  unitStatus: SourceStatusSchema.nullable(),
  source: z
    .object({
      id: z.string(),
      title: z.string(),
      shortTitle: z.string(),
      date: z.string(),
      status: SourceStatusSchema,
    })
    .nullable()
    .describe('Kildens version, som den var i korpus (null: enheden findes ikke længere).'),
});

export const RecordSchema = z
  .object({
    recordId: RecordIdSchema,
    print: z
      .object({
        url: z.string().describe('Relativ adresse til den printvenlige side; kan åbnes uden API-nøgle.'),
        exp: z.number().int().describe('Hvornår linket udløber (Unix-sekunder; 15 minutter).'),
        sig: z.string(),
      })
      .describe('Kortlivet signeret link til den printvenlige side (til et link i journalen).'),
    caseRef: CaseRefSchema.nullable().describe('Journalsystemets sagsreference (null: ingen).'),
    kind: z.enum(['chat', 'evaluate', 'incident']),
    createdAt: z.string(),
    sessionId: z.string().nullable(),
    question: z.string().nullable().describe('Spørgsmålet (CPR-numre er maskeret).'),
    measure: MeasureIdSchema.nullable(),
    facts: FactsSchema.nullable().describe('Oplysningerne, vurderingen bygger på.'),
    verdict: VerdictSchema.nullable(),
    outcome: OutcomeSchema.nullable(),
    conditions: z.array(
      z.object({ id: z.string(), text: z.string(), status: ConditionStatusSchema, citations: z.array(z.string()) }),
    ),
    answer: z.string().nullable(),
    citations: z.array(RecordCitationSchema),
    rulesVersion: z.string(),
    corpusHash: z.string(),
    corpusChanged: z.boolean().describe('Er korpus ændret siden notatet blev skrevet?'),
  })
  .describe('Beslutningsnotat til sagen og til tilsyn.');

export const FeedbackResponseSchema = z.object({ id: z.number().int().describe('Feedbackens id.') });

export type Source = z.infer<typeof SourceSchema>;
export type RecordDoc = z.infer<typeof RecordSchema>;
export type IncidentCheckResponse = z.infer<typeof IncidentCheckResponseSchema>;

export const RecordListResponseSchema = z
  .object({
    caseRef: CaseRefSchema,
    records: z.array(
      z.object({
        recordId: RecordIdSchema,
        kind: z.enum(['chat', 'evaluate', 'incident']),
        createdAt: z.string(),
        measure: MeasureIdSchema.nullable(),
        outcome: OutcomeSchema.nullable(),
      }),
    ),
  })
  .describe('Nøglens beslutningsnotater med denne sagsreference, nyeste først (højst 500).');
