/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas (z.toJSONSchema, JSON Schema 2020-12).
 * Response schemas are components; request bodies are converted in "input" mode (defaults optional).
 * The operation list below is the single description of paths, parameters, examples and statuses:
 * the contract tests call every operation listed here and validate the answers against it.
 */
import { z } from 'zod';
import {
  AnswerRequestSchema,
  AnswerResponseSchema,
  CreateQuizSessionRequestSchema,
  ExplanationSchema,
  LearnerIdSchema,
  QuizCitationSchema,
  QuizQuestionSchema,
  QuizSessionSchema,
  QuizStatsSchema,
  StatsQuerySchema,
  TopicsResponseSchema,
  XapiStatementSchema,
} from '../../quiz/index.ts';
import { RULES_VERSION } from '../../rules/index.ts';
import { FeedbackRequestSchema } from '../../web/routes.ts';
import { API_VERSION, ChangelogSchema } from './changelog.ts';
import {
  ApiEvaluateRequestSchema,
  CaseRefSchema,
  ChatRequestSchema,
  ChatResponseSchema,
  CitationSchema,
  ConditionStatusSchema,
  ErrorCodeSchema,
  ErrorSchema,
  EvaluateResponseSchema,
  FactNameSchema,
  FactQuestionSchema,
  FactsSchema,
  FeedbackResponseSchema,
  FollowUpSchema,
  HitSchema,
  IncidentCheckRequestSchema,
  IncidentCheckResponseSchema,
  MeasureIdSchema,
  MeasureSchema,
  MeasuresResponseSchema,
  OutcomeSchema,
  RecordIdSchema,
  RecordListResponseSchema,
  RecordSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  SessionResponseSchema,
  SourceSchema,
  SourcesResponseSchema,
  TokenRequestSchema,
  TokenResponseSchema,
  UnitRefSchema,
  UnitResponseSchema,
  UnitSchema,
  VerdictSchema,
} from './schemas.ts';

type Json = Record<string, unknown>;

/** Response components, by name. Nested schemas registered here become $refs. */
/** Named shared types (for code generators: MeasureId, FactName, … become named types, not inlined enums). */
const SHARED_COMPONENTS: Record<string, z.ZodType> = {
  MeasureId: MeasureIdSchema,
  FactName: FactNameSchema,
  Facts: FactsSchema,
  Outcome: OutcomeSchema,
  ConditionStatus: ConditionStatusSchema,
  ErrorCode: ErrorCodeSchema,
};

const RESPONSE_COMPONENTS: Record<string, z.ZodType> = {
  ...SHARED_COMPONENTS,
  Error: ErrorSchema,
  Verdict: VerdictSchema,
  FollowUp: FollowUpSchema,
  Citation: CitationSchema,
  Source: SourceSchema,
  SourcesResponse: SourcesResponseSchema,
  Unit: UnitSchema,
  UnitRef: UnitRefSchema,
  UnitResponse: UnitResponseSchema,
  Hit: HitSchema,
  SearchResponse: SearchResponseSchema,
  FactQuestion: FactQuestionSchema,
  Measure: MeasureSchema,
  MeasuresResponse: MeasuresResponseSchema,
  ChatResponse: ChatResponseSchema,
  Session: SessionResponseSchema,
  EvaluateResponse: EvaluateResponseSchema,
  TokenResponse: TokenResponseSchema,
  IncidentCheckResponse: IncidentCheckResponseSchema,
  Record: RecordSchema,
  RecordList: RecordListResponseSchema,
  Changelog: ChangelogSchema,
  FeedbackResponse: FeedbackResponseSchema,
  QuizTopicsResponse: TopicsResponseSchema,
  LearnerId: LearnerIdSchema,
  QuizSession: QuizSessionSchema,
  QuizQuestion: QuizQuestionSchema,
  QuizAnswerResponse: AnswerResponseSchema,
  QuizExplanation: ExplanationSchema,
  QuizCitation: QuizCitationSchema,
  QuizStats: QuizStatsSchema,
  XapiStatement: XapiStatementSchema,
};

const REQUEST_COMPONENTS: Record<string, z.ZodType> = {
  ...SHARED_COMPONENTS,
  ChatRequest: ChatRequestSchema,
  EvaluateRequest: ApiEvaluateRequestSchema,
  TokenRequest: TokenRequestSchema,
  IncidentCheckRequest: IncidentCheckRequestSchema,
  FeedbackRequest: FeedbackRequestSchema,
  QuizSessionRequest: CreateQuizSessionRequestSchema,
  QuizAnswerRequest: AnswerRequestSchema,
};

function components(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, Json> {
  const reg = z.registry<{ id: string }>();
  for (const [id, s] of Object.entries(schemas)) reg.add(s, { id });
  const out = z.toJSONSchema(reg, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, Json> };
  for (const s of Object.values(out.schemas)) {
    delete s['$schema'];
    delete s['$id'];
  }
  return out.schemas;
}

function inline(schema: z.ZodType): Json {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Json;
  delete s['$schema'];
  return s;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

interface Param {
  name: string;
  in: 'path' | 'query';
  schema: z.ZodType;
  required: boolean;
  description: string;
  /** Absent for values that cannot have a static example (a short-lived token). */
  example?: unknown;
  /** Still served, but to be replaced (see the stability policy in the vendor guide). */
  deprecated?: boolean;
}

/**
 * An OpenAPI link from an operation's answer to a later call: how the later call takes values of this answer.
 * Values are runtime expressions (`$response.body#/json/pointer`); in a request body, embedded as `{…}`.
 * The contract tests follow these links for operations whose example depends on state (a real session id).
 */
interface Link {
  operationId: string;
  description: string;
  parameters?: Record<string, string>;
  requestBody?: unknown;
}

interface Op {
  method: 'get' | 'post' | 'delete';
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** false: no credentials needed at all; 'admin': the quiz's admin access (ADMIN_ACCESS) on top. */
  auth?: boolean | 'admin';
  params?: Param[];
  body?: { component: string; example: unknown };
  ok: {
    status: number;
    component?: string;
    /** The answer is a JSON array of `component`. */
    array?: boolean;
    description: string;
    html?: boolean;
    /** The answer is an HTML page only (no JSON). */
    htmlOnly?: boolean;
    sse?: boolean;
    /** The answer is text/csv (instead of JSON). */
    csv?: boolean;
    links?: Record<string, Link>;
    /** Response headers beyond the rate-limit ones (components.headers names). */
    headers?: string[];
  };
  errors: number[];
  /** Operation-specific texts for error statuses (else ERROR_TEXT). */
  errorText?: Partial<Record<number, string>>;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Ugyldig forespørgsel (fejl i parametre eller JSON).',
  401: 'API-nøgle eller token mangler, er ugyldig eller udløbet.',
  403: 'Oprindelsen (Origin) er ikke tilladt for nøglen, eller nøgletypen må ikke bruges her.',
  404: 'Findes ikke.',
  405: 'Metoden bruges ikke på denne sti (se headeren Allow).',
  406: 'Formatet findes ikke (kun JSON og HTML).',
  409: 'Konflikt med den aktuelle tilstand.',
  415: 'Kroppen skal være JSON (Content-Type: application/json).',
  422: 'Kan ikke vurderes: datoen ligger uden for reglernes periode, eller indgrebet er ikke implementeret.',
  429: 'For mange forespørgsler; se Retry-After.',
  503: 'Serveren starter stadig op.',
};

const idParam = (description: string, example: string, schema: z.ZodType = z.string()): Param => ({
  name: 'id',
  in: 'path',
  schema,
  required: true,
  description,
  example,
});

/** Who may read the quiz's stats and everyone's answers (src/quiz/routes.ts, requireApiAdmin). */
const ADMIN_ACCESS =
  '**Kun for ledere og drift.** Adgang kun med lederens token i headeren `X-Hjemmel-Admin-Token` (værdien af `HJEMMEL_ADMIN_TOKEN`; `Authorization` bruges under /api/v1 til API-nøglen); en API-nøgle, også en hemmelig, giver ikke adgang. Er `HJEMMEL_ADMIN_TOKEN` ikke sat, er der kun adgang fra samme maskine (localhost) uden token.';

const ADMIN_ERRORS: Partial<Record<number, string>> = {
  401: 'API-nøgle eller token mangler eller er ugyldig, eller `X-Hjemmel-Admin-Token` mangler eller er forkert.',
  403: 'Oprindelsen er ikke tilladt for nøglen, eller forespørgslen kommer udefra, og `HJEMMEL_ADMIN_TOKEN` er ikke sat.',
};

const learnerIdParam = (description: string): Param => ({
  name: 'learnerId',
  in: 'query',
  schema: LearnerIdSchema,
  required: false,
  description,
  example: 'k7Qm2xWp9aZ4',
});

/** The stats/CSV filters (StatsQuerySchema in src/quiz). */
const statsFilterParams: Param[] = [
  {
    name: 'from',
    in: 'query',
    schema: StatsQuerySchema.shape.from,
    required: false,
    description: 'Fra og med dato (ÅÅÅÅ-MM-DD).',
    example: '2020-01-01',
  },
  {
    name: 'to',
    in: 'query',
    schema: StatsQuerySchema.shape.to,
    required: false,
    description: 'Til og med dato (ÅÅÅÅ-MM-DD).',
    example: '2099-12-31',
  },
  {
    name: 'scenario',
    in: 'query',
    schema: StatsQuerySchema.shape.scenario,
    required: false,
    description: 'Kun ét scenarie (id).',
    example: 'agnes-terrassedoer',
  },
  {
    name: 'kind',
    in: 'query',
    schema: StatsQuerySchema.shape.kind,
    required: false,
    description: 'Kun én spørgsmålstype.',
    example: 'permitted',
  },
];

const exportDescription = (what: string) =>
  `${what} Med \`learnerId\` kun den deltagers egne svar (åbent for den, der kender id'et). Uden \`learnerId\` alle deltageres svar, med deltagere og sessioner som anonyme numre (deltager-1, session-1, …) — det kræver lederadgang:\n\n${ADMIN_ACCESS}`;

export const OPERATIONS: Op[] = [
  {
    method: 'post',
    path: '/api/v1/chat',
    operationId: 'chat',
    tag: 'Samtale',
    summary: 'Stil et spørgsmål (samtale)',
    description:
      'Én besked ind, ét svar ud, med kilder. Konkrete "må vi …?"-spørgsmål går gennem regelmotoren. Send `sessionId` for at fortsætte en samtale. `context.facts` og `context.measure` er det, journalen allerede ved: Hjemmel spørger ikke om det igen. Med `Accept: text/event-stream` streames svaret som SSE-hændelserne `delta` (`{text}`) og til sidst `final` (hele svaret som nedenfor).',
    body: {
      component: 'ChatRequest',
      example: {
        message: 'Må vi låse yderdøren om natten? Hun går ud og fryser.',
        context: {
          measure: 'lock_own_home_exterior',
          facts: { documentedImpairment: true, impairmentCause: 'dementia', consent: 'unable' },
        },
      },
    },
    ok: {
      status: 200,
      component: 'ChatResponse',
      description: 'Svaret.',
      sse: true,
      links: {
        getSession: {
          operationId: 'getSession',
          description: 'Hent samtalen med svarets `sessionId`.',
          parameters: { id: '$response.body#/sessionId' },
        },
        deleteSession: {
          operationId: 'deleteSession',
          description: 'Slet samtalen med svarets `sessionId`.',
          parameters: { id: '$response.body#/sessionId' },
        },
      },
    },
    errors: [400, 401, 403, 404, 429],
  },
  {
    method: 'get',
    path: '/api/v1/sessions/{id}',
    operationId: 'getSession',
    tag: 'Samtale',
    summary: 'Hent en samtale',
    description:
      'Samtalens indgreb, kendte oplysninger, det ventende spørgsmål og beskederne (CPR-numre maskeret). Kun for den nøgle (eller det token), der startede samtalen; alle andre får 404.',
    params: [idParam('Samtalens id (sessionId fra chat).', '00000000-0000-0000-0000-000000000000')],
    ok: { status: 200, component: 'Session', description: 'Samtalen.' },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'delete',
    path: '/api/v1/sessions/{id}',
    operationId: 'deleteSession',
    tag: 'Samtale',
    summary: 'Slet en samtale',
    description:
      'Sletter samtalen (widgetens "Slet samtale"). Kun den nøgle (eller det token), der startede samtalen, kan slette den; alle andre får 404.',
    params: [idParam('Samtalens id (sessionId fra chat).', '00000000-0000-0000-0000-000000000000')],
    ok: { status: 204, description: 'Slettet.' },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'post',
    path: '/api/v1/feedback',
    operationId: 'feedback',
    tag: 'Samtale',
    summary: 'Feedback på et svar',
    description: 'Tommel op/ned på et svar, med en valgfri grund og kommentar (CPR-numre maskeres).',
    body: { component: 'FeedbackRequest', example: { rating: 'up' } },
    ok: { status: 201, component: 'FeedbackResponse', description: 'Gemt.' },
    errors: [400, 401, 403, 404, 429],
  },
  {
    method: 'post',
    path: '/api/v1/evaluate',
    operationId: 'evaluate',
    tag: 'Regelmotor',
    summary: 'Vurdér et indgreb (Verdict)',
    description:
      'Regelmotorens forespørgsel ind, dens Verdict ud — deterministisk, ingen sprogmodel. Svaret har også `recordId` (beslutningsnotat) og headeren `X-Record-Id`.',
    body: {
      component: 'EvaluateRequest',
      example: {
        measure: 'lock_own_home_exterior',
        facts: { consent: 'objects', documentedImpairment: true, impairmentCause: 'dementia', riskOfHarm: true },
      },
    },
    ok: {
      status: 200,
      component: 'EvaluateResponse',
      description: 'Vurderingen.',
      headers: ['X-Record-Id'],
      links: {
        getRecord: {
          operationId: 'getRecord',
          description: 'Hent beslutningsnotatet med svarets `recordId`.',
          parameters: { id: '$response.body#/recordId' },
        },
        getRecordHtml: {
          operationId: 'getRecordHtml',
          description: 'Den printvenlige side for svarets `recordId`.',
          parameters: { id: '$response.body#/recordId' },
        },
      },
    },
    errors: [400, 401, 403, 422, 429],
  },
  {
    method: 'post',
    path: '/api/v1/incidents/check',
    operationId: 'checkIncident',
    tag: 'Regelmotor',
    summary: 'Tjek en hændelse før registrering',
    description:
      'Til registreringsformularen: var der hjemmel, skal hændelsen registreres og indberettes, af hvem, til hvem og hvornår, skal pårørende orienteres, og kræves der en handleplan. Alt er aflæst af regelmotorens Verdict for hændelsens dato.',
    body: {
      component: 'IncidentCheckRequest',
      example: {
        measure: 'restraint',
        date: '2025-03-14',
        facts: { consent: 'objects', documentedImpairment: true, impairmentCause: 'other', riskOfHarm: true },
      },
    },
    ok: { status: 200, component: 'IncidentCheckResponse', description: 'Tjekket.', headers: ['X-Record-Id'] },
    errors: [400, 401, 403, 422, 429],
  },
  {
    method: 'get',
    path: '/api/v1/measures',
    operationId: 'listMeasures',
    tag: 'Regelmotor',
    summary: 'Alle indgreb med oplysninger og betingelser',
    description:
      'Hvert indgreb med de oplysninger, vurderingen afhænger af (danske spørgsmål og svarmuligheder) og betingelserne — nok til at bygge en formular.',
    ok: { status: 200, component: 'MeasuresResponse', description: 'Indgrebene.' },
    errors: [401, 403, 429],
  },
  {
    method: 'get',
    path: '/api/v1/measures/{id}',
    operationId: 'getMeasure',
    tag: 'Regelmotor',
    summary: 'Ét indgreb',
    description: 'Som i listen, for ét indgreb.',
    params: [idParam('Indgrebets id.', 'lock_own_home_exterior', MeasureIdSchema)],
    ok: { status: 200, component: 'Measure', description: 'Indgrebet.' },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'get',
    path: '/api/v1/search',
    operationId: 'search',
    tag: 'Kilder',
    summary: 'Søg i kilderne',
    description: 'Hybrid søgning (BM25 + vektorer) i lov, bekendtgørelse, vejledning og håndbog.',
    params: [
      {
        name: 'q',
        in: 'query',
        schema: SearchQuerySchema.shape.q,
        required: true,
        description: 'Spørgsmål eller søgeord.',
        example: 'låse døren om natten demens',
      },
      {
        name: 'k',
        in: 'query',
        schema: SearchQuerySchema.shape.k,
        required: false,
        description: 'Antal hits.',
        example: 5,
      },
    ],
    ok: { status: 200, component: 'SearchResponse', description: 'Hits, bedste først.' },
    errors: [400, 401, 403, 429],
  },
  {
    method: 'get',
    path: '/api/v1/units/{id}',
    operationId: 'getUnit',
    tag: 'Kilder',
    summary: 'Én paragraf/enhed med kontekst',
    description: 'Enheden med kilde (status og datoer), overordnet enhed, underenheder og søskende.',
    params: [idParam('Enhedens id, f.eks. "sel-128c-stk2".', 'sel-128c-stk2')],
    ok: { status: 200, component: 'UnitResponse', description: 'Enheden.' },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'get',
    path: '/api/v1/sources',
    operationId: 'listSources',
    tag: 'Kilder',
    summary: 'Kilderne med datoer og status',
    description: 'Alle kilder i korpus (gældende, ophævede, udkast og baggrund) og korpus-hashen.',
    ok: { status: 200, component: 'SourcesResponse', description: 'Kilderne.' },
    errors: [401, 403, 429],
  },
  {
    method: 'get',
    path: '/embed',
    operationId: 'embed',
    tag: 'Samtale',
    summary: 'Samtalen til en iframe i journalsystemet',
    description:
      'En HTML-side med samtalen, udfyldt med journalens oplysninger, så der ikke spørges om dem igen. Med `caseRef` får hvert svars beslutningsnotat journalens sagsreference. Med `token` (fra POST /api/v1/tokens) sættes `Content-Security-Policy: frame-ancestors` til tokenets oprindelser; uden token kun til Hjemmel selv. Siden gemmer sin egen samtale (adskilt fra den fritstående side) og har "Slet samtale".',
    params: [
      {
        name: 'measure',
        in: 'query',
        schema: MeasureIdSchema,
        required: false,
        description: 'Indgrebet, journalen er ved at registrere.',
        example: 'restraint',
      },
      {
        name: 'facts',
        in: 'query',
        schema: z.string(),
        required: false,
        description: 'Kendte oplysninger som JSON (`{"consent":"objects"}`) eller `k=v,k=v`.',
        example: 'consent=objects',
      },
      {
        name: 'token',
        in: 'query',
        schema: z.string(),
        required: false,
        description: 'Kortlivet token (hjt.…) fra POST /api/v1/tokens (højst 15 minutter; intet statisk eksempel).',
      },
      {
        name: 'caseRef',
        in: 'query',
        schema: CaseRefSchema,
        required: false,
        description: 'Journalsystemets sagsreference: gemmes på beslutningsnotatet for hvert svar i samtalen.',
        example: 'SAG-2026-0042',
      },
    ],
    ok: { status: 200, description: 'Siden.', htmlOnly: true },
    errors: [400, 401],
    errorText: {
      400: 'Ugyldige parametre. En browser (Accept: text/html) får en læsbar dansk side; andre klienter JSON-fejlen.',
      401: 'Token mangler, er ugyldigt eller udløbet. En browser får en læsbar dansk side, og værtssiden får `postMessage` `{type: "hjemmel:error", code}`; andre klienter JSON-fejlen.',
    },
  },
  {
    method: 'get',
    path: '/api/v1/changelog',
    operationId: 'getChangelog',
    tag: 'Regelmotor',
    summary: 'Ændringer i API og regelsæt',
    description:
      'API-versioner (semver for /api/v1) og regelsættets versioner (`rulesVersion`), nyeste først. Se stabilitetspolitikken i leverandørguiden.',
    ok: { status: 200, component: 'Changelog', description: 'Ændringerne.' },
    errors: [401, 403, 429],
  },
  {
    method: 'get',
    path: '/api/v1/records',
    operationId: 'listRecordsByCaseRef',
    tag: 'Beslutningsnotater',
    summary: 'Beslutningsnotater for en sagsreference',
    description:
      'Nøglens egne notater med den `caseRef`, journalsystemet gav ved evaluate eller incidents/check. Andre nøgler ser dem aldrig.',
    params: [
      {
        name: 'caseRef',
        in: 'query',
        schema: CaseRefSchema,
        required: true,
        description: 'Journalsystemets sagsreference.',
        example: 'SAG-2025-0042',
      },
    ],
    ok: { status: 200, component: 'RecordList', description: 'Notaterne.' },
    errors: [400, 401, 403, 429],
  },
  {
    method: 'get',
    path: '/api/v1/records/{id}',
    operationId: 'getRecord',
    tag: 'Beslutningsnotater',
    summary: 'Beslutningsnotat (JSON)',
    description:
      'Til sagen og til tilsyn: spørgsmål, oplysninger, vurdering, betingelser, kilder med kildeversion, regelsæt, korpus-hash og tidspunkt. Altid JSON her; den printvenlige HTML-side er sin egen operation (`getRecordHtml`, `/api/v1/records/{id}/html`) eller det signerede link i `print`. `Accept: text/html` og `?format=html` virker fortsat, men er forældede (deprecated) til fordel for `getRecordHtml`.',
    params: [
      idParam('recordId fra chat, evaluate eller incidents/check.', 'rec_3q2-7wEAAAAAAAAAAAAAAA', RecordIdSchema),
      {
        name: 'format',
        in: 'query',
        schema: z.enum(['json', 'html']),
        required: false,
        deprecated: true,
        description: 'Forældet: brug getRecordHtml til HTML. `pdf` og andre formater giver 406.',
        example: 'json',
      },
    ],
    ok: {
      status: 200,
      component: 'Record',
      description: 'Notatet.',
      links: {
        printRecord: {
          operationId: 'printRecord',
          description: 'Den printvenlige side ad det signerede link.',
          parameters: {
            id: '$response.body#/recordId',
            exp: '$response.body#/print/exp',
            sig: '$response.body#/print/sig',
          },
        },
      },
    },
    errors: [401, 403, 404, 406, 429],
  },
  {
    method: 'get',
    path: '/api/v1/records/{id}/html',
    operationId: 'getRecordHtml',
    tag: 'Beslutningsnotater',
    summary: 'Beslutningsnotat som printvenlig HTML',
    description:
      'Samme notat som `getRecord`, som dansk printvenlig side (etiketter, ikke nøgler). Kræver nøgle eller token; til et link uden nøgle brug `print.url` fra notatet.',
    params: [idParam('recordId.', 'rec_3q2-7wEAAAAAAAAAAAAAAA', RecordIdSchema)],
    ok: { status: 200, description: 'Siden.', htmlOnly: true },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'get',
    path: '/api/v1/records/{id}/print',
    operationId: 'printRecord',
    tag: 'Beslutningsnotater',
    summary: 'Printvenligt beslutningsnotat ad et signeret link',
    description:
      'Den printvenlige HTML-side uden API-nøgle: `exp` og `sig` kommer fra notatets `print` og gælder i 15 minutter. Et ugyldigt eller udløbet link giver 404.',
    auth: false,
    params: [
      idParam('recordId.', 'rec_3q2-7wEAAAAAAAAAAAAAAA', RecordIdSchema),
      {
        name: 'exp',
        in: 'query',
        schema: z.string().regex(/^\d+$/),
        required: true,
        description: 'Udløb (Unix-sekunder).',
        example: '1767225600',
      },
      { name: 'sig', in: 'query', schema: z.string(), required: true, description: 'Signaturen.', example: 'x' },
    ],
    ok: { status: 200, description: 'Siden.', htmlOnly: true },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/v1/tokens',
    operationId: 'createToken',
    tag: 'Adgang',
    summary: 'Byt en hemmelig nøgle til et kortlivet token',
    description:
      'Journalsystemets backend kalder med sin hemmelige nøgle og giver tokenet (højst 15 minutter, bundet til nøglens oprindelser) videre til widgetten eller iframen. Offentlige nøgler og tokens kan ikke hente tokens.',
    body: { component: 'TokenRequest', example: { ttlSeconds: 600 } },
    ok: {
      status: 201,
      component: 'TokenResponse',
      description: 'Tokenet.',
      links: {
        openEmbed: {
          operationId: 'embed',
          description: 'Åbn samtalen i en iframe med tokenet.',
          parameters: { token: '$response.body#/token' },
        },
      },
    },
    errors: [400, 401, 403, 429],
  },
  {
    method: 'get',
    path: '/api/v1/quiz/topics',
    operationId: 'listQuizTopics',
    tag: 'Quiz',
    summary: 'Quiz-emner',
    description:
      'Emnerne (kap. 24, kap. 24 a, kap. 24 b, velfærdsteknologi, låsning, flytning, registrering og klage) med antal scenarier og spørgsmål, der kan besvares nu, og antal scenarier, der venter på regler i regelmotoren.',
    ok: { status: 200, component: 'QuizTopicsResponse', description: 'Emnerne.' },
    errors: [401, 403, 429],
  },
  {
    method: 'post',
    path: '/api/v1/quiz/sessions',
    operationId: 'createQuizSession',
    tag: 'Quiz',
    summary: 'Start en quiz-session',
    description:
      "Vælg emne, længde og højeste niveau. Sessionen har præcis det valgte antal spørgsmål (`length`; `total` ændrer sig ikke undervejs). Svaret har sessionens første spørgsmål uden facit; facit er frosset i scenariebanken og kontrolleret mod regelmotoren. Send `learnerId` fra en tidligere session for at fortsætte fremskridtet: forkert besvarede spørgsmål kommer igen først i næste session (`repeat: true`). Når sessionen er slut, har svaret `review`: hvad der skal repeteres, med kilder og et link til chatten. Id'et er tilfældigt og må aldrig være navn, e-mail eller CPR-nummer.",
    body: { component: 'QuizSessionRequest', example: { topic: 'laasning', length: 5, level: 2 } },
    ok: {
      status: 201,
      component: 'QuizSession',
      description: 'Sessionen med første spørgsmål.',
      links: {
        getQuizSession: {
          operationId: 'getQuizSession',
          description: 'Hent sessionen igen med `sessionId`.',
          parameters: { id: '$response.body#/sessionId' },
        },
        answerQuizQuestion: {
          operationId: 'answerQuizQuestion',
          description: "Svar på det aktuelle spørgsmål: `question.id` og id'et på en af `question.options`.",
          parameters: { id: '$response.body#/sessionId' },
          requestBody: {
            questionId: '{$response.body#/question/id}',
            optionId: '{$response.body#/question/options/0/id}',
          },
        },
        exportQuizCsv: {
          operationId: 'exportQuizCsv',
          description: 'Deltagerens egne svar på det første spørgsmål som CSV (filtreret på dets scenarie og type).',
          parameters: {
            learnerId: '$response.body#/learnerId',
            scenario: '$response.body#/question/scenario/id',
            kind: '$response.body#/question/kind',
          },
        },
        exportQuizXapi: {
          operationId: 'exportQuizXapi',
          description: 'Deltagerens egne svar som xAPI-statements.',
          parameters: { learnerId: '$response.body#/learnerId' },
        },
      },
    },
    errors: [400, 401, 403, 422, 429],
    errorText: { 422: 'Der er endnu ingen spørgsmål i det valgte emne og niveau (scenarierne venter på regler).' },
  },
  {
    method: 'get',
    path: '/api/v1/quiz/sessions/{id}',
    operationId: 'getQuizSession',
    tag: 'Quiz',
    summary: 'Hent en quiz-session',
    description: 'Sessionens aktuelle spørgsmål (uden facit; `null`, når sessionen er slut) og point indtil nu.',
    params: [
      idParam('Sessionens id (sessionId fra POST /api/v1/quiz/sessions).', '8d0e5f4a-3c2b-4e1a-9f6d-7b8c9a0e1d2f'),
    ],
    ok: { status: 200, component: 'QuizSession', description: 'Sessionen.' },
    errors: [401, 403, 404, 429],
  },
  {
    method: 'post',
    path: '/api/v1/quiz/sessions/{id}/answers',
    operationId: 'answerQuizQuestion',
    tag: 'Quiz',
    summary: 'Svar på det aktuelle spørgsmål',
    description:
      'Svaret rettes af regelmotoren: rigtigt eller forkert, det rigtige svar, forklaringen fra vurderingen med ordrette citater fra kilderne, og næste spørgsmål. Et forkert besvaret spørgsmål kommer igen et par spørgsmål senere.',
    params: [idParam('Sessionens id.', '8d0e5f4a-3c2b-4e1a-9f6d-7b8c9a0e1d2f')],
    body: {
      component: 'QuizAnswerRequest',
      example: { questionId: 'gunnar-doeraabner:decided_by', optionId: 'municipality' },
    },
    ok: { status: 200, component: 'QuizAnswerResponse', description: 'Resultatet og næste spørgsmål.' },
    errors: [400, 401, 403, 404, 409, 429],
    errorText: {
      400: 'Ugyldig forespørgsel, eller svarmuligheden findes ikke for spørgsmålet.',
      404: 'Sessionen findes ikke.',
      409: 'Spørgsmålet er ikke sessionens aktuelle (`details.currentQuestionId`), eller sessionen er slut.',
    },
  },
  {
    method: 'get',
    path: '/api/v1/quiz/stats',
    operationId: 'getQuizStats',
    tag: 'Quiz',
    summary: 'Anonyme resultater (lederoversigt)',
    description: `Andel rigtige svar pr. emne, pr. regel (indgreb og bestemmelse), pr. spørgsmålstype og pr. scenarie og spørgsmålstype — uden deltager-id'er. Filtre: datointerval, scenarie og spørgsmålstype (de samme som CSV-eksporten).\n\n${ADMIN_ACCESS}`,
    auth: 'admin',
    params: statsFilterParams,
    ok: { status: 200, component: 'QuizStats', description: 'Resultaterne.' },
    errors: [400, 401, 403, 429],
    errorText: { ...ADMIN_ERRORS, 400: 'Ugyldigt filter (dato, scenarie eller spørgsmålstype).' },
  },
  {
    method: 'get',
    path: '/api/v1/quiz/export.csv',
    operationId: 'exportQuizCsv',
    tag: 'Quiz',
    summary: 'Svar som CSV',
    description: exportDescription(
      'Ét svar pr. linje (RFC 4180, UTF-8): tidspunkt, deltager, session, spørgsmål, scenarie, emne, indgreb, bestemmelse, spørgsmålstype, svar, rigtigt svar, rigtigt (1/0) og regelversion.',
    ),
    auth: 'admin',
    params: [learnerIdParam('Kun denne deltagers svar; udelades: alle (kræver lederadgang).'), ...statsFilterParams],
    ok: { status: 200, csv: true, description: 'CSV-filen (hentes som vedhæftet fil).' },
    errors: [400, 401, 403, 429],
    errorText: { ...ADMIN_ERRORS, 400: 'Ugyldigt `learnerId` eller filter.' },
  },
  {
    method: 'get',
    path: '/api/v1/quiz/export.xapi.json',
    operationId: 'exportQuizXapi',
    tag: 'Quiz',
    summary: 'Svar som xAPI-statements',
    description: exportDescription(
      'xAPI 1.0.3-statements ("answered") til et læringssystem (LMS/LRS), ét pr. svar; aktøren er deltagerens tilfældige id.',
    ),
    auth: 'admin',
    params: [learnerIdParam('Kun denne deltagers svar; udelades: alle (kræver lederadgang).')],
    ok: { status: 200, component: 'XapiStatement', array: true, description: 'Statements, ældste først.' },
    errors: [400, 401, 403, 429],
    errorText: { ...ADMIN_ERRORS, 400: 'Ugyldigt `learnerId`.' },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'openapi',
    tag: 'Adgang',
    summary: 'Dette dokument',
    description: 'OpenAPI 3.1. Kræver ingen nøgle.',
    auth: false,
    ok: { status: 200, description: 'OpenAPI-dokumentet.' },
    errors: [],
  },
];

export const API_DESCRIPTION = `Hjemmels API til journalsystemer (Nexus, Cura, Bosted m.fl.): vejledning om magtanvendelse efter serviceloven kap. 24-24 d med citerede kilder og en deterministisk regelmotor. Ingen sprogmodel afgør lovligheden.

**Adgang.** Send \`Authorization: Bearer <nøgle eller token>\` (eller \`X-API-Key: <nøgle>\`). Nøgler oprettes af driften med \`npm run --silent cli -- keys create --name <klient> --origins <url,…> [--public] [--rate <n/min>]\`. Hemmelige nøgler (\`hjm_sk_…\`) bruges kun fra journalsystemets server; browseren får et kortlivet token fra \`POST /api/v1/tokens\` (\`hjt.…\`, højst 15 min., bundet til nøglens oprindelser). Offentlige nøgler (\`hjm_pk_…\`, widgettens \`data-api-key\`) virker kun fra deres tilladte oprindelser. Fra samme maskine (localhost) virker API'et uden nøgle, medmindre serveren kører med \`HJEMMEL_REQUIRE_KEY=1\`.

**CORS.** Kun oprindelser, der står på en nøgle, får \`Access-Control-Allow-Origin\`. **Grænser.** Hver nøgle har en grænse pr. minut; overskrides den, svares 429 med \`Retry-After\`. **Fejl** har altid formen \`{"error": {"code", "message", "details"?}}\`.

**Iframe.** \`/embed?measure=<id>&facts=<json eller k=v,…>&token=<token>\` åbner samtalen udfyldt med journalens oplysninger; siden sender \`Content-Security-Policy: frame-ancestors\` med tokenets oprindelser.`;

/**
 * Admin operations: a secret key alone; a public key, token or anonymous local use plus the admin token; or
 * anonymous local use while HJEMMEL_ADMIN_TOKEN is unset. (Secret vs public keys are told apart by the server.)
 */
const ADMIN_SECURITY = [
  { bearerAuth: [] },
  { apiKeyHeader: [] },
  { bearerAuth: [], adminToken: [] },
  { apiKeyHeader: [], adminToken: [] },
  { adminToken: [] },
  {},
];

/** Response headers, documented once (components.headers) and referenced from every response that sends them. */
const HEADERS: Record<string, Json> = {
  'RateLimit-Limit': {
    description:
      'Forespørgsler pr. minut, som nøglen (eller den enkelte browser bag en offentlig nøgle) må bruge. / Requests per minute allowed for the key.',
    schema: { type: 'integer', minimum: 1 },
  },
  'RateLimit-Remaining': {
    description:
      'Tilbage af minuttets budget efter denne forespørgsel (0 ved 429). / Requests left in the current minute.',
    schema: { type: 'integer', minimum: 0 },
  },
  'Retry-After': {
    description: 'Sekunder til næste forsøg. / Seconds until the next attempt.',
    schema: { type: 'integer' },
  },
  'X-Record-Id': {
    description:
      'Beslutningsnotatets id, det samme som `recordId` i kroppen; sendes ikke ved `dryRun`. / The decision record id (as `recordId`); absent on dry runs.',
    schema: { type: 'string', pattern: '^rec_[A-Za-z0-9_-]{22}$' },
  },
};
const RATE_LIMIT_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining'];

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Record<string, Json>> = {};
  const operationIds = new Set(OPERATIONS.map((o) => o.operationId));
  for (const op of OPERATIONS) {
    const responses: Record<string, Json> = {};
    const okContent: Json = {};
    if (op.ok.htmlOnly)
      okContent['text/html'] = { schema: { type: 'string', description: 'HTML-side til en iframe.' } };
    else if (op.ok.csv)
      okContent['text/csv'] = {
        schema: { type: 'string', description: 'CSV (RFC 4180, UTF-8) med overskriftslinje.' },
      };
    else if (op.ok.component)
      okContent['application/json'] = {
        schema: op.ok.array ? { type: 'array', items: ref(op.ok.component) } : ref(op.ok.component),
      };
    else if (op.ok.status !== 204) okContent['application/json'] = { schema: { type: 'object' } };
    if (op.ok.sse)
      okContent['text/event-stream'] = {
        schema: { type: 'string', description: 'SSE: "event: delta" med {text}, til sidst "event: final" med svaret.' },
      };
    if (op.ok.html) okContent['text/html'] = { schema: { type: 'string', description: 'Printvenlig HTML-side.' } };
    for (const link of Object.values(op.ok.links ?? {}))
      if (!operationIds.has(link.operationId))
        throw new Error(`OpenAPI: link from ${op.operationId} to unknown operation ${link.operationId}`);
    // Every call that is counted against a key's budget (everything but the public document and the signed print
    // link) carries the rate-limit headers; 429 adds Retry-After.
    const limited = op.auth !== false && op.path.startsWith('/api/v1/');
    const headerRefs = (names: string[]) =>
      Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));
    const okHeaders = [...(limited ? RATE_LIMIT_HEADERS : []), ...(op.ok.headers ?? [])];
    responses[String(op.ok.status)] = {
      description: op.ok.description,
      ...(okHeaders.length ? { headers: headerRefs(okHeaders) } : {}),
      ...(Object.keys(okContent).length ? { content: okContent } : {}),
      ...(op.ok.links ? { links: op.ok.links } : {}),
    };
    for (const s of op.errors)
      responses[String(s)] = {
        description: op.errorText?.[s] ?? ERROR_TEXT[s] ?? 'Fejl.',
        content: { 'application/json': { schema: ref('Error') } },
        ...(s === 429 ? { headers: headerRefs([...(limited ? RATE_LIMIT_HEADERS : []), 'Retry-After']) } : {}),
      };
    const operation: Json = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      description: op.description,
      ...(op.auth === false ? { security: [] } : {}),
      ...(op.auth === 'admin' ? { security: ADMIN_SECURITY } : {}),
      ...(op.params
        ? {
            parameters: op.params.map((p) => ({
              name: p.name,
              in: p.in,
              required: p.required,
              description: p.description,
              schema: inline(p.schema),
              example: p.example,
              ...(p.deprecated ? { deprecated: true } : {}),
            })),
          }
        : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(op.body.component), example: op.body.example } },
            },
          }
        : {}),
      responses,
    };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation;
  }
  cached = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Hjemmel API til journalsystemer',
      version: `${API_VERSION} (regelsæt ${RULES_VERSION})`,
      description: API_DESCRIPTION,
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Samtale', description: 'Spørgsmål og svar med kilder.' },
      { name: 'Regelmotor', description: 'Deterministiske vurderinger og tjek af hændelser.' },
      { name: 'Kilder', description: 'Lov, bekendtgørelse, vejledning og håndbog.' },
      { name: 'Beslutningsnotater', description: 'Notater til sagen og til tilsyn.' },
      { name: 'Quiz', description: 'Scenarie-quizzer til nye medarbejdere, rettet af regelmotoren.' },
      { name: 'Adgang', description: 'Tokens og dette dokument.' },
    ],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }, {}],
    paths,
    components: {
      schemas: { ...components(RESPONSE_COMPONENTS, 'output'), ...components(REQUEST_COMPONENTS, 'input') },
      headers: HEADERS,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'API-nøgle (hjm_sk_… / hjm_pk_…) eller token (hjt.…).',
        },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        adminToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Hjemmel-Admin-Token',
          description:
            'Lederens token (HJEMMEL_ADMIN_TOKEN) til quizzens resultater og eksport; ikke nødvendigt fra localhost, når HJEMMEL_ADMIN_TOKEN ikke er sat.',
        },
      },
    },
  };
  return cached;
}
