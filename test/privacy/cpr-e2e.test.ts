/**
 * End to end: CPR numbers in every format named in issue 16 go through chat (JSON and SSE), feedback, the
 * journal API and URL paths; afterwards the SQLite file, its WAL and the log contain none of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsCpr, findCpr } from '../../src/privacy/cpr.ts';
import { call, errorCode, startApiServer, type TestServer } from '../api-helpers.ts';

const full = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const FORMATS = (dd: string, mm: string, yy: string, n: string) => [
  `${dd}${mm}${yy}-${n}`,
  `${dd}${mm}${yy}\u2013${n}`,
  `${dd}${mm}${yy}\u2011${n}`,
  `${dd}${mm}${yy}\u2212${n}`,
  `${dd}${mm}${yy} - ${n}`,
  `${dd}.${mm}.${yy}-${n}`,
  `${dd} ${mm} ${yy} ${n}`,
  `${dd}/${mm}/${yy}-${n}`,
  full(`${dd}${mm}${yy}-${n}`),
  `${dd}${mm}\u200B${yy}${n}`,
  `cpr${dd}${mm}${yy}${n}`,
  `borger${dd}${mm}${yy}${n}x`,
];
const NUMBERS: Array<[string, string, string, string]> = [
  ['01', '02', '86', '6036'],
  ['16', '01', '65', '6015'],
  ['29', '02', '04', '1234'],
];
const ALL = NUMBERS.flatMap((p) => FORMATS(...p));

describe('CPR never reaches the database or the log', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startApiServer({});
  }, 60_000);
  afterAll(async () => {
    await srv.close();
  });

  it('masks chat, feedback, records and paths; rejects CPR-shaped learner ids and numbers', async () => {
    let sessionId: string | undefined;
    for (const [i, cpr] of ALL.entries()) {
      const message = `Må vi låse døren for borgeren med cpr ${cpr}? Hun har demens.`;
      const r = await call(`${srv.url}/api/v1/chat`, {
        body: { message, ...(sessionId ? { sessionId } : {}) },
        headers: i % 3 === 0 ? { accept: 'text/event-stream' } : {},
      });
      expect(r.status, r.text.slice(0, 200)).toBe(200);
      expect(containsCpr(r.text)).toBe(false);
      if (r.json) sessionId ??= r.json.sessionId;
    }
    expect(sessionId).toBeDefined();
    for (const cpr of ALL.slice(0, 6)) {
      const f = await call(`${srv.url}/api/v1/feedback`, {
        body: { sessionId, turn: 1, rating: 'down', comment: `Forkert for ${cpr}` },
      });
      expect(f.status, f.text).toBe(201);
    }
    const session = await call(`${srv.url}/api/v1/sessions/${sessionId}`);
    expect(containsCpr(session.text)).toBe(false);

    // URL-encoded CPR in a path (hyphen, en dash) is answered 404 and logged masked.
    for (const p of ['010286%2D6036', '01%2E02%2E86%E2%80%936036', '0102866036'])
      expect((await call(`${srv.url}/api/v1/sessions/${p}`)).status).toBe(404);

    // Learner ids shaped like a CPR number are refused; so are CPR-sized numeric facts.
    const quiz = await call(`${srv.url}/api/v1/quiz/sessions`, { body: { learnerId: 'cpr0102866036' } });
    expect(quiz.status).toBe(400);
    expect(errorCode(quiz)).toBe('invalid_request');
    const big = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'locked_doors', facts: { hours: 102866036 } },
    });
    expect(big.status).toBe(400);

    const files = [srv.dbPath, `${srv.dbPath}-wal`].filter((f) => existsSync(f));
    expect(files.length).toBe(2);
    const bytes = files.map((f) => readFileSync(f).toString('utf8')).join('\n');
    expect(bytes).toContain('XXXXXX-XXXX'); // the masked messages are there …
    // … and no raw number in any format (on failure: the surrounding bytes)
    expect(findCpr(bytes).map(([s, e]) => JSON.stringify(bytes.slice(s - 60, e + 20)))).toEqual([]);
    for (const [dd, mm, yy] of NUMBERS) expect(bytes).not.toContain(`${dd}${mm}${yy}`);
    const log = srv.logs.join('\n');
    expect(log).toContain('/api/v1/sessions/');
    expect(containsCpr(log)).toBe(false);
    expect(log).not.toMatch(/6036|6015/);
  }, 120_000);
});
