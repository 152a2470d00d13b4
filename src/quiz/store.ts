/**
 * Quiz persistence in the shared SQLite file: sessions (state as JSON), every answer (for stats and
 * exports) and each learner's progress per question (a Leitner box: 0 = last answer wrong, due first).
 * Learner ids are random tokens; nothing here holds personal data.
 */
import type { Store } from '../store/index.ts';

const DDL = `
CREATE TABLE IF NOT EXISTS quiz_sessions (
  id TEXT PRIMARY KEY,
  learner_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quiz_answers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  session_id TEXT NOT NULL,
  learner_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  topic TEXT NOT NULL,
  measure TEXT NOT NULL,
  provision TEXT,
  option_id TEXT NOT NULL,
  correct_option_id TEXT NOT NULL,
  correct INTEGER NOT NULL,
  rules_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quiz_answers_learner ON quiz_answers (learner_id);
CREATE TABLE IF NOT EXISTS quiz_progress (
  learner_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  box INTEGER NOT NULL,
  seen INTEGER NOT NULL,
  wrong INTEGER NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (learner_id, question_id)
);`;

export interface AnswerRow {
  id: number;
  at: string;
  session_id: string;
  learner_id: string;
  question_id: string;
  scenario_id: string;
  kind: string;
  topic: string;
  measure: string;
  provision: string | null;
  option_id: string;
  correct_option_id: string;
  correct: number;
  rules_version: string;
}

export interface ProgressRow {
  question_id: string;
  box: number;
  seen: number;
  wrong: number;
  last_at: string;
}

export type NewAnswer = Omit<AnswerRow, 'id' | 'at'>;

/** Filters of the manager view, the stats and the CSV export. Dates are ISO (YYYY-MM-DD), both inclusive. */
export interface AnswerFilter {
  from?: string;
  to?: string;
  scenario?: string;
  kind?: string;
}

function where(f: AnswerFilter = {}): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (f.from) {
    parts.push('at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    // Inclusive: everything before the next day ("2026-12-02" < "2026-12-02T…" < "2026-12-02~").
    parts.push('at < ?');
    params.push(`${f.to}~`);
  }
  if (f.scenario) {
    parts.push('scenario_id = ?');
    params.push(f.scenario);
  }
  if (f.kind) {
    parts.push('kind = ?');
    params.push(f.kind);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The highest Leitner box: a question answered right this many times in a row is "known". */
const MAX_BOX = 5;

export class QuizStore {
  constructor(readonly store: Store) {
    store.ensure(DDL);
  }

  getSession<T>(id: string): T | undefined {
    const row = this.store.db.prepare('SELECT state FROM quiz_sessions WHERE id = ?').get(id) as
      | { state: string }
      | undefined;
    return row ? (JSON.parse(row.state) as T) : undefined;
  }

  saveSession(id: string, learnerId: string, state: unknown): void {
    const now = new Date().toISOString();
    this.store.db
      .prepare(
        `INSERT INTO quiz_sessions (id, learner_id, created_at, updated_at, state) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state`,
      )
      .run(id, learnerId, now, now, JSON.stringify(state));
  }

  /** Records an answer and moves the question's box (right: up one; wrong: back to 0). One transaction. */
  recordAnswer(a: NewAnswer): void {
    const now = new Date().toISOString();
    const db = this.store.db;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO quiz_answers (at, session_id, learner_id, question_id, scenario_id, kind, topic, measure, provision,
           option_id, correct_option_id, correct, rules_version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        now,
        a.session_id,
        a.learner_id,
        a.question_id,
        a.scenario_id,
        a.kind,
        a.topic,
        a.measure,
        a.provision,
        a.option_id,
        a.correct_option_id,
        a.correct,
        a.rules_version,
      );
      db.prepare(
        `INSERT INTO quiz_progress (learner_id, question_id, box, seen, wrong, last_at) VALUES (?, ?, ?, 1, ?, ?)
         ON CONFLICT(learner_id, question_id) DO UPDATE SET
           box = CASE WHEN ? THEN MIN(box + 1, ${MAX_BOX}) ELSE 0 END,
           seen = seen + 1, wrong = wrong + excluded.wrong, last_at = excluded.last_at`,
      ).run(a.learner_id, a.question_id, a.correct ? 1 : 0, a.correct ? 0 : 1, now, a.correct);
    })();
  }

  progress(learnerId: string): ProgressRow[] {
    return this.store.db
      .prepare('SELECT question_id, box, seen, wrong, last_at FROM quiz_progress WHERE learner_id = ?')
      .all(learnerId) as ProgressRow[];
  }

  answers(learnerId?: string, filter: AnswerFilter = {}): AnswerRow[] {
    const w = where(filter);
    const sql = learnerId
      ? `SELECT * FROM quiz_answers ${w.sql ? `${w.sql} AND` : 'WHERE'} learner_id = ? ORDER BY id`
      : `SELECT * FROM quiz_answers ${w.sql} ORDER BY id`;
    const params = learnerId ? [...w.params, learnerId] : w.params;
    return this.store.db.prepare(sql).all(...params) as AnswerRow[];
  }

  /** Answers and correct answers grouped by the given columns (fixed identifiers, never user input). */
  grouped(
    columns: ReadonlyArray<'topic' | 'measure' | 'provision' | 'kind' | 'scenario_id'>,
    filter: AnswerFilter = {},
  ): Array<Record<string, unknown>> {
    const cols = columns.join(', ');
    const w = where(filter);
    return this.store.db
      .prepare(
        `SELECT ${cols}, COUNT(*) AS answers, SUM(correct) AS correct, COUNT(DISTINCT learner_id) AS learners
         FROM quiz_answers ${w.sql} GROUP BY ${cols} ORDER BY ${cols}`,
      )
      .all(...w.params) as Array<Record<string, unknown>>;
  }

  totals(filter: AnswerFilter = {}): { answers: number; correct: number; learners: number; sessions: number } {
    const w = where(filter);
    const row = this.store.db
      .prepare(
        `SELECT COUNT(*) AS answers, COALESCE(SUM(correct), 0) AS correct, COUNT(DISTINCT learner_id) AS learners, COUNT(DISTINCT session_id) AS sessions FROM quiz_answers ${w.sql}`,
      )
      .get(...w.params) as { answers: number; correct: number; learners: number; sessions: number };
    return row;
  }
}
