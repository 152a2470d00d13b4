/**
 * Persistence behind one async interface (repositories on Kysely), with two backends: embedded SQLite
 * (better-sqlite3, the default: one file, WAL mode, created on demand) and PostgreSQL when
 * HJEMMEL_DATABASE_URL=postgres://… is set, so several stateless instances can share one database.
 * Repositories: sessions (with a version for optimistic concurrency), the audit log and decision records,
 * feedback, counters, API keys, secrets, rate-limit buckets and quiz progress; `transaction` runs several
 * of them in one database transaction. This is the only module with SQL.
 * Nothing here ever stores a raw CPR number: every text written goes through the one CPR detector
 * (src/privacy/cpr.ts) here, at the storage boundary, whatever the caller did before.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Generated, Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { cprSafeId, maskCpr, scrubCpr } from '../privacy/cpr.ts';
import { sourceDir } from '../runtime/index.ts';
import { StaticProvider, type StoreKind } from './migrations.ts';

export type { StoreKind } from './migrations.ts';

export const DEFAULT_DB_PATH = join(sourceDir(import.meta.dirname), '..', '..', 'data', 'hjemmel.sqlite');

export interface AuditEntry {
  sessionId: string;
  route: string;
  measure?: string | null;
  outcome?: string | null;
  rulesVersion: string;
  corpusHash: string;
  message: string;
  answer: string;
  citations: unknown;
  llm?: string | null;
}

export type AuditRow = {
  id: number;
  at: string;
  session_id: string;
  route: string;
  measure: string | null;
  outcome: string | null;
  rules_version: string;
  corpus_hash: string;
  message: string;
  answer: string;
  citations: string;
  llm: string | null;
};

export interface FeedbackEntry {
  sessionId?: string | null;
  turn?: number | null;
  rating: 'up' | 'down';
  reason?: string | null;
  comment?: string | null;
  answer?: string | null;
  owner?: string | null;
}

export type FeedbackRow = {
  id: number;
  at: string;
  session_id: string | null;
  turn: number | null;
  rating: string;
  reason: string | null;
  comment: string | null;
  answer: string | null;
  owner: string | null;
};

export interface StoredSession<T> {
  state: T;
  /** Bumped by every write; an update names the version it read (optimistic concurrency). */
  version: number;
  owner: string | null;
  updatedAt: string;
}

export interface RecordSnapshotRow {
  auditId: number;
  kind: string;
  /** The snapshot JSON (CPR-scrubbed). */
  data: string;
  owner: string | null;
  tokenId: string | null;
  caseRef: string | null;
}

/** A decision record's snapshot: owner, token and case reference are also kept in columns for queries. */
export interface RecordSnapshot {
  owner?: string | null;
  tokenId?: string | null;
  caseRef?: string | null;
}

export interface KeyRow {
  id: string;
  name: string;
  key_hash: string;
  prefix: string;
  origins: string;
  public: number;
  rate_per_minute: number;
  created_at: string;
  revoked_at: string | null;
}

export interface QuizAnswerRow {
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

export interface QuizProgressRow {
  question_id: string;
  box: number;
  seen: number;
  wrong: number;
  last_at: string;
}

/** Filters of the quiz manager view, stats and export. Dates are ISO (YYYY-MM-DD), both inclusive. */
export interface QuizAnswerFilter {
  from?: string;
  to?: string;
  scenario?: string;
  kind?: string;
}

export type QuizGroupColumn = 'topic' | 'measure' | 'provision' | 'kind' | 'scenario_id';

export type RateTake = { ok: true; remaining: number } | { ok: false; retryAfter: number };

interface DB {
  sessions: {
    id: string;
    created_at: string;
    updated_at: string;
    state: string;
    owner: string | null;
    version: number;
  };
  audit: Omit<AuditRow, 'id'> & { id: Generated<number> };
  counters: { name: string; value: number };
  feedback: Omit<FeedbackRow, 'id'> & { id: Generated<number> };
  api_keys: KeyRow;
  api_settings: { name: string; value: string };
  api_records: {
    audit_id: number;
    kind: string;
    data: string;
    owner: string | null;
    token_id: string | null;
    case_ref: string | null;
  };
  quiz_sessions: { id: string; learner_id: string; created_at: string; updated_at: string; state: string };
  quiz_answers: Omit<QuizAnswerRow, 'id'> & { id: Generated<number> };
  quiz_progress: QuizProgressRow & { learner_id: string };
  rate_limits: { key: string; tokens: number; at: number; last_ok: number };
}

type Q = Kysely<DB> | Transaction<DB>;

const now = () => new Date().toISOString();
const num = (v: unknown): number => Number(v ?? 0);

/** The highest Leitner box: a question answered right this many times in a row is "known". */
export const MAX_QUIZ_BOX = 5;

/** The repositories, also as seen inside a transaction. */
export interface Repos {
  sessions: ReturnType<typeof sessionRepo>;
  audit: ReturnType<typeof auditRepo>;
  records: ReturnType<typeof recordRepo>;
  feedback: ReturnType<typeof feedbackRepo>;
  counters: ReturnType<typeof counterRepo>;
  keys: ReturnType<typeof keyRepo>;
  secrets: ReturnType<typeof secretRepo>;
  rateLimits: ReturnType<typeof rateLimitRepo>;
  quiz: ReturnType<typeof quizRepo>;
}

function sessionRepo(db: Q) {
  return {
    async get<T>(id: string): Promise<StoredSession<T> | undefined> {
      const r = await db
        .selectFrom('sessions')
        .select(['state', 'version', 'owner', 'updated_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r
        ? { state: JSON.parse(r.state) as T, version: num(r.version), owner: r.owner, updatedAt: r.updated_at }
        : undefined;
    },
    /** Inserts a new session at version 1; false if the id is taken. */
    async create(id: string, state: unknown, owner: string | null = null): Promise<boolean> {
      const t = now();
      const res = await db
        .insertInto('sessions')
        .values({ id, created_at: t, updated_at: t, state: JSON.stringify(scrubCpr(state)), owner, version: 1 })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return num(res.numInsertedOrUpdatedRows) === 1;
    },
    /** Writes `state` only if the stored version is still `expectedVersion` (then it is one higher); false on conflict. */
    async update(id: string, state: unknown, expectedVersion: number): Promise<boolean> {
      const res = await db
        .updateTable('sessions')
        .set({ state: JSON.stringify(scrubCpr(state)), updated_at: now(), version: expectedVersion + 1 })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return num(res.numUpdatedRows) === 1;
    },
    /** Removes a conversation (its audit entries stay: they carry no session state); feedback loses its answer. */
    async delete(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
      await db.updateTable('feedback').set({ answer: null }).where('session_id', '=', id).execute();
    },
    /** Deletes sessions not changed since `before` (ISO time); returns how many. */
    async purgeInactive(before: string): Promise<number> {
      const res = await db.deleteFrom('sessions').where('updated_at', '<', before).executeTakeFirst();
      return num(res.numDeletedRows);
    },
    async count(): Promise<number> {
      const r = await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return num(r.n);
    },
  };
}

function auditRepo(db: Q) {
  return {
    /** Appends an audit entry (CPR-masked); returns its numeric id (enciphered for callers, see record-id.ts). */
    async add(e: AuditEntry): Promise<number> {
      const r = await db
        .insertInto('audit')
        .values({
          at: now(),
          session_id: e.sessionId,
          route: e.route,
          measure: e.measure ?? null,
          outcome: e.outcome ?? null,
          rules_version: e.rulesVersion,
          corpus_hash: e.corpusHash,
          message: maskCpr(e.message),
          answer: maskCpr(e.answer),
          citations: JSON.stringify(scrubCpr(e.citations)),
          llm: e.llm ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return num(r.id);
    },
    async get(id: number): Promise<AuditRow | undefined> {
      const r = await db.selectFrom('audit').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? { ...r, id: num(r.id) } : undefined;
    },
    /** Newest first. */
    async list(limit = 100): Promise<AuditRow[]> {
      const rows = await db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ ...r, id: num(r.id) }));
    },
    /** Deletes audit entries (and their decision-record snapshots) written before `before`; returns how many. */
    async purgeOlderThan(before: string): Promise<number> {
      const old = db.selectFrom('audit').select('id').where('at', '<', before);
      await db.deleteFrom('api_records').where('audit_id', 'in', old).execute();
      const res = await db.deleteFrom('audit').where('at', '<', before).executeTakeFirst();
      return num(res.numDeletedRows);
    },
  };
}

function recordRepo(db: Q) {
  return {
    /** Keeps (or replaces) the snapshot of audit entry `auditId`, CPR-scrubbed. */
    async save(auditId: number, kind: string, data: RecordSnapshot): Promise<void> {
      const row = {
        audit_id: auditId,
        kind,
        data: JSON.stringify(scrubCpr(data)),
        owner: data.owner ?? null,
        token_id: data.tokenId ?? null,
        case_ref: data.caseRef ?? null,
      };
      await db
        .insertInto('api_records')
        .values(row)
        .onConflict((oc) =>
          oc.column('audit_id').doUpdateSet({
            kind: row.kind,
            data: row.data,
            owner: row.owner,
            token_id: row.token_id,
            case_ref: row.case_ref,
          }),
        )
        .execute();
    },
    async get(auditId: number): Promise<RecordSnapshotRow | undefined> {
      const r = await db.selectFrom('api_records').selectAll().where('audit_id', '=', auditId).executeTakeFirst();
      return r
        ? {
            auditId: num(r.audit_id),
            kind: r.kind,
            data: r.data,
            owner: r.owner,
            tokenId: r.token_id,
            caseRef: r.case_ref,
          }
        : undefined;
    },
    /** Records with this case reference made by `owner` (and, given, token), newest first, at most 500. */
    async byCaseRef(
      caseRef: string,
      owner: string | null,
      tokenId: string | null,
    ): Promise<Array<{ id: number; kind: string; at: string; measure: string | null; outcome: string | null }>> {
      let q = db
        .selectFrom('api_records as r')
        .innerJoin('audit as a', 'a.id', 'r.audit_id')
        .select(['a.id as id', 'r.kind as kind', 'a.at as at', 'a.measure as measure', 'a.outcome as outcome'])
        .where('r.case_ref', '=', caseRef)
        .where('r.owner', owner === null ? 'is' : '=', owner);
      if (tokenId !== null) q = q.where('r.token_id', '=', tokenId);
      const rows = await q.orderBy('a.id', 'desc').limit(500).execute();
      return rows.map((r) => ({ ...r, id: num(r.id) }));
    },
  };
}

function feedbackRepo(db: Q) {
  return {
    async add(f: FeedbackEntry): Promise<number> {
      const r = await db
        .insertInto('feedback')
        .values({
          at: now(),
          session_id: f.sessionId ?? null,
          turn: f.turn ?? null,
          rating: f.rating,
          reason: f.reason ? maskCpr(f.reason) : null,
          comment: f.comment ? maskCpr(f.comment) : null,
          answer: f.answer ? maskCpr(f.answer) : null,
          owner: f.owner ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return num(r.id);
    },
    /** Newest first. */
    async list(limit = 200): Promise<FeedbackRow[]> {
      const rows = await db.selectFrom('feedback').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ ...r, id: num(r.id), turn: r.turn === null ? null : num(r.turn) }));
    },
  };
}

function counterRepo(db: Q) {
  return {
    async increment(name: string, by = 1): Promise<void> {
      await db
        .insertInto('counters')
        .values({ name, value: by })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', by) })))
        .execute();
    },
    async get(name: string): Promise<number> {
      const r = await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
      return num(r?.value);
    },
  };
}

function keyRepo(db: Q) {
  return {
    async insert(k: Omit<KeyRow, 'revoked_at'>): Promise<void> {
      await db
        .insertInto('api_keys')
        .values({ ...k, revoked_at: null })
        .execute();
    },
    async list(): Promise<KeyRow[]> {
      return db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
    },
    async get(id: string): Promise<KeyRow | undefined> {
      return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async byHash(hash: string): Promise<KeyRow | undefined> {
      return db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).executeTakeFirst();
    },
    async revoke(id: string, at: string): Promise<void> {
      await db
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

function secretRepo(db: Q) {
  return {
    /** The stored value of `name`; the first caller on this database (any instance) stores `generate()`. */
    async getOrCreate(name: string, generate: () => string): Promise<string> {
      await db
        .insertInto('api_settings')
        .values({ name, value: generate() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const r = await db.selectFrom('api_settings').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return r.value;
    },
  };
}

function rateLimitRepo(db: Q) {
  return {
    /**
     * Takes one request from the token bucket `key` (capacity and refill: `perMinute`), shared by every
     * instance on this database. One atomic upsert: the refill, the take and the answer are computed by the
     * database on the row it holds locked, so concurrent requests on any instance never over-spend.
     */
    async take(key: string, perMinute: number, at = Date.now()): Promise<RateTake> {
      const perMs = perMinute / 60_000;
      const now = sql`CAST(${at} AS bigint)`;
      const cap = sql`CAST(${perMinute} AS double precision)`;
      const elapsed = sql`(CASE WHEN ${now} > rate_limits.at THEN ${now} - rate_limits.at ELSE 0 END)`;
      const grown = sql`(rate_limits.tokens + ${elapsed} * CAST(${perMs} AS double precision))`;
      const refilled = sql<number>`(CASE WHEN ${grown} > ${cap} THEN ${cap} ELSE ${grown} END)`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, tokens: perMinute - 1, at, last_ok: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            tokens: sql<number>`CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END`,
            last_ok: sql<number>`CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END`,
            at: sql<number>`CASE WHEN ${now} > rate_limits.at THEN ${now} ELSE rate_limits.at END`,
          }),
        )
        .returning(['tokens', 'last_ok'])
        .executeTakeFirstOrThrow();
      const tokens = num(row.tokens);
      return num(row.last_ok) === 1
        ? { ok: true, remaining: Math.floor(tokens) }
        : { ok: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    /** Drops buckets idle since `beforeMs` (full again by then). */
    async purgeIdle(beforeMs: number): Promise<number> {
      const res = await db.deleteFrom('rate_limits').where('at', '<', beforeMs).executeTakeFirst();
      return num(res.numDeletedRows);
    },
  };
}

function quizRepo(db: Q) {
  const answersWhere = (f: QuizAnswerFilter) => {
    let q = db.selectFrom('quiz_answers');
    if (f.from) q = q.where('at', '>=', f.from);
    // Inclusive: everything before the next day ("2026-12-02" < "2026-12-02T…" < "2026-12-02~").
    if (f.to) q = q.where('at', '<', `${f.to}~`);
    if (f.scenario) q = q.where('scenario_id', '=', f.scenario);
    if (f.kind) q = q.where('kind', '=', f.kind);
    return q;
  };
  return {
    async getSession<T>(id: string): Promise<T | undefined> {
      const r = await db.selectFrom('quiz_sessions').select('state').where('id', '=', id).executeTakeFirst();
      return r ? (JSON.parse(r.state) as T) : undefined;
    },
    async saveSession(id: string, learnerId: string, state: unknown): Promise<void> {
      const t = now();
      const text = JSON.stringify(scrubCpr(state));
      await db
        .insertInto('quiz_sessions')
        .values({ id, learner_id: learnerId, created_at: t, updated_at: t, state: text })
        .onConflict((oc) => oc.column('id').doUpdateSet({ updated_at: t, state: text }))
        .execute();
    },
    /** Records an answer and moves the question's box (right: up one, at most MAX_QUIZ_BOX; wrong: back to 0). */
    async recordAnswer(a: Omit<QuizAnswerRow, 'id' | 'at'>): Promise<void> {
      const t = now();
      await db
        .insertInto('quiz_answers')
        .values({ ...a, at: t })
        .execute();
      await db
        .insertInto('quiz_progress')
        .values({
          learner_id: a.learner_id,
          question_id: a.question_id,
          box: a.correct ? 1 : 0,
          seen: 1,
          wrong: a.correct ? 0 : 1,
          last_at: t,
        })
        .onConflict((oc) =>
          oc.columns(['learner_id', 'question_id']).doUpdateSet((eb) => ({
            box: a.correct
              ? eb
                  .case()
                  .when('quiz_progress.box', '>=', MAX_QUIZ_BOX)
                  .then(MAX_QUIZ_BOX)
                  .else(eb('quiz_progress.box', '+', 1))
                  .end()
              : 0,
            seen: eb('quiz_progress.seen', '+', 1),
            wrong: eb('quiz_progress.wrong', '+', a.correct ? 0 : 1),
            last_at: t,
          })),
        )
        .execute();
    },
    async progress(learnerId: string): Promise<QuizProgressRow[]> {
      const rows = await db
        .selectFrom('quiz_progress')
        .select(['question_id', 'box', 'seen', 'wrong', 'last_at'])
        .where('learner_id', '=', learnerId)
        .execute();
      return rows.map((r) => ({ ...r, box: num(r.box), seen: num(r.seen), wrong: num(r.wrong) }));
    },
    async answers(learnerId?: string, filter: QuizAnswerFilter = {}): Promise<QuizAnswerRow[]> {
      let q = answersWhere(filter).selectAll();
      if (learnerId) q = q.where('learner_id', '=', learnerId);
      const rows = await q.orderBy('id').execute();
      return rows.map((r) => ({ ...r, id: num(r.id), correct: num(r.correct) }));
    },
    /** Answers and correct answers grouped by the given columns (fixed identifiers, never user input). */
    async grouped(
      columns: ReadonlyArray<QuizGroupColumn>,
      filter: QuizAnswerFilter = {},
    ): Promise<Array<Record<string, unknown>>> {
      const cols = [...columns];
      let q = answersWhere(filter)
        .select(cols)
        .select((eb) => [
          eb.fn.countAll().as('answers'),
          eb.fn.sum('correct').as('correct'),
          eb.fn.count('learner_id').distinct().as('learners'),
        ])
        .groupBy(cols);
      for (const c of cols) q = q.orderBy(c);
      const rows = await q.execute();
      return rows.map((r) => ({ ...r, answers: num(r.answers), correct: num(r.correct), learners: num(r.learners) }));
    },
    async totals(
      filter: QuizAnswerFilter = {},
    ): Promise<{ answers: number; correct: number; learners: number; sessions: number }> {
      const r = await answersWhere(filter)
        .select((eb) => [
          eb.fn.countAll().as('answers'),
          eb.fn.sum('correct').as('correct'),
          eb.fn.count('learner_id').distinct().as('learners'),
          eb.fn.count('session_id').distinct().as('sessions'),
        ])
        .executeTakeFirstOrThrow();
      return { answers: num(r.answers), correct: num(r.correct), learners: num(r.learners), sessions: num(r.sessions) };
    },
    async purgeInactive(before: string): Promise<number> {
      const res = await db.deleteFrom('quiz_sessions').where('updated_at', '<', before).executeTakeFirst();
      return num(res.numDeletedRows);
    },
  };
}

function repos(db: Q): Repos {
  return {
    sessions: sessionRepo(db),
    audit: auditRepo(db),
    records: recordRepo(db),
    feedback: feedbackRepo(db),
    counters: counterRepo(db),
    keys: keyRepo(db),
    secrets: secretRepo(db),
    rateLimits: rateLimitRepo(db),
    quiz: quizRepo(db),
  };
}

export interface StoreOptions {
  /** postgres://… (or postgresql://…), a SQLite file path, or ":memory:". */
  location?: string;
  /** PostgreSQL pool size per instance (HJEMMEL_DB_POOL, default 10). */
  poolSize?: number;
}

/** Where the store lives: HJEMMEL_DATABASE_URL, else the given SQLite path, HJEMMEL_DB, data/hjemmel.sqlite. */
export function storeLocation(env: NodeJS.ProcessEnv = process.env, dbPath?: string): string {
  const url = env['HJEMMEL_DATABASE_URL']?.trim();
  if (url) return url;
  return dbPath ?? env['HJEMMEL_DB'] ?? DEFAULT_DB_PATH;
}

const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/**
 * The line every CLI command that opens the database prints on stderr: which database, and from which setting, so
 * an operator sees at once whether it is the server's (HJEMMEL_DATABASE_URL, else HJEMMEL_DB).
 */
export function databaseLine(store: { path: string }, env: NodeJS.ProcessEnv = process.env): string {
  const from = env['HJEMMEL_DATABASE_URL']?.trim()
    ? ' (HJEMMEL_DATABASE_URL)'
    : env['HJEMMEL_DB']
      ? ' (HJEMMEL_DB)'
      : ' (standard; sæt HJEMMEL_DATABASE_URL eller HJEMMEL_DB til serverens / set HJEMMEL_DATABASE_URL or HJEMMEL_DB to the server’s)';
  return `Database / database: ${store.path}${from}\n`;
}

/** A URL without its password, for logs and the CLI. */
export function redactLocation(location: string): string {
  return isPostgresUrl(location) ? location.replace(/(\/\/[^:/@]*):[^@]*@/, '$1:***@') : location;
}

export class Store implements Repos {
  readonly kind: StoreKind;
  /** The SQLite file (absolute, or ":memory:") or the PostgreSQL URL without its password. */
  readonly path: string;
  readonly sessions: Repos['sessions'];
  readonly audit: Repos['audit'];
  readonly records: Repos['records'];
  readonly feedback: Repos['feedback'];
  readonly counters: Repos['counters'];
  readonly keys: Repos['keys'];
  readonly secrets: Repos['secrets'];
  readonly rateLimits: Repos['rateLimits'];
  readonly quiz: Repos['quiz'];
  private readonly db: Kysely<DB>;
  private closed = false;

  private constructor(kind: StoreKind, path: string, db: Kysely<DB>) {
    this.kind = kind;
    this.path = path;
    this.db = db;
    const r = repos(db);
    this.sessions = r.sessions;
    this.audit = r.audit;
    this.records = r.records;
    this.feedback = r.feedback;
    this.counters = r.counters;
    this.keys = r.keys;
    this.secrets = r.secrets;
    this.rateLimits = r.rateLimits;
    this.quiz = r.quiz;
  }

  /** Opens (and migrates) the store at `location` (see storeLocation). */
  static async open(opts: StoreOptions | string = {}): Promise<Store> {
    const o = typeof opts === 'string' ? { location: opts } : opts;
    const location = o.location ?? storeLocation();
    let store: Store;
    if (isPostgresUrl(location)) {
      // pg is loaded only for PostgreSQL: the embedded default never pays for it at start-up.
      const { default: pg } = await import('pg');
      // PostgreSQL bigint (counters, bigserial ids) as numbers: every id and count here is far below 2^53.
      pg.types.setTypeParser(20, (v) => Number(v));
      const pool = new pg.Pool({ connectionString: location, max: o.poolSize ?? 10 });
      // An idle connection that the server drops must not crash the process.
      pool.on('error', () => {});
      store = new Store(
        'postgres',
        redactLocation(location),
        new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }),
      );
    } else {
      const path = location === ':memory:' ? location : resolve(location);
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      const raw = new Database(path);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.pragma('busy_timeout = 5000');
      store = new Store('sqlite', path, new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) }));
    }
    try {
      await store.migrate();
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: new StaticProvider(this.kind) });
    // Instances starting together race for Kysely's own tables once; the migration lock does the rest.
    for (let attempt = 0; ; attempt++) {
      const { error } = await migrator.migrateToLatest();
      if (!error) return;
      if (attempt >= 3) throw error instanceof Error ? error : new Error(String(error));
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }

  /** A new session id; never one the CPR masking would alter (see cprSafeId). */
  newId(): string {
    return cprSafeId();
  }

  /** Runs `fn` in one database transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(repos(trx)));
  }

  /** Throws unless the database answers (for /readyz). */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }
}

/** Opens the store the environment names (HJEMMEL_DATABASE_URL, else HJEMMEL_DB / `dbPath`, else the default file). */
export function openStore(env: NodeJS.ProcessEnv = process.env, dbPath?: string): Promise<Store> {
  const pool = Number(env['HJEMMEL_DB_POOL']);
  return Store.open({
    location: storeLocation(env, dbPath),
    ...(Number.isInteger(pool) && pool > 0 ? { poolSize: pool } : {}),
  });
}
