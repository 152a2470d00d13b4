/**
 * Persistence (SQLite via better-sqlite3): conversation sessions, the audit log, feedback,
 * counters, API keys, decision records and quiz progress. One file, WAL mode, created on demand.
 * Nothing here ever stores a raw CPR number: every text written goes through the one CPR detector
 * (src/privacy/cpr.ts) here, at the storage boundary, whatever the caller did before.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { maskCpr, scrubCpr } from '../privacy/cpr.ts';
import { sourceDir } from '../runtime/index.ts';

export const DEFAULT_DB_PATH = join(sourceDir(import.meta.dirname), '..', '..', 'data', 'hjemmel.sqlite');

const MIGRATIONS: string[] = [
  `CREATE TABLE IF NOT EXISTS sessions (
     id TEXT PRIMARY KEY,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     state TEXT NOT NULL
   );
   CREATE TABLE IF NOT EXISTS audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     session_id TEXT NOT NULL,
     route TEXT NOT NULL,
     measure TEXT,
     outcome TEXT,
     rules_version TEXT NOT NULL,
     corpus_hash TEXT NOT NULL,
     message TEXT NOT NULL,
     answer TEXT NOT NULL,
     citations TEXT NOT NULL,
     llm TEXT
   );
   CREATE TABLE IF NOT EXISTS counters (
     name TEXT PRIMARY KEY,
     value INTEGER NOT NULL
   );
   CREATE TABLE IF NOT EXISTS feedback (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     session_id TEXT,
     turn INTEGER,
     rating TEXT NOT NULL,
     reason TEXT,
     comment TEXT,
     answer TEXT
   );`,
  // Owners (issue 16): who made a session or feedback item (`key:<id>` or `local`); null = before owners.
  `ALTER TABLE sessions ADD COLUMN owner TEXT;
   ALTER TABLE feedback ADD COLUMN owner TEXT;`,
];

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

export interface FeedbackEntry {
  sessionId?: string | null;
  turn?: number | null;
  rating: 'up' | 'down';
  reason?: string | null;
  comment?: string | null;
  answer?: string | null;
  owner?: string | null;
}

export class Store {
  readonly db: Database.Database;
  /** The database file (or ":memory:"), as opened: HJEMMEL_DB, else data/hjemmel.sqlite. */
  readonly path: string;

  constructor(path: string = process.env['HJEMMEL_DB'] ?? DEFAULT_DB_PATH) {
    this.path = path === ':memory:' ? path : resolve(path);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.exec(MIGRATIONS[v]!);
      this.db.pragma(`user_version = ${v + 1}`);
    }
  }

  /** Adds a later capability's tables (idempotent DDL). */
  ensure(ddl: string): void {
    this.db.exec(ddl);
  }

  getSession<T>(id: string): T | undefined {
    const row = this.db.prepare('SELECT state FROM sessions WHERE id = ?').get(id) as { state: string } | undefined;
    return row ? (JSON.parse(row.state) as T) : undefined;
  }

  saveSession(id: string, state: unknown): void {
    const now = new Date().toISOString();
    const owner = (state as { owner?: unknown } | null)?.owner;
    this.db
      .prepare(
        `INSERT INTO sessions (id, created_at, updated_at, state, owner) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state`,
      )
      .run(id, now, now, JSON.stringify(scrubCpr(state)), typeof owner === 'string' ? owner : null);
  }

  /** Removes a conversation (its audit entries stay: they carry no session state). */
  deleteSession(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    this.db.prepare('UPDATE feedback SET answer = NULL WHERE session_id = ?').run(id);
  }

  newId(): string {
    return randomUUID();
  }

  audit(e: AuditEntry): number {
    const info = this.db
      .prepare(
        `INSERT INTO audit (at, session_id, route, measure, outcome, rules_version, corpus_hash, message, answer, citations, llm)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        new Date().toISOString(),
        e.sessionId,
        e.route,
        e.measure ?? null,
        e.outcome ?? null,
        e.rulesVersion,
        e.corpusHash,
        maskCpr(e.message),
        maskCpr(e.answer),
        JSON.stringify(scrubCpr(e.citations)),
        e.llm ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  auditEntries(limit = 100): Array<Record<string, unknown>> {
    return this.db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit) as Array<Record<string, unknown>>;
  }

  increment(name: string, by = 1): void {
    this.db
      .prepare(
        'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value',
      )
      .run(name, by);
  }

  counter(name: string): number {
    const row = this.db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as { value: number } | undefined;
    return row?.value ?? 0;
  }

  addFeedback(f: FeedbackEntry): number {
    const info = this.db
      .prepare(
        'INSERT INTO feedback (at, session_id, turn, rating, reason, comment, answer, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        new Date().toISOString(),
        f.sessionId ?? null,
        f.turn ?? null,
        f.rating,
        f.reason ? maskCpr(f.reason) : null,
        f.comment ? maskCpr(f.comment) : null,
        f.answer ? maskCpr(f.answer) : null,
        f.owner ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  listFeedback(limit = 200): Array<Record<string, unknown>> {
    return this.db.prepare('SELECT * FROM feedback ORDER BY id DESC LIMIT ?').all(limit) as Array<
      Record<string, unknown>
    >;
  }

  close(): void {
    this.db.close();
  }
}
