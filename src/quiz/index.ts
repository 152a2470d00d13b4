/**
 * Quiz entry module (issue 8): scenario quizzes graded by the rule evaluator. Exports the mount, the
 * service and the zod schemas of the API (for the OpenAPI document).
 */
export {
  isServed,
  loadBank,
  type Scenario,
  ScenarioSchema,
  scenarioById,
  servedScenarios,
  TOPICS,
  type TopicId,
  TopicIdSchema,
  waitingScenarios,
} from './bank.ts';
export { type Explanation, explain, MAX_CITATIONS, MAX_WORDS, wordCount } from './explain.ts';
export {
  type KeyedQuestion,
  KIND_PROMPT,
  QUESTION_KINDS,
  type Question,
  type QuestionKind,
  questionsFor,
} from './questions.ts';
export { quizMount } from './routes.ts';
export {
  AnswerRequestSchema,
  AnswerResponseSchema,
  CreateQuizSessionRequestSchema,
  ExplanationSchema,
  LearnerIdSchema,
  QuizCitationSchema,
  QuizQuestionSchema,
  QuizSessionSchema,
  QuizStatsSchema,
  ReviewItemSchema,
  StatsQuerySchema,
  TopicsResponseSchema,
  XapiStatementSchema,
} from './schemas.ts';
export { csvField, QuizService } from './service.ts';
export { QuizStore } from './store.ts';
