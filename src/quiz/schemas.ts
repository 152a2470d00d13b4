/**
 * Request and response schemas of the quiz API (zod 4, JSON-schema representable), for validation and
 * for the OpenAPI document.
 */
import { z } from 'zod';
import { containsCpr } from '../privacy/cpr.ts';
import { TopicIdSchema } from './bank.ts';
import { QUESTION_KINDS } from './questions.ts';

export const LearnerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/)
  .refine((v) => !containsCpr(v), {
    message: 'Deltager-id må ikke ligne et CPR-nummer / learner id must not look like a CPR number',
  })
  .describe('Tilfældigt deltager-id (8-64 tegn: bogstaver, tal, - og _). Brug aldrig navn, e-mail eller CPR-nummer.');

export const CreateQuizSessionRequestSchema = z
  .strictObject({
    learnerId: LearnerIdSchema.optional().describe(
      'Deltagerens id fra en tidligere session (fortsætter fremskridtet). Udelades: der dannes et nyt tilfældigt id.',
    ),
    topic: TopicIdSchema.optional().describe('Emne; udelades: alle emner.'),
    length: z.number().int().min(1).max(30).describe('Antal spørgsmål i sessionen (1-30).'),
    level: z.number().int().min(1).max(3).optional().describe('Højeste sværhedsgrad (1-3); udelades: alle niveauer.'),
  })
  .describe('Start en quiz-session.');

export const QuizOptionSchema = z.object({
  id: z.string(),
  label: z.string().describe('Svaret med en praktikers ord, f.eks. "Kommunalbestyrelsen skal træffe afgørelse først".'),
  detail: z.string().optional().describe('Sekundær tekst, f.eks. paragraffen ("SEL § 124 c").'),
});

export const QuizQuestionSchema = z
  .object({
    id: z.string().describe('Spørgsmålets faste id: "<scenarie-id>:<spørgsmålstype>".'),
    kind: z.enum(QUESTION_KINDS),
    prompt: z.string().describe('Spørgsmålet, f.eks. "Hvem træffer beslutningen?".'),
    scenario: z.object({
      id: z.string(),
      title: z.string(),
      story: z.string(),
      topic: TopicIdSchema,
      level: z.number().int(),
      source: z.string(),
    }),
    options: z.array(QuizOptionSchema),
    position: z.number().int().describe('Spørgsmålets nummer i sessionen (1-baseret).'),
    total: z.number().int().describe('Antal spørgsmål i sessionen (den valgte længde; ændrer sig ikke undervejs).'),
    repeat: z
      .boolean()
      .describe('true, når spørgsmålet gentages, fordi deltageren svarede forkert på det i en tidligere session.'),
  })
  .describe('Et spørgsmål (uden facit).');

export const ScoreSchema = z.object({
  answered: z.number().int(),
  correct: z.number().int(),
  total: z.number().int(),
});

export const ReviewItemSchema = z
  .object({
    questionId: z.string(),
    scenarioId: z.string(),
    title: z.string(),
    prompt: z.string(),
    chosen: z.string().describe('Det valgte (forkerte) svar.'),
    rightAnswer: z.string(),
    whyWrong: z.string().nullable(),
    sources: z.array(
      z.object({
        unitId: z.string(),
        citation: z.string(),
        url: z.string().describe('Kilden som side (/quiz/kilde/<unitId>).'),
      }),
    ),
    chatUrl: z.string().describe('Spørg Hjemmel om scenariet (/quiz/spoerg?scenarie=…).'),
  })
  .describe('Et spørgsmål at repetere: besvaret forkert i sessionen.');

export const QuizSessionSchema = z
  .object({
    sessionId: z.string(),
    learnerId: LearnerIdSchema,
    topic: TopicIdSchema.nullable(),
    level: z.number().int().nullable(),
    length: z.number().int(),
    question: QuizQuestionSchema.nullable().describe('Det aktuelle spørgsmål (null: sessionen er slut).'),
    done: z.boolean(),
    score: ScoreSchema,
    review: z.array(ReviewItemSchema).optional().describe('Når sessionen er slut: hvad der skal repeteres.'),
  })
  .describe('En quiz-session.');

export const AnswerRequestSchema = z
  .strictObject({
    questionId: z.string().min(1).max(200),
    optionId: z.string().min(1).max(100),
  })
  .describe('Et svar på sessionens aktuelle spørgsmål.');

export const QuizCitationSchema = z.object({
  n: z.number().int(),
  unitId: z.string(),
  citation: z.string(),
  quote: z.string().describe('Én ordret sætning fra kilden, der siger det (aldrig kun en overskrift).'),
});

export const ExplanationSchema = z.object({
  whyWrong: z
    .string()
    .nullable()
    .describe(
      'Én sætning om, hvorfor det valgte svar er forkert (nævner det), udledt af den betingelse eller regel, der adskiller det fra det rigtige; null ved rigtigt svar.',
    ),
  rightAnswer: z.string().describe('Det rigtige svar.'),
  summary: z.string().describe('Kort om, hvad der er rigtigt. whyWrong + rightAnswer + summary er højst 80 ord.'),
  refs: z.array(z.number().int()).describe('Numre i citations, der belægger whyWrong og summary.'),
  details: z
    .array(
      z.object({
        kind: z.enum(['reason', 'condition', 'registration', 'complaint', 'missing', 'source']),
        text: z.string(),
        status: z.enum(['met', 'unmet', 'unknown']).optional(),
        sources: z.array(z.object({ unitId: z.string(), citation: z.string() })),
      }),
    )
    .describe('Hele begrundelsen fra regelmotoren (vises bag "Læs mere").'),
});

export const AnswerResponseSchema = z
  .object({
    correct: z.boolean(),
    correctOptionId: z.string(),
    explanation: ExplanationSchema,
    citations: z.array(QuizCitationSchema).max(3),
    next: QuizQuestionSchema.optional(),
    review: z.array(ReviewItemSchema).optional().describe('Når sessionen er slut: hvad der skal repeteres.'),
    done: z.boolean(),
    score: ScoreSchema,
  })
  .describe('Resultatet af et svar: rigtigt/forkert, forklaring fra regelmotoren med kilder, og næste spørgsmål.');

export const TopicsResponseSchema = z
  .object({
    topics: z.array(
      z.object({
        id: TopicIdSchema,
        label: z.string(),
        description: z.string(),
        scenarios: z.number().int().describe('Scenarier, der kan besvares nu.'),
        questions: z.number().int(),
        waiting: z.number().int().describe('Scenarier, der venter på regler i regelmotoren (kap. 24 c/d).'),
      }),
    ),
  })
  .describe('Quiz-emner.');

const StatRowSchema = z.object({
  answers: z.number().int(),
  correct: z.number().int(),
  shareCorrect: z.number().describe('Andel rigtige svar (0-1).'),
  learners: z.number().int(),
});

export const QuizStatsSchema = z
  .object({
    filter: z
      .object({
        from: z.string().nullable(),
        to: z.string().nullable(),
        scenario: z.string().nullable(),
        kind: z.string().nullable(),
      })
      .describe('De anvendte filtre (null: ikke filtreret).'),
    total: StatRowSchema.extend({ sessions: z.number().int() }),
    byTopic: z.array(StatRowSchema.extend({ topic: z.string(), label: z.string() })),
    byRule: z.array(
      StatRowSchema.extend({ measure: z.string(), measureTitle: z.string(), provision: z.string().nullable() }),
    ),
    byQuestionKind: z.array(StatRowSchema.extend({ kind: z.string(), prompt: z.string() })),
    byScenario: z
      .array(StatRowSchema.extend({ scenario: z.string(), title: z.string(), kind: z.string(), prompt: z.string() }))
      .describe('Pr. scenarie og spørgsmålstype.'),
  })
  .describe('Anonyme resultater pr. emne, pr. regel (indgreb og bestemmelse), pr. spørgsmålstype og pr. scenarie.');

export const StatsQuerySchema = z
  .object({
    from: z.iso.date().optional().describe('Fra og med dato (ÅÅÅÅ-MM-DD).'),
    to: z.iso.date().optional().describe('Til og med dato (ÅÅÅÅ-MM-DD).'),
    scenario: z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/)
      .optional()
      .describe('Kun ét scenarie (id).'),
    kind: z.enum(QUESTION_KINDS).optional().describe('Kun én spørgsmålstype.'),
  })
  .describe('Filtre for resultater og CSV-eksport.');

export const XapiStatementSchema = z
  .object({
    id: z.uuid(),
    actor: z.object({
      objectType: z.literal('Agent'),
      account: z.object({ homePage: z.string(), name: z.string() }),
    }),
    verb: z.object({
      id: z.literal('http://adlnet.gov/expapi/verbs/answered'),
      display: z.record(z.string(), z.string()),
    }),
    object: z.object({
      objectType: z.literal('Activity'),
      id: z.string(),
      definition: z.object({
        name: z.record(z.string(), z.string()),
        description: z.record(z.string(), z.string()),
        type: z.literal('http://adlnet.gov/expapi/activities/cmi.interaction'),
        interactionType: z.literal('choice'),
        choices: z
          .array(z.object({ id: z.string(), description: z.record(z.string(), z.string()) }))
          .optional()
          .describe('Svarmulighederne (mangler, hvis spørgsmålet ikke længere findes i banken).'),
        correctResponsesPattern: z.array(z.string()).optional().describe('Id på det rigtige svar.'),
      }),
    }),
    result: z.object({ success: z.boolean(), response: z.string() }),
    context: z.object({ registration: z.uuid(), extensions: z.record(z.string(), z.unknown()) }),
    timestamp: z.string(),
  })
  .describe('En xAPI-statement (1.0.3) for et besvaret spørgsmål.');
