/**
 * Quiz persistence, in the shared store (src/store, repository `quiz`): sessions (state as JSON), every
 * answer (for stats and exports) and each learner's progress per question (a Leitner box: 0 = last answer
 * wrong, due first). Learner ids are random tokens; nothing here holds personal data.
 */
import type { QuizAnswerFilter, QuizAnswerRow, QuizGroupColumn, QuizProgressRow, Store } from '../store/index.ts';

export type AnswerRow = QuizAnswerRow;
export type ProgressRow = QuizProgressRow;
export type NewAnswer = Omit<AnswerRow, 'id' | 'at'>;
/** Filters of the manager view, the stats and the CSV export. Dates are ISO (YYYY-MM-DD), both inclusive. */
export type AnswerFilter = QuizAnswerFilter;

export class QuizStore {
  constructor(readonly store: Store) {}

  getSession<T>(id: string): Promise<T | undefined> {
    return this.store.quiz.getSession<T>(id);
  }

  saveSession(id: string, learnerId: string, state: unknown): Promise<void> {
    return this.store.quiz.saveSession(id, learnerId, state);
  }

  /** Records an answer and moves the question's box (right: up one; wrong: back to 0). One transaction. */
  recordAnswer(a: NewAnswer): Promise<void> {
    return this.store.transaction((tx) => tx.quiz.recordAnswer(a));
  }

  progress(learnerId: string): Promise<ProgressRow[]> {
    return this.store.quiz.progress(learnerId);
  }

  answers(learnerId?: string, filter: AnswerFilter = {}): Promise<AnswerRow[]> {
    return this.store.quiz.answers(learnerId, filter);
  }

  /** Answers and correct answers grouped by the given columns (fixed identifiers, never user input). */
  grouped(columns: ReadonlyArray<QuizGroupColumn>, filter: AnswerFilter = {}): Promise<Array<Record<string, unknown>>> {
    return this.store.quiz.grouped(columns, filter);
  }

  totals(filter: AnswerFilter = {}): Promise<{ answers: number; correct: number; learners: number; sessions: number }> {
    return this.store.quiz.totals(filter);
  }
}
