/**
 * The quiz service: topics, sessions with spaced repetition, grading by the rule evaluator, anonymous
 * stats and exports (CSV, xAPI). HTTP-free; routes.ts maps it onto the API.
 *
 * Fixed length: a session asks exactly the chosen number of questions. Spaced repetition happens across
 * sessions: each learner's per-question Leitner box (0 after a wrong answer) puts missed questions first in
 * their next session (marked as repetition), then unseen questions, then the least-known ones. The end of
 * a session lists what to review, with the sources and a link to ask the chat about the scenario.
 *
 * Keys are frozen in the bank (`expected`): a question is served only while the evaluator agrees.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CorpusIndex } from '../corpus/index.ts';
import { DomainError } from '../errors/index.ts';
import { cprSafeId } from '../privacy/cpr.ts';
import { listMeasures, RULES_VERSION } from '../rules/index.ts';
import { loadBank, type Scenario, scenarioById, servedScenarios, TOPICS, type TopicId } from './bank.ts';
import { type Explanation, explain, type QuizCitation } from './explain.ts';
import {
  type KeyedQuestion,
  KIND_PROMPT,
  parseQuestionId,
  type QuestionKind,
  questionsFor,
  REGISTRATION_KINDS,
  seeded,
  shuffle,
} from './questions.ts';
import type {
  AnswerRequestSchema,
  CreateQuizSessionRequestSchema,
  QuizQuestionSchema,
  QuizSessionSchema,
  QuizStatsSchema,
  ReviewItemSchema,
  TopicsResponseSchema,
} from './schemas.ts';
import type { AnswerFilter, AnswerRow, QuizStore } from './store.ts';

export type CreateSessionInput = z.infer<typeof CreateQuizSessionRequestSchema>;
export type AnswerInput = z.infer<typeof AnswerRequestSchema>;
export type QuizQuestionView = z.infer<typeof QuizQuestionSchema>;
export type QuizSessionView = z.infer<typeof QuizSessionSchema>;
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

interface QueueItem {
  questionId: string;
  repeat: boolean;
}

export interface SessionState {
  id: string;
  learnerId: string;
  topic: TopicId | null;
  level: number | null;
  length: number;
  createdAt: string;
  /** Remaining items; the first is the current question. */
  queue: QueueItem[];
  /** Questions answered wrongly in this session, with the chosen option (the review list). */
  missed: Array<{ questionId: string; optionId: string }>;
  answered: number;
  correct: number;
}

export interface AnswerResult {
  correct: boolean;
  correctOptionId: string;
  explanation: Explanation;
  citations: QuizCitation[];
  next?: QuizQuestionView;
  /** When the session is done: what to review. */
  review?: ReviewItem[];
  done: boolean;
  score: { answered: number; correct: number; total: number };
}

let questionCache: Map<string, KeyedQuestion[]> | undefined;

/** Every definite question of every served scenario, keyed once per process (the evaluator is deterministic). */
function allQuestions(): Map<string, KeyedQuestion[]> {
  if (!questionCache) {
    questionCache = new Map();
    for (const s of servedScenarios())
      questionCache.set(
        s.id,
        questionsFor(s).filter((q) => frozenAgrees(s, q)),
      );
  }
  return questionCache;
}

const warned = new Set<string>();

/** The bank's frozen key agrees with the evaluator (a disagreement is logged once and the question not served). */
function frozenAgrees(s: Scenario, q: KeyedQuestion): boolean {
  const frozen = s.expected?.[q.kind];
  if (frozen === q.correctOptionId) return true;
  if (!warned.has(q.id)) {
    warned.add(q.id);
    console.warn(
      `[hjemmel] quiz: ${q.id} not served: frozen key ${frozen ?? '(none)'} ≠ evaluator ${q.correctOptionId} (run npm run quiz:freeze)`,
    );
  }
  return false;
}

function findQuestion(questionId: string): { q: KeyedQuestion; s: Scenario } | undefined {
  const parsed = parseQuestionId(questionId);
  if (!parsed) return undefined;
  const s = scenarioById(parsed.scenarioId);
  const q = allQuestions()
    .get(parsed.scenarioId)
    ?.find((x) => x.kind === parsed.kind);
  return s && q ? { q, s } : undefined;
}

function matchesTopic(s: Scenario, kind: QuestionKind, topic: TopicId | null): boolean {
  if (!topic) return true;
  return s.topic === topic || (topic === 'registrering-og-klage' && REGISTRATION_KINDS.includes(kind));
}

export function newLearnerId(): string {
  return `l-${randomBytes(12).toString('base64url')}`;
}

const MEASURE_TITLE = new Map(listMeasures().map((m) => [m.id as string, m.title]));
const TOPIC_LABEL = new Map<string, string>(TOPICS.map((t) => [t.id, t.label]));

function share(correct: number, answers: number): number {
  return answers ? Math.round((correct / answers) * 1000) / 1000 : 0;
}

export class QuizService {
  constructor(
    private readonly store: QuizStore,
    private readonly corpus: CorpusIndex,
  ) {}

  topics(): z.infer<typeof TopicsResponseSchema> {
    const bank = loadBank();
    const qs = allQuestions();
    return {
      topics: TOPICS.map((t) => {
        const served = servedScenarios().filter((s) => s.topic === t.id);
        let questions = 0;
        for (const s of servedScenarios())
          for (const q of qs.get(s.id) ?? []) if (matchesTopic(s, q.kind, t.id)) questions++;
        return {
          id: t.id,
          label: t.label,
          description: t.description,
          scenarios: served.length,
          questions,
          waiting: bank.filter((s) => s.topic === t.id).length - served.length,
        };
      }),
    };
  }

  /** Candidate questions for a session, ordered: the learner's missed ones, unseen ones, then the least known. */
  private async plan(
    learnerId: string,
    topic: TopicId | null,
    level: number | null,
    length: number,
  ): Promise<QueueItem[]> {
    const candidates: Array<{ q: KeyedQuestion; s: Scenario }> = [];
    for (const s of servedScenarios()) {
      if (level !== null && s.level > level) continue;
      for (const q of allQuestions().get(s.id) ?? []) if (matchesTopic(s, q.kind, topic)) candidates.push({ q, s });
    }
    if (!candidates.length)
      throw new DomainError(
        'unprocessable',
        'no_questions',
        'Der er endnu ingen spørgsmål i det valgte emne og niveau / no questions for this topic and level yet',
      );
    const progress = new Map((await this.store.progress(learnerId)).map((p) => [p.question_id, p]));
    const rnd = seeded(`${learnerId}:${Date.now()}:${Math.random()}`);
    const missed = candidates
      .filter((c) => progress.get(c.q.id)?.box === 0)
      .sort((a, b) => progress.get(b.q.id)!.last_at.localeCompare(progress.get(a.q.id)!.last_at));
    const unseen = shuffle(
      candidates.filter((c) => !progress.has(c.q.id)),
      rnd,
    );
    const known = shuffle(
      candidates.filter((c) => (progress.get(c.q.id)?.box ?? 0) > 0),
      rnd,
    ).sort((a, b) => progress.get(a.q.id)!.box - progress.get(b.q.id)!.box);
    const ordered = [...missed, ...unseen, ...known];

    // First one question per scenario (variety), then fill up with further questions.
    const picked: typeof ordered = [];
    const scenarios = new Set<string>();
    for (const c of ordered) {
      if (picked.length >= length) break;
      if (scenarios.has(c.s.id)) continue;
      scenarios.add(c.s.id);
      picked.push(c);
    }
    for (const c of ordered) {
      if (picked.length >= length) break;
      if (!picked.includes(c)) picked.push(c);
    }
    return picked.map((c) => ({ questionId: c.q.id, repeat: progress.get(c.q.id)?.box === 0 }));
  }

  async createSession(input: CreateSessionInput): Promise<QuizSessionView> {
    const learnerId = input.learnerId ?? newLearnerId();
    const state: SessionState = {
      id: cprSafeId(),
      learnerId,
      topic: input.topic ?? null,
      level: input.level ?? null,
      length: input.length,
      createdAt: new Date().toISOString(),
      queue: [],
      missed: [],
      answered: 0,
      correct: 0,
    };
    state.queue = await this.plan(learnerId, state.topic, state.level, input.length);
    await this.store.saveSession(state.id, learnerId, state);
    return this.view(state);
  }

  private async load(sessionId: string): Promise<SessionState> {
    const state = await this.store.getSession<SessionState>(sessionId);
    if (!state)
      throw new DomainError(
        'not_found',
        'unknown_quiz_session',
        `Ukendt quiz-session / unknown quiz session: ${sessionId}`,
      );
    return state;
  }

  async getSession(sessionId: string): Promise<QuizSessionView> {
    return this.view(await this.load(sessionId));
  }

  /** Drops queue items whose question is no longer asked (e.g. after a rules update). */
  private settle(state: SessionState): void {
    while (state.queue.length && !findQuestion(state.queue[0]!.questionId)) state.queue.shift();
  }

  private questionView(state: SessionState): QuizQuestionView | null {
    this.settle(state);
    const item = state.queue[0];
    if (!item) return null;
    const { q, s } = findQuestion(item.questionId)!;
    return {
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      scenario: { id: s.id, title: s.title, story: s.story, topic: s.topic, level: s.level, source: s.source },
      options: q.options.map((o) => ({ ...o })),
      position: state.answered + 1,
      total: state.answered + state.queue.length,
      repeat: item.repeat,
    };
  }

  private score(state: SessionState) {
    return { answered: state.answered, correct: state.correct, total: state.answered + state.queue.length };
  }

  /** What to review after a session: every missed question with the right answer, sources and a chat link. */
  private review(state: SessionState): ReviewItem[] {
    return (state.missed ?? []).flatMap((m) => {
      const found = findQuestion(m.questionId);
      if (!found) return [];
      const { q, s } = found;
      const { explanation, citations } = explain(q, s, this.corpus, m.optionId);
      const chosen = q.options.find((o) => o.id === m.optionId);
      return [
        {
          questionId: q.id,
          scenarioId: s.id,
          title: s.title,
          prompt: q.prompt,
          chosen: chosen?.label ?? m.optionId,
          rightAnswer: explanation.rightAnswer,
          whyWrong: explanation.whyWrong,
          sources: citations.map((c) => ({
            unitId: c.unitId,
            citation: c.citation,
            url: `/quiz/kilde/${encodeURIComponent(c.unitId)}`,
          })),
          chatUrl: `/quiz/spoerg?scenarie=${encodeURIComponent(s.id)}&spoergsmaal=${encodeURIComponent(q.kind)}`,
        },
      ];
    });
  }

  private view(state: SessionState): QuizSessionView {
    const question = this.questionView(state);
    return {
      sessionId: state.id,
      learnerId: state.learnerId,
      topic: state.topic,
      level: state.level,
      length: state.length,
      question,
      done: question === null,
      score: this.score(state),
      ...(question === null ? { review: this.review(state) } : {}),
    };
  }

  async answer(sessionId: string, input: AnswerInput): Promise<AnswerResult> {
    const state = await this.load(sessionId);
    this.settle(state);
    const item = state.queue[0];
    if (!item) throw new DomainError('conflict', 'session_done', 'Sessionen er slut / the session is finished');
    if (item.questionId !== input.questionId)
      throw new DomainError(
        'conflict',
        'not_current_question',
        `Spørgsmålet er ikke sessionens aktuelle / not the current question (current: ${item.questionId})`,
        { currentQuestionId: item.questionId },
      );
    const { q, s } = findQuestion(item.questionId)!;
    if (!q.options.some((o) => o.id === input.optionId))
      throw new DomainError('invalid', 'invalid_option', `Ukendt svarmulighed / unknown option: ${input.optionId}`);

    const correct = input.optionId === q.correctOptionId;
    await this.store.recordAnswer({
      session_id: state.id,
      learner_id: state.learnerId,
      question_id: q.id,
      scenario_id: s.id,
      kind: q.kind,
      topic: s.topic,
      measure: s.request.measure,
      provision: q.verdict.provision,
      option_id: input.optionId,
      correct_option_id: q.correctOptionId,
      correct: correct ? 1 : 0,
      rules_version: q.verdict.rulesVersion ?? RULES_VERSION,
    });
    state.answered++;
    if (correct) state.correct++;
    state.queue.shift();
    if (!correct) state.missed.push({ questionId: q.id, optionId: input.optionId });
    const next = this.questionView(state) ?? undefined;
    await this.store.saveSession(state.id, state.learnerId, state);
    const { explanation, citations } = explain(q, s, this.corpus, input.optionId);
    return {
      correct,
      correctOptionId: q.correctOptionId,
      explanation,
      citations,
      ...(next ? { next } : { review: this.review(state) }),
      done: !next,
      score: this.score(state),
    };
  }

  /** Scenarios for the manager's filter (id and title, by title). */
  scenarioChoices(): Array<{ id: string; title: string }> {
    return loadBank()
      .map((s) => ({ id: s.id, title: s.title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'da'));
  }

  async stats(filter: AnswerFilter = {}): Promise<z.infer<typeof QuizStatsSchema>> {
    const row = (r: Record<string, unknown>) => {
      const answers = Number(r['answers'] ?? 0);
      const correct = Number(r['correct'] ?? 0);
      return { answers, correct, shareCorrect: share(correct, answers), learners: Number(r['learners'] ?? 0) };
    };
    const [t, byTopic, byRule, byKind, byScenario] = await Promise.all([
      this.store.totals(filter),
      this.store.grouped(['topic'], filter),
      this.store.grouped(['measure', 'provision'], filter),
      this.store.grouped(['kind'], filter),
      this.store.grouped(['scenario_id', 'kind'], filter),
    ]);
    return {
      filter: {
        from: filter.from ?? null,
        to: filter.to ?? null,
        scenario: filter.scenario ?? null,
        kind: filter.kind ?? null,
      },
      total: { ...row(t), sessions: t.sessions },
      byTopic: byTopic.map((r) => ({
        topic: String(r['topic']),
        label: TOPIC_LABEL.get(String(r['topic'])) ?? String(r['topic']),
        ...row(r),
      })),
      byRule: byRule.map((r) => ({
        measure: String(r['measure']),
        measureTitle: MEASURE_TITLE.get(String(r['measure'])) ?? String(r['measure']),
        provision: (r['provision'] as string | null) ?? null,
        ...row(r),
      })),
      byQuestionKind: byKind.map((r) => ({
        kind: String(r['kind']),
        prompt: KIND_PROMPT[r['kind'] as QuestionKind] ?? String(r['kind']),
        ...row(r),
      })),
      byScenario: byScenario.map((r) => ({
        scenario: String(r['scenario_id']),
        title: scenarioById(String(r['scenario_id']))?.title ?? String(r['scenario_id']),
        kind: String(r['kind']),
        prompt: KIND_PROMPT[r['kind'] as QuestionKind] ?? String(r['kind']),
        ...row(r),
      })),
    };
  }

  /** Answers as CSV (RFC 4180). One learner: their own ids; all: learners and sessions as anonymous numbers. */
  async exportCsv(learnerId?: string, filter: AnswerFilter = {}): Promise<string> {
    const rows = await this.store.answers(learnerId, filter);
    const alias = aliaser(learnerId === undefined);
    const head = [
      'tidspunkt',
      'deltager',
      'session',
      'spoergsmaal_id',
      'scenarie',
      'emne',
      'indgreb',
      'bestemmelse',
      'spoergsmaalstype',
      'svar',
      'rigtigt_svar',
      'rigtigt',
      'regelversion',
    ];
    const lines = [head.join(',')];
    for (const r of rows)
      lines.push(
        [
          r.at,
          alias('deltager', r.learner_id),
          alias('session', r.session_id),
          r.question_id,
          r.scenario_id,
          r.topic,
          r.measure,
          r.provision ?? '',
          r.kind,
          r.option_id,
          r.correct_option_id,
          r.correct ? '1' : '0',
          r.rules_version,
        ]
          .map(csvField)
          .join(','),
      );
    return `${lines.join('\r\n')}\r\n`;
  }

  /** xAPI 1.0.3 statements ("answered") for a learning-management system. Actors are the random learner ids. */
  async exportXapi(baseUrl: string, learnerId?: string): Promise<unknown[]> {
    return (await this.store.answers(learnerId)).map((r) => xapiStatement(r, baseUrl));
  }
}

function aliaser(anonymous: boolean): (prefix: string, id: string) => string {
  const maps = new Map<string, Map<string, string>>();
  return (prefix, id) => {
    if (!anonymous) return id;
    const m = maps.get(prefix) ?? new Map<string, string>();
    maps.set(prefix, m);
    const a = m.get(id) ?? `${prefix}-${m.size + 1}`;
    m.set(id, a);
    return a;
  };
}

/** Quotes a CSV field when needed and defuses spreadsheet formulas (=, +, -, @ at the start). */
export function csvField(v: string): string {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A name-based UUID (SHA-1, version 5 layout), so re-exports give the same statement ids. */
function uuidFrom(name: string): string {
  const b = createHash('sha1').update(name).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function xapiStatement(r: AnswerRow, baseUrl: string) {
  const found = findQuestion(r.question_id);
  const scenario = scenarioById(r.scenario_id);
  const name = `${scenario?.title ?? r.scenario_id}: ${KIND_PROMPT[r.kind as QuestionKind] ?? r.kind}`;
  return {
    id: uuidFrom(`hjemmel-quiz:${r.id}:${r.session_id}:${r.question_id}`),
    actor: { objectType: 'Agent' as const, account: { homePage: `${baseUrl}/quiz`, name: r.learner_id } },
    verb: {
      id: 'http://adlnet.gov/expapi/verbs/answered' as const,
      display: { 'da-DK': 'besvarede', 'en-US': 'answered' },
    },
    object: {
      objectType: 'Activity' as const,
      id: `${baseUrl}/quiz/questions/${encodeURIComponent(r.question_id)}`,
      definition: {
        name: { 'da-DK': name },
        description: { 'da-DK': scenario?.story ?? '' },
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction' as const,
        interactionType: 'choice' as const,
        ...(found
          ? {
              choices: found.q.options.map((o) => ({ id: o.id, description: { 'da-DK': o.label } })),
              correctResponsesPattern: [r.correct_option_id],
            }
          : {}),
      },
    },
    result: { success: r.correct === 1, response: r.option_id },
    context: {
      registration: r.session_id,
      extensions: {
        [`${baseUrl}/quiz/xapi/topic`]: r.topic,
        [`${baseUrl}/quiz/xapi/measure`]: r.measure,
        [`${baseUrl}/quiz/xapi/provision`]: r.provision,
        [`${baseUrl}/quiz/xapi/rules-version`]: r.rules_version,
      },
    },
    timestamp: r.at,
  };
}
