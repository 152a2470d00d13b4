/**
 * The security probe (issue 16): repeats the attacks of the security review against a fresh server on
 * loopback (temporary database, bounded number of requests) and reports, per attack, how many requests
 * were sent, which statuses came back and how many leaks were found. `npm run probe:security` prints the
 * table; test/security-probe.test.ts asserts leaks = 0 and the expected statuses.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore, signToken } from '../../src/keys/index.ts';
import { findCpr } from '../../src/privacy/cpr.ts';
import { type Started, startServer } from '../../src/server/index.ts';

export interface ProbeRow {
  attack: string;
  requests: number;
  statuses: Record<string, number>;
  leaks: number;
  note?: string;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of the server under probe
  json: any;
}

/** One HTTP request over a fresh connection (node:http, so Host and proxy headers go out as written). */
function send(
  base: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const u = new URL(base);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        method,
        path,
        agent: false,
        headers: {
          connection: 'close',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Writes raw bytes on one socket; resolves with what came back and whether (and when) the server closed it. */
function raw(
  base: string,
  data: string,
  waitMs: number,
): Promise<{ received: string; closedByServer: boolean; ms: number }> {
  const u = new URL(base);
  return new Promise((resolve) => {
    const t0 = Date.now();
    let received = '';
    let done = false;
    const s = connect(Number(u.port), u.hostname, () => {
      s.write(data);
    });
    s.setEncoding('latin1');
    s.on('data', (c) => {
      received += c;
    });
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ received, closedByServer, ms: Date.now() - t0 });
    };
    s.on('close', () => finish(true));
    s.on('error', () => finish(true));
    const timer = setTimeout(() => finish(false), waitMs);
  });
}

class Row {
  requests = 0;
  leaks = 0;
  statuses: Record<string, number> = {};
  note: string | undefined;
  constructor(readonly attack: string) {}
  count(status: number | string): void {
    this.requests++;
    this.statuses[String(status)] = (this.statuses[String(status)] ?? 0) + 1;
  }
  /** Counts a reply; a status outside `expected` is a leak. */
  expect(r: Reply, ...expected: number[]): Reply {
    this.count(r.status);
    if (!expected.includes(r.status)) this.leaks++;
    return r;
  }
  done(): ProbeRow {
    return {
      attack: this.attack,
      requests: this.requests,
      statuses: this.statuses,
      leaks: this.leaks,
      ...(this.note ? { note: this.note } : {}),
    };
  }
}

const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
const ADMIN = 'probe-admin-token-4f9c2a7e1b8d3c6f';
const FULL = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** The formats of the review, for one number 160165-6015. */
export const CPR_FORMATS = [
  '160165-6015',
  '160165\u20136015',
  '160165\u20116015',
  '160165\u22126015',
  '160165 - 6015',
  '16.01.65-6015',
  '16 01 65 6015',
  '16/01/65-6015',
  FULL('160165-6015'),
  '1601\u200B656015',
  'cpr1601656015',
  'borger1601656015x',
];

async function startProbeServer(env: NodeJS.ProcessEnv): Promise<Started & { dbPath: string; logs: string[] }> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'hjemmel-probe-')), 'probe.sqlite');
  const logs: string[] = [];
  const s = await startServer({ port: 0, host: '127.0.0.1', dbPath, env, log: (m) => logs.push(m) });
  await s.ready;
  return { ...s, dbPath, logs };
}

export async function runSecurityProbe(): Promise<ProbeRow[]> {
  const rows: ProbeRow[] = [];
  // Server 1: admin token set, keys in use. Server 2: defaults (anonymous local use, no admin token).
  const a = await startProbeServer({ HJEMMEL_ADMIN_TOKEN: ADMIN, HJEMMEL_HEADERS_TIMEOUT_MS: '1000' });
  const b = await startProbeServer({});
  try {
    const keys = new KeyStore(a.state.services!.store);
    const keyA = await keys.create({ name: 'A', origins: ['https://a.example'] });
    const keyB = await keys.create({ name: 'B', origins: ['https://b.example'] });

    // 1. Another key's session: read, chat, feedback, delete.
    {
      const row = new Row("another key's session (read, chat, feedback, delete)");
      const made = await send(a.url, 'POST', '/api/v1/chat', {
        headers: bearer(keyA.key),
        body: { message: 'Må vi låse hoveddøren om natten? Hun har demens.' },
      });
      const sid = made.json.sessionId as string;
      const before = (await send(a.url, 'GET', `/api/v1/sessions/${sid}`, { headers: bearer(keyA.key) })).json;
      row.expect(await send(a.url, 'GET', `/api/v1/sessions/${sid}`, { headers: bearer(keyB.key) }), 404);
      row.expect(
        await send(a.url, 'POST', '/api/v1/chat', {
          headers: bearer(keyB.key),
          body: { sessionId: sid, message: 'nej, hun har ikke demens' },
        }),
        404,
      );
      row.expect(
        await send(a.url, 'POST', '/api/v1/feedback', {
          headers: bearer(keyB.key),
          body: { sessionId: sid, turn: 1, rating: 'down' },
        }),
        404,
      );
      row.expect(await send(a.url, 'DELETE', `/api/v1/sessions/${sid}`, { headers: bearer(keyB.key) }), 404);
      row.expect(await send(a.url, 'GET', `/api/v1/records/${made.json.recordId}`, { headers: bearer(keyB.key) }), 404);
      const after = (await send(a.url, 'GET', `/api/v1/sessions/${sid}`, { headers: bearer(keyA.key) })).json;
      if (JSON.stringify(after) !== JSON.stringify(before)) row.leaks++;
      rows.push(row.done());
    }

    // 2. A browser token reads records of another token's session (same key).
    {
      const row = new Row('browser token reads another session’s record');
      const t1 = (await send(a.url, 'POST', '/api/v1/tokens', { headers: bearer(keyA.key), body: {} })).json.token;
      const t2 = (await send(a.url, 'POST', '/api/v1/tokens', { headers: bearer(keyA.key), body: {} })).json.token;
      const chat = await send(a.url, 'POST', '/api/v1/chat', {
        headers: bearer(t1),
        body: { message: 'Må vi bruge en GPS-sporing?' },
      });
      row.expect(await send(a.url, 'GET', `/api/v1/records/${chat.json.recordId}`, { headers: bearer(t2) }), 404);
      row.expect(await send(a.url, 'GET', `/api/v1/sessions/${chat.json.sessionId}`, { headers: bearer(t2) }), 404);
      row.expect(await send(a.url, 'GET', `/api/v1/records/${chat.json.recordId}`, { headers: bearer(t1) }), 200);
      rows.push(row.done());
    }

    // 3. Tokens with extra parts or an over-long lifetime.
    {
      const row = new Row('token with extra part / lifetime over cap');
      const good = (await send(a.url, 'POST', '/api/v1/tokens', { headers: bearer(keyA.key), body: {} })).json.token;
      const secret = await keys.tokenSecret({});
      const now = Math.floor(Date.now() / 1000);
      const kid = keyA.record.id;
      for (const t of [
        `${good}.x`,
        `${good}.`,
        good.replace('hjt.', 'hjt.x.'),
        signToken({ kid, origins: [], iat: now, exp: now + 86_400 }, secret),
        signToken({ kid, origins: [], iat: now + 7200, exp: now + 7500 }, secret),
      ])
        row.expect(await send(a.url, 'GET', '/api/v1/measures', { headers: bearer(t) }), 401);
      rows.push(row.done());
    }

    // 4. CPR numbers in every format through chat and feedback, then a scan of the DB, its WAL and the log.
    {
      const row = new Row('CPR formats via chat → scan DB + WAL + log');
      let sid: string | undefined;
      for (const cpr of CPR_FORMATS) {
        const r = await send(b.url, 'POST', '/api/v1/chat', {
          body: { message: `Borgeren ${cpr} vil ikke i bad, må vi holde hende?`, ...(sid ? { sessionId: sid } : {}) },
        });
        row.expect(r, 200);
        sid ??= r.json?.sessionId;
        row.leaks += findCpr(r.text).length;
        row.expect(
          await send(b.url, 'POST', '/api/v1/feedback', {
            body: { sessionId: sid, rating: 'down', comment: `Gælder ${cpr}` },
          }),
          201,
        );
      }
      for (const p of ['160165%2D6015', '16%2E01%2E65%E2%80%936015', '1601656015'])
        row.expect(await send(b.url, 'GET', `/api/v1/sessions/${p}`), 404);
      row.expect(await send(b.url, 'POST', '/api/v1/quiz/sessions', { body: { learnerId: 'cpr1601656015' } }), 400);
      row.expect(
        await send(b.url, 'POST', '/api/v1/evaluate', {
          body: { measure: 'locked_doors', facts: { hours: 1601656015 } },
        }),
        400,
      );
      const files = [b.dbPath, `${b.dbPath}-wal`].filter((f) => existsSync(f));
      const text = `${files.map((f) => readFileSync(f).toString('utf8')).join('\n')}\n${b.logs.join('\n')}`;
      row.leaks += findCpr(text).length + (text.includes('160165') ? 1 : 0);
      row.note = `scanned ${files.map((f) => f.split('.').pop()).join(' + ')} + log (${b.logs.length} lines)`;
      rows.push(row.done());
    }

    // 5. Proxy headers from loopback (server without admin token: local mode).
    {
      const row = new Row('X-Real-IP / X-Forwarded-For / Forwarded from loopback');
      const tricks: Array<Record<string, string>> = [
        { 'x-real-ip': '203.0.113.7' },
        { 'x-forwarded-for': '203.0.113.7' },
        { forwarded: 'for=203.0.113.7' },
      ];
      for (const h of tricks) {
        row.expect(await send(b.url, 'GET', '/admin/feedback', { headers: h }), 403);
        row.expect(await send(b.url, 'GET', '/quiz/leder', { headers: h }), 403);
        row.expect(await send(b.url, 'GET', '/api/v1/quiz/export.csv', { headers: h }), 401, 403);
        row.expect(await send(b.url, 'GET', '/api/v1/records/1', { headers: h }), 401);
        row.expect(await send(b.url, 'POST', '/api/v1/chat', { headers: h, body: { message: 'Må vi?' } }), 401);
      }
      rows.push(row.done());
    }

    // 6. Host header tricks (DNS rebinding).
    {
      const row = new Row('Host: evil.example (DNS rebinding)');
      for (const host of ['evil.example', 'evil.example:80', '127.0.0.1.evil.example'])
        for (const path of ['/', '/api/v1/records/1', '/admin/feedback', '/api/v1/sessions/x'])
          row.expect(await send(b.url, 'GET', path, { headers: { host } }), 421);
      rows.push(row.done());
    }

    // 8. A tenant's secret key exports everyone's quiz answers.
    {
      const row = new Row('secret key reads quiz stats / exports');
      for (const p of ['/api/v1/quiz/stats', '/api/v1/quiz/export.csv', '/api/v1/quiz/export.xapi.json'])
        row.expect(await send(a.url, 'GET', p, { headers: bearer(keyA.key) }), 401);
      rows.push(row.done());
    }

    // 7. Guessing the admin token.
    {
      const row = new Row('admin token guessing (40 tries)');
      let limitedAt = 0;
      for (let i = 1; i <= 40; i++) {
        const r = await send(a.url, 'GET', '/admin/feedback', { headers: bearer(`guess-${i}`) });
        row.expect(r, 401, 429);
        if (r.status === 429 && !limitedAt) limitedAt = i;
      }
      if (!limitedAt || limitedAt > 21) row.leaks++;
      row.note = `429 from try ${limitedAt}`;
      rows.push(row.done());
    }

    // 9. Security headers.
    {
      const row = new Row('security headers (API JSON, /docs, record HTML, /examples)');
      const check = (r: Reply, ok: boolean) => {
        row.count(r.status);
        if (!ok) row.leaks++;
      };
      const api = await send(b.url, 'GET', '/api/v1/measures');
      check(api, api.headers['cache-control'] === 'no-store' && api.headers['x-content-type-options'] === 'nosniff');
      const docs = await send(b.url, 'GET', '/docs');
      check(
        docs,
        String(docs.headers['content-security-policy']).includes("frame-ancestors 'none'") &&
          docs.headers['x-frame-options'] === 'DENY',
      );
      const chat = await send(b.url, 'POST', '/api/v1/chat', { body: { message: 'Må vi låse døren?' } });
      const rec = await send(b.url, 'GET', `/api/v1/records/${chat.json.recordId}?format=html`);
      check(rec, String(rec.headers['content-security-policy']).includes("frame-ancestors 'none'"));
      const ex = await send(b.url, 'GET', '/examples/journal-system/');
      check(ex, String(ex.headers['content-security-policy']).includes('script-src'));
      const page = await send(b.url, 'GET', '/');
      check(page, String(page.headers['permissions-policy']).includes('camera=()'));
      rows.push(row.done());
    }

    // 10. Slow, idle and pipelining clients; SSE with Connection: close.
    {
      const row = new Row('slow headers, pipelining, SSE Connection: close');
      const slow = await raw(a.url, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 6_000);
      row.count(slow.closedByServer ? 'closed' : 'open');
      if (!slow.closedByServer) row.leaks++;
      const many = Array.from({ length: 40 }, () => 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n').join('');
      const piped = await raw(a.url, many, 3_000);
      const answered = (piped.received.match(/HTTP\/1\.1 200/g) ?? []).length;
      row.count(`${answered}/40 answered`);
      if (answered >= 40 || !piped.closedByServer) row.leaks++;
      const body = JSON.stringify({ message: 'Må vi låse døren?' });
      const sse = await raw(
        b.url,
        `POST /api/v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        10_000,
      );
      row.count(sse.closedByServer ? 'sse closed' : 'sse open');
      if (!sse.closedByServer || !sse.received.includes('event: final')) row.leaks++;
      row.note = `slow headers closed after ${slow.ms} ms`;
      rows.push(row.done());
    }
  } finally {
    await a.close();
    await b.close();
  }
  return rows;
}

export function formatTable(rows: ProbeRow[]): string {
  const head = ['attack', 'requests', 'statuses', 'leaks', 'note'];
  const body = rows.map((r) => [
    r.attack,
    String(r.requests),
    Object.entries(r.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' '),
    String(r.leaks),
    r.note ?? '',
  ]);
  const lines = [head, head.map(() => '---'), ...body].map((c) => `| ${c.join(' | ')} |`);
  const total = rows.reduce((n, r) => n + r.requests, 0);
  const leaks = rows.reduce((n, r) => n + r.leaks, 0);
  return `${lines.join('\n')}\n\n${total} requests, ${leaks} leaks`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runSecurityProbe();
  console.log(formatTable(rows));
  if (rows.some((r) => r.leaks > 0)) process.exitCode = 1;
}
