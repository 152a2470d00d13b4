/**
 * Retention: conversations are deleted after HJEMMEL_SESSION_RETENTION_DAYS without a change (default 30),
 * audit entries and their decision records after HJEMMEL_RECORD_RETENTION_DAYS (default 1825, five years),
 * quiz sessions with the conversations; idle rate-limit buckets after an hour. `0` keeps that kind forever.
 * Run daily by the server (startRetentionJob) and on demand by `cli purge`; on several instances every one
 * runs it, which is harmless (the deletes are idempotent).
 */
import type { Store } from './index.ts';

export const DEFAULT_SESSION_RETENTION_DAYS = 30;
export const DEFAULT_RECORD_RETENTION_DAYS = 1825;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Retention {
  sessionDays: number;
  recordDays: number;
}

function days(raw: string | undefined, dflt: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${name} skal være et tal ≥ 0 (dage; 0 = behold) / ${name} must be a number of days ≥ 0`);
  return n;
}

export function retentionFrom(env: NodeJS.ProcessEnv): Retention {
  return {
    sessionDays: days(
      env['HJEMMEL_SESSION_RETENTION_DAYS'],
      DEFAULT_SESSION_RETENTION_DAYS,
      'HJEMMEL_SESSION_RETENTION_DAYS',
    ),
    recordDays: days(
      env['HJEMMEL_RECORD_RETENTION_DAYS'],
      DEFAULT_RECORD_RETENTION_DAYS,
      'HJEMMEL_RECORD_RETENTION_DAYS',
    ),
  };
}

export interface Purged {
  sessions: number;
  quizSessions: number;
  records: number;
  rateLimits: number;
}

/** Deletes what is past its retention at `now`; returns how many rows of each kind went. */
export async function purgeExpired(store: Store, r: Retention, now = Date.now()): Promise<Purged> {
  const before = (d: number) => new Date(now - d * DAY_MS).toISOString();
  const out: Purged = { sessions: 0, quizSessions: 0, records: 0, rateLimits: 0 };
  if (r.sessionDays > 0) {
    out.sessions = await store.sessions.purgeInactive(before(r.sessionDays));
    out.quizSessions = await store.quiz.purgeInactive(before(r.sessionDays));
  }
  if (r.recordDays > 0) out.records = await store.transaction((tx) => tx.audit.purgeOlderThan(before(r.recordDays)));
  out.rateLimits = await store.rateLimits.purgeIdle(now - 60 * 60 * 1000);
  return out;
}

/** Runs purgeExpired now and then every 24 hours (timer unref'd); returns the stop function. */
export function startRetentionJob(store: Store, r: Retention, log: (m: string) => void): () => void {
  const run = () =>
    purgeExpired(store, r).then(
      (p) => {
        if (p.sessions || p.records || p.quizSessions)
          log(`retention: ${p.sessions} sessions, ${p.quizSessions} quiz sessions, ${p.records} records deleted`);
      },
      (err) => log(`retention failed: ${err instanceof Error ? err.message : err}`),
    );
  const first = setTimeout(run, 5_000);
  first.unref();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
