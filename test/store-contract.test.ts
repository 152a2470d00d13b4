/**
 * One contract for the store, run on both backends: embedded SQLite (a file in the temp folder) and a real
 * PostgreSQL server (a throw-away cluster started by test/helpers/postgres.ts; skipped, with the reason,
 * only if none can be started). Two `Store`s on one database stand for two instances.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../src/store/index.ts';
import { purgeExpired, retentionFrom } from '../src/store/retention.ts';
import { startPostgres, type TestPostgres } from './helpers/postgres.ts';

const CPR = '010286-6036';
const dirs: string[] = [];
let pgServer: TestPostgres | undefined;
let pgSkip = '';

beforeAll(async () => {
  const started = await startPostgres();
  if ('skip' in started) {
    pgSkip = started.skip;
    console.warn(`[store-contract] PostgreSQL backend SKIPPED: ${started.skip}`);
  } else pgServer = started;
}, 60_000);

afterAll(async () => {
  await pgServer?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Backend {
  name: 'sqlite' | 'postgres';
  /** A location for a fresh, empty database. */
  fresh(): Promise<string>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'hjemmel-store-'));
      dirs.push(dir);
      return join(dir, 'hjemmel.sqlite');
    },
  },
  { name: 'postgres', fresh: () => pgServer!.newDatabase() },
];

const audit = (message: string, sessionId = 's') => ({
  sessionId,
  route: 'rule_evaluator',
  measure: 'restraint',
  outcome: 'not_permitted',
  rulesVersion: 'v1',
  corpusHash: 'hash',
  message,
  answer: `Svar om ${message}`,
  citations: [{ unitId: 'sel-124-stk1', quote: message }],
});

describe.each(backends)('store contract: $name', (backend) => {
  let location = '';
  let store: Store;
  let other: Store;
  const unavailable = () => backend.name === 'postgres' && !pgServer;

  beforeAll(async () => {
    if (unavailable()) return;
    location = await backend.fresh();
    store = await Store.open(location);
    // A second instance on the same database: migrations run again, idempotently.
    other = await Store.open(location);
  }, 30_000);
  afterAll(async () => {
    await store?.close();
    await other?.close();
  });

  const test = (name: string, fn: () => Promise<void>) =>
    it(name, async (ctx) => {
      if (unavailable()) ctx.skip(`PostgreSQL unavailable: ${pgSkip}`);
      await fn();
    });

  test('opens with its kind, answers ping, and a second instance sees the same data', async () => {
    expect(store.kind).toBe(backend.name);
    await expect(store.ping()).resolves.toBeUndefined();
    await store.counters.increment('shared', 2);
    await other.counters.increment('shared');
    expect(await store.counters.get('shared')).toBe(3);
    expect(await store.counters.get('never')).toBe(0);
  });

  test('sessions: created at version 1, updated only at the version read, CPR masked, deleted', async () => {
    expect(await store.sessions.create('s1', { note: `Lone ${CPR}`, owner: 'key:a' }, 'key:a')).toBe(true);
    expect(await store.sessions.create('s1', { note: 'taken' })).toBe(false);
    const s = await other.sessions.get<{ note: string }>('s1');
    expect(s).toMatchObject({ version: 1, owner: 'key:a' });
    expect(s!.state.note).not.toContain(CPR);
    expect(await store.sessions.update('s1', { note: 'two' }, 1)).toBe(true);
    expect(await other.sessions.update('s1', { note: 'lost' }, 1)).toBe(false);
    expect(await store.sessions.get('s1')).toMatchObject({ version: 2, state: { note: 'two' } });
    await store.feedback.add({ sessionId: 's1', turn: 1, rating: 'up', answer: 'svaret' });
    await store.transaction((tx) => tx.sessions.delete('s1'));
    expect(await other.sessions.get('s1')).toBeUndefined();
    const fb = (await store.feedback.list()).find((f) => f.session_id === 's1')!;
    expect(fb.answer).toBeNull();
    expect(await store.sessions.get('nope')).toBeUndefined();
  });

  test('sessions: of concurrent writers at one version exactly one wins', async () => {
    await store.sessions.create('race', { n: 0 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).sessions.update('race', { n: i + 1 }, 1)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.sessions.get('race'))!.version).toBe(2);
  });

  test('audit and decision records: numeric ids, CPR masked, snapshot with owner, token and case reference', async () => {
    const a = await store.audit.add(audit(`Må vi holde ${CPR}?`));
    const b = await other.audit.add(audit('Anden'));
    expect(Number.isSafeInteger(a) && b > a).toBe(true);
    const row = (await store.audit.get(a))!;
    expect(row.message).not.toContain(CPR);
    expect(row.answer).not.toContain(CPR);
    expect(row.citations).not.toContain(CPR);
    expect(row).toMatchObject({ session_id: 's', measure: 'restraint', rules_version: 'v1' });
    expect((await store.audit.list(2)).map((r) => r.id)).toEqual([b, a]);

    const withQuestion = { owner: 'key_1', tokenId: null, caseRef: 'J-1', question: `Må vi holde ${CPR}?` };
    await store.records.save(a, 'evaluate', withQuestion);
    await store.records.save(b, 'evaluate', { owner: 'key_1', tokenId: 'tok', caseRef: 'J-1' });
    const snap = (await other.records.get(a))!;
    expect(snap).toMatchObject({ auditId: a, kind: 'evaluate', owner: 'key_1', tokenId: null, caseRef: 'J-1' });
    expect(snap.data).not.toContain(CPR);
    expect((await store.records.byCaseRef('J-1', 'key_1', null)).map((r) => r.id)).toEqual([b, a]);
    expect((await store.records.byCaseRef('J-1', 'key_1', 'tok')).map((r) => r.id)).toEqual([b]);
    expect(await store.records.byCaseRef('J-1', 'key_2', null)).toEqual([]);
    expect(await store.records.byCaseRef('J-1', null, null)).toEqual([]);
    // Replacing a snapshot keeps one row.
    await store.records.save(a, 'chat', { owner: null });
    expect(await store.records.get(a)).toMatchObject({ kind: 'chat', owner: null, caseRef: null });
  });

  test('feedback: numeric ids, newest first, CPR masked, owner kept', async () => {
    const id = await store.feedback.add({ rating: 'down', reason: 'wrong', comment: `om ${CPR}`, owner: 'local' });
    const [row] = await other.feedback.list(1);
    expect(row).toMatchObject({ id, rating: 'down', reason: 'wrong', owner: 'local', turn: null });
    expect(row!.comment).not.toContain(CPR);
  });

  test('keys and the shared token secret', async () => {
    await store.keys.insert({
      id: 'key_x',
      name: 'Journal',
      key_hash: 'h1',
      prefix: 'hjm_sk_abcd',
      origins: '["https://a.example"]',
      public: 0,
      rate_per_minute: 30,
      created_at: new Date().toISOString(),
    });
    expect(await other.keys.byHash('h1')).toMatchObject({ id: 'key_x', revoked_at: null });
    await other.keys.revoke('key_x', '2026-12-03T00:00:00.000Z');
    expect((await store.keys.get('key_x'))!.revoked_at).toBe('2026-12-03T00:00:00.000Z');
    expect((await store.keys.list()).map((k) => k.id)).toContain('key_x');
    const [s1, s2] = await Promise.all([
      store.secrets.getOrCreate('token_secret', () => 'first'),
      other.secrets.getOrCreate('token_secret', () => 'second'),
    ]);
    expect(s1).toBe(s2);
    expect(await store.secrets.getOrCreate('token_secret', () => 'third')).toBe(s1);
  });

  test('rate limits: one token bucket shared by two instances', async () => {
    const t = Date.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).rateLimits.take('anon:1', 6, t)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.retryAfter).toBeGreaterThanOrEqual(1);
    // Refilled continuously: 10 s later one more request (6 per minute).
    expect((await store.rateLimits.take('anon:1', 6, t + 10_000)).ok).toBe(true);
    expect((await other.rateLimits.take('anon:1', 6, t + 10_000)).ok).toBe(false);
    expect((await store.rateLimits.take('anon:2', 6, t)).ok).toBe(true);
  });

  test('quiz: sessions, answers move the Leitner box, filters, grouped stats', async () => {
    await store.quiz.saveSession('q1', 'L1', { step: 1 });
    await other.quiz.saveSession('q1', 'L1', { step: 2 });
    expect(await store.quiz.getSession('q1')).toEqual({ step: 2 });
    const answer = (correct: number, question = 'Q1', kind = 'legal') => ({
      session_id: 'q1',
      learner_id: 'L1',
      question_id: question,
      scenario_id: 'S1',
      kind,
      topic: 'restraint',
      measure: 'restraint',
      provision: null,
      option_id: 'a',
      correct_option_id: 'a',
      correct,
      rules_version: 'v1',
    });
    for (let i = 0; i < 7; i++) await store.transaction((tx) => tx.quiz.recordAnswer(answer(1)));
    await other.quiz.recordAnswer(answer(0, 'Q2', 'registration'));
    const progress = await store.quiz.progress('L1');
    expect(progress.find((p) => p.question_id === 'Q1')).toMatchObject({ box: 5, seen: 7, wrong: 0 });
    expect(progress.find((p) => p.question_id === 'Q2')).toMatchObject({ box: 0, seen: 1, wrong: 1 });
    await store.quiz.recordAnswer(answer(0));
    expect((await store.quiz.progress('L1')).find((p) => p.question_id === 'Q1')!.box).toBe(0);
    expect(await store.quiz.totals()).toEqual({ answers: 9, correct: 7, learners: 1, sessions: 1 });
    expect((await store.quiz.totals({ kind: 'registration' })).answers).toBe(1);
    expect((await store.quiz.totals({ to: '2000-01-01' })).answers).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await store.quiz.answers('L1', { from: today, to: today })).length).toBe(9);
    const grouped = await store.quiz.grouped(['kind']);
    expect(grouped).toEqual([
      { kind: 'legal', answers: 8, correct: 7, learners: 1 },
      { kind: 'registration', answers: 1, correct: 0, learners: 1 },
    ]);
  });

  test('transaction: committed together, rolled back together', async () => {
    await store.transaction(async (tx) => {
      await tx.counters.increment('tx', 1);
      await tx.sessions.create('tx-ok', {});
    });
    expect(await other.counters.get('tx')).toBe(1);
    await expect(
      store.transaction(async (tx) => {
        await tx.counters.increment('tx', 10);
        await tx.sessions.create('tx-lost', {});
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await other.counters.get('tx')).toBe(1);
    expect(await other.sessions.get('tx-lost')).toBeUndefined();
    expect(await other.sessions.get('tx-ok')).toBeDefined();
  });

  test('retention: purged sessions, quiz sessions and records are gone, newer ones stay', async () => {
    const keepId = await store.audit.add(audit('ny'));
    await store.sessions.create('old', {});
    const later = Date.now() + 40 * 24 * 3600 * 1000;
    // Only what is older than the retention at `later`: everything written so far for sessions (30 days).
    const purged = await purgeExpired(store, { sessionDays: 30, recordDays: 35 }, later);
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    expect(purged.quizSessions).toBe(1);
    expect(purged.records).toBeGreaterThanOrEqual(3);
    expect(await other.sessions.get('old')).toBeUndefined();
    expect(await other.sessions.count()).toBe(0);
    expect(await other.quiz.getSession('q1')).toBeUndefined();
    expect(await other.audit.get(keepId)).toBeUndefined();
    expect(await other.records.byCaseRef('J-1', 'key_1', null)).toEqual([]);
    // At the real time nothing is old enough.
    await store.sessions.create('fresh', {});
    const fresh = await store.audit.add(audit('frisk'));
    expect(await purgeExpired(store, retentionFrom({}))).toMatchObject({ sessions: 0, records: 0 });
    expect(await other.sessions.get('fresh')).toBeDefined();
    expect(await other.audit.get(fresh)).toBeDefined();
  });
});

describe('store: an SQLite file from before the migrator', () => {
  it('is adopted unchanged: sessions, audit ids, records, keys and the token secret carry over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hjemmel-legacy-'));
    dirs.push(dir);
    const path = join(dir, 'old.sqlite');
    const raw = new Database(path);
    raw.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL);
      CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, session_id TEXT NOT NULL, route TEXT NOT NULL,
        measure TEXT, outcome TEXT, rules_version TEXT NOT NULL, corpus_hash TEXT NOT NULL, message TEXT NOT NULL,
        answer TEXT NOT NULL, citations TEXT NOT NULL, llm TEXT);
      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, session_id TEXT, turn INTEGER,
        rating TEXT NOT NULL, reason TEXT, comment TEXT, answer TEXT);
      ALTER TABLE sessions ADD COLUMN owner TEXT; ALTER TABLE feedback ADD COLUMN owner TEXT;
      CREATE TABLE api_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE api_records (audit_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
      PRAGMA user_version = 2;
      INSERT INTO sessions VALUES ('old-s', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{"facts":{}}', 'local');
      INSERT INTO audit (at, session_id, route, rules_version, corpus_hash, message, answer, citations)
        VALUES ('2026-01-01T00:00:00.000Z', 'old-s', 'evaluate', 'v0', 'h', 'q', 'a', '[]');
      INSERT INTO api_records VALUES (1, 'evaluate', '{"owner":"key_o","tokenId":null,"caseRef":"J-9"}');
      INSERT INTO api_settings VALUES ('token_secret', 'kept-secret');`);
    raw.close();
    const store = await Store.open(path);
    try {
      expect(await store.sessions.get('old-s')).toMatchObject({ version: 1, owner: 'local', state: { facts: {} } });
      expect(await store.records.get(1)).toMatchObject({ owner: 'key_o', caseRef: 'J-9' });
      expect((await store.records.byCaseRef('J-9', 'key_o', null)).map((r) => r.id)).toEqual([1]);
      expect(await store.secrets.getOrCreate('token_secret', () => 'new')).toBe('kept-secret');
      expect(await store.audit.add(audit('ny'))).toBe(2);
    } finally {
      await store.close();
    }
    // Opening again runs no migration twice.
    const again = await Store.open(path);
    expect(await again.sessions.get('old-s')).toBeDefined();
    await again.close();
  });
});
