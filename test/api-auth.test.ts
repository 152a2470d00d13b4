/**
 * Access to /api/v1: the keys CLI (hashed storage, list, revoke), anonymous local use and HJEMMEL_REQUIRE_KEY,
 * CORS per key (allowed vs other origin, preflight), secret vs public keys, rate limits (429 + Retry-After),
 * token exchange and expiry, /embed's frame-ancestors, and logs without keys, tokens or CPR numbers.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/keys/index.ts';
import { bearer, call, errorCode, startApiServer, type TestServer } from './api-helpers.ts';

const run = promisify(execFile);
const A = 'https://journal-a.example';
const B = 'https://other.example';

async function cli(dbPath: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'keys', ...args], {
    env: { ...process.env, HJEMMEL_DB: dbPath },
  });
}

describe('keys CLI', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startApiServer({ HJEMMEL_REQUIRE_KEY: '1' });
  });
  afterAll(async () => {
    await srv.close();
  });

  it('creates a key (printed once, stored only as a hash), lists it and revokes it', async () => {
    const created = await cli(srv.dbPath, 'create', '--name', 'Nexus test', '--origins', `${A}/,${B}`, '--rate', '30');
    const key = /^(hjm_sk_[A-Za-z0-9_-]{20,})$/m.exec(created.stdout)?.[1];
    expect(key, created.stdout).toBeDefined();
    expect(created.stdout).toContain('vises kun denne ene gang');
    // The CLI says which database it used (stderr, so --json output stays clean).
    expect(created.stderr).toContain(`Database / database: ${srv.dbPath} (HJEMMEL_DB)`);

    const db = new Database(srv.dbPath, { readonly: true });
    const rows = db.prepare('SELECT * FROM api_keys').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(rows[0]!['key_hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(String(rows[0]!['origins']))).toEqual([A, B]);

    const list = await cli(srv.dbPath, 'list', '--json');
    const listed = JSON.parse(list.stdout);
    expect(listed[0]).toMatchObject({ name: 'Nexus test', public: false, ratePerMinute: 30, revokedAt: null });
    expect(list.stdout).not.toContain(key);

    // The running server sees the key at once …
    expect((await call(`${srv.url}/api/v1/sources`, { headers: bearer(key!) })).status).toBe(200);
    // … and not after it is revoked.
    const revoked = await cli(srv.dbPath, 'revoke', listed[0].id);
    expect(revoked.stdout).toContain(listed[0].id);
    const r = await call(`${srv.url}/api/v1/sources`, { headers: bearer(key!) });
    expect(r.status).toBe(401);
    expect(errorCode(r)).toBe('invalid_key');
  }, 60_000);

  it('refuses a public key without origins and bad origins', async () => {
    await expect(cli(srv.dbPath, 'create', '--name', 'x', '--public')).rejects.toMatchObject({ code: 2 });
    await expect(cli(srv.dbPath, 'create', '--name', 'x', '--origins', 'ftp://x.example')).rejects.toMatchObject({
      code: 2,
    });
  }, 60_000);
});

describe('anonymous local use (default) and HJEMMEL_REQUIRE_KEY', () => {
  let open: TestServer;
  let locked: TestServer;
  beforeAll(async () => {
    open = await startApiServer();
    locked = await startApiServer({ HJEMMEL_REQUIRE_KEY: '1' });
  });
  afterAll(async () => {
    await open.close();
    await locked.close();
  });

  it('answers localhost without a key by default, also from a local page', async () => {
    expect((await call(`${open.url}/api/v1/measures`)).status).toBe(200);
    const r = await call(`${open.url}/api/v1/measures`, { headers: { origin: 'http://localhost:5173' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('does not treat a foreign page or a proxied request as local', async () => {
    const foreign = await call(`${open.url}/api/v1/measures`, { headers: { origin: B } });
    expect(foreign.status).toBe(401);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const proxied = await call(`${open.url}/api/v1/measures`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(401);
  });

  it('requires a key for every /api/v1 route, the core chat too, but not /healthz or the OpenAPI document', async () => {
    for (const [path, body] of [
      ['/api/v1/chat', { message: 'Må vi låse døren?' }],
      ['/api/v1/sessions/x', undefined],
      ['/api/v1/evaluate', { measure: 'restraint' }],
      ['/api/v1/sources', undefined],
    ] as const) {
      const r = await call(`${locked.url}${path}`, body ? { body } : {});
      expect(r.status, path).toBe(401);
      expect(errorCode(r)).toBe('unauthorized');
    }
    expect((await call(`${locked.url}/healthz`)).status).toBe(200);
    expect((await call(`${locked.url}/api/v1/openapi.json`)).status).toBe(200);
  });

  it('accepts a secret key as Bearer or X-API-Key and rejects unknown keys', async () => {
    const { key } = await locked.keys.create({ name: 'srv', origins: [] });
    expect((await call(`${locked.url}/api/v1/sources`, { headers: bearer(key) })).status).toBe(200);
    expect((await call(`${locked.url}/api/v1/sources`, { headers: { 'x-api-key': key } })).status).toBe(200);
    const bad = await call(`${locked.url}/api/v1/sources`, { headers: bearer(`${key.slice(0, -2)}xx`) });
    expect(bad.status).toBe(401);
    expect(errorCode(bad)).toBe('invalid_key');
  });
});

describe('CORS, key types, rate limits and tokens', () => {
  let srv: TestServer;
  let secret: string;
  let pub: string;
  beforeAll(async () => {
    srv = await startApiServer({ HJEMMEL_REQUIRE_KEY: '1' });
    secret = (await srv.keys.create({ name: 'backend', origins: [A] })).key;
    pub = (await srv.keys.create({ name: 'widget', origins: [A], public: true })).key;
  });
  afterAll(async () => {
    await srv.close();
  });

  it('gives Access-Control-Allow-Origin only to the key’s listed origins', async () => {
    const ok = await call(`${srv.url}/api/v1/measures`, { headers: { ...bearer(pub), origin: A } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(A);
    expect(ok.headers.get('vary')).toContain('Origin');
    const other = await call(`${srv.url}/api/v1/measures`, { headers: { ...bearer(pub), origin: B } });
    expect(other.status).toBe(403);
    expect(errorCode(other)).toBe('origin_not_allowed');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflight requests for listed origins only', async () => {
    const pre = (origin: string) =>
      call(`${srv.url}/api/v1/chat`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const ok = await pre(A);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(A);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const no = await pre(B);
    expect(no.status).toBe(403);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rejects a public key without Origin and a secret key from a browser', async () => {
    expect((await call(`${srv.url}/api/v1/measures`, { headers: bearer(pub) })).status).toBe(403);
    const browser = await call(`${srv.url}/api/v1/measures`, { headers: { ...bearer(secret), origin: A } });
    expect(browser.status).toBe(403);
    expect(errorCode(browser)).toBe('secret_key_in_browser');
  });

  it('limits requests per key: 429 with Retry-After and the shared error shape', async () => {
    const { key } = await srv.keys.create({ name: 'slow', origins: [], ratePerMinute: 3 });
    const statuses: number[] = [];
    let last = await call(`${srv.url}/api/v1/sources`, { headers: bearer(key) });
    statuses.push(last.status);
    for (let i = 0; i < 3; i++) {
      last = await call(`${srv.url}/api/v1/sources`, { headers: bearer(key) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(errorCode(last)).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(last.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    // Another key has its own bucket.
    expect((await call(`${srv.url}/api/v1/sources`, { headers: bearer(secret) })).status).toBe(200);
  });

  it('exchanges a secret key for a short-lived token bound to the key’s origins', async () => {
    const t = await call(`${srv.url}/api/v1/tokens`, { body: { ttlSeconds: 300 }, headers: bearer(secret) });
    expect(t.status).toBe(201);
    expect(t.json.token).toMatch(/^hjt\./);
    expect(t.json.origins).toEqual([A]);
    expect(t.json.expiresIn).toBe(300);
    expect(Date.parse(t.json.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const token = t.json.token as string;

    const fromA = await call(`${srv.url}/api/v1/chat`, {
      body: { message: 'Må vi låse yderdøren om natten?' },
      headers: { ...bearer(token), origin: A },
    });
    expect(fromA.status).toBe(200);
    expect(fromA.headers.get('access-control-allow-origin')).toBe(A);
    const fromB = await call(`${srv.url}/api/v1/measures`, { headers: { ...bearer(token), origin: B } });
    expect(fromB.status).toBe(403);

    // Tokens and public keys cannot mint tokens; lifetimes above 15 minutes are refused.
    expect((await call(`${srv.url}/api/v1/tokens`, { body: {}, headers: bearer(token) })).status).toBe(403);
    expect((await call(`${srv.url}/api/v1/tokens`, { body: {}, headers: { ...bearer(pub), origin: A } })).status).toBe(
      403,
    );
    expect(
      (await call(`${srv.url}/api/v1/tokens`, { body: { ttlSeconds: 901 }, headers: bearer(secret) })).status,
    ).toBe(400);
    expect((await call(`${srv.url}/api/v1/tokens`, { body: { origin: B }, headers: bearer(secret) })).status).toBe(400);
  });

  it('refuses expired, tampered and revoked tokens', async () => {
    const keyId = (await srv.keys.list()).find((k) => k.name === 'backend')!.id;
    const secretBytes = await srv.keys.tokenSecret({});
    const now = Math.floor(Date.now() / 1000);
    const expired = signToken({ kid: keyId, origins: [A], iat: now - 600, exp: now - 1 }, secretBytes);
    const r1 = await call(`${srv.url}/api/v1/measures`, { headers: bearer(expired) });
    expect(r1.status).toBe(401);
    expect(errorCode(r1)).toBe('token_expired');

    const valid = signToken({ kid: keyId, origins: [A], iat: now, exp: now + 60 }, secretBytes);
    const [head, body, sig] = valid.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ kid: keyId, origins: [B], iat: now, exp: now + 60 })).toString('base64url')}.${sig}`;
    expect(body).toBeDefined();
    const r2 = await call(`${srv.url}/api/v1/measures`, { headers: bearer(forged) });
    expect(r2.status).toBe(401);
    expect(errorCode(r2)).toBe('invalid_token');

    // Strict parsing: exactly two parts after "hjt.", and a lifetime within the 15-minute cap on verify.
    for (const bad of [
      `${valid}.extra`,
      `${valid}.`,
      valid.replace('hjt.', 'hjt..'),
      `${valid}=`,
      signToken({ kid: keyId, origins: [A], iat: now, exp: now + 24 * 3600 }, secretBytes),
      signToken({ kid: keyId, origins: [A], iat: now + 3600, exp: now + 3900 }, secretBytes),
    ]) {
      const r = await call(`${srv.url}/api/v1/measures`, { headers: bearer(bad) });
      expect(r.status, bad).toBe(401);
      expect(errorCode(r)).toBe('invalid_token');
    }
    expect((await call(`${srv.url}/api/v1/measures`, { headers: bearer(valid) })).status).toBe(200);

    const { key, record } = await srv.keys.create({ name: 'soon revoked', origins: [A] });
    const t = await call(`${srv.url}/api/v1/tokens`, { body: {}, headers: bearer(key) });
    await srv.keys.revoke(record.id);
    expect((await call(`${srv.url}/api/v1/measures`, { headers: bearer(t.json.token) })).status).toBe(401);
  });

  it('signs tokens with HJEMMEL_TOKEN_SECRET when set', async () => {
    const other = await startApiServer({
      HJEMMEL_REQUIRE_KEY: '1',
      HJEMMEL_TOKEN_SECRET: 'a-configured-secret-0123456789',
    });
    try {
      const { record } = await other.keys.create({ name: 'env', origins: [A] });
      const now = Math.floor(Date.now() / 1000);
      const tok = signToken(
        { kid: record.id, origins: [A], iat: now, exp: now + 60 },
        Buffer.from('a-configured-secret-0123456789'),
      );
      expect((await call(`${other.url}/api/v1/measures`, { headers: bearer(tok) })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('serves /embed with frame-ancestors from the token’s origins, and refuses it without a token', async () => {
    const t = await call(`${srv.url}/api/v1/tokens`, { body: {}, headers: bearer(secret) });
    const facts = encodeURIComponent('consent=objects,documentedImpairment=true');
    const r = await call(`${srv.url}/embed?measure=restraint&facts=${facts}&token=${t.json.token}`);
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(new RegExp(`frame-ancestors ${A.replace(/\./g, '\\.')};`));
    expect(csp).not.toContain('unsafe-eval');
    // Pre-filled: the page hands measure, facts and token to the chat.
    expect(r.text).toContain('"measure":"restraint"');
    expect(r.text).toContain('"facts":{"consent":"objects","documentedImpairment":true}');
    expect(r.text).toContain('Kendt fra journalen');
    expect(r.text).toContain('hjemmel-chat');

    expect((await call(`${srv.url}/embed?measure=restraint`)).status).toBe(401);
    // A browser navigation (an iframe) gets a readable Danish page instead of JSON, with the same status.
    const page = await call(`${srv.url}/embed?measure=restraint&token=hjt.bad.sig`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Hjemmel kan ikke vises');
    expect(page.text).toContain('Genindlæs siden i journalsystemet');
    expect(page.text).toContain('invalid_token');
    expect(page.json).toBeUndefined();
    const bad = await call(`${srv.url}/embed?measure=restraint&facts=consent%3Dmaybe&token=${t.json.token}`);
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalid_request');
  });
});

describe('logs', () => {
  it('never contain keys, tokens or raw CPR numbers', async () => {
    const srv = await startApiServer();
    try {
      const { key } = await srv.keys.create({ name: 'log', origins: [A] });
      const cpr = '010190-1234';
      await call(`${srv.url}/api/v1/chat`, {
        body: { message: `Må vi holde borgeren (cpr ${cpr}) fast under tandbørstning?` },
        headers: bearer(key),
      });
      const t = await call(`${srv.url}/api/v1/tokens`, { body: {}, headers: bearer(key) });
      await call(`${srv.url}/api/v1/search?q=${encodeURIComponent(`fastholdelse ${cpr}`)}`, {
        headers: bearer(t.json.token),
      });
      await call(`${srv.url}/api/v1/units/${cpr}`, { headers: bearer(key) });
      await call(`${srv.url}/embed?token=${t.json.token}`);
      const all = srv.logs.join('\n');
      expect(srv.logs.filter((l) => l.startsWith('api ')).length).toBeGreaterThanOrEqual(4);
      expect(all).not.toContain(key);
      expect(all).not.toContain('hjm_sk_');
      expect(all).not.toContain(t.json.token);
      expect(all).not.toContain('hjt.');
      expect(all).not.toMatch(/0101901234|010190-1234/);
      expect(all).toContain('XXXXXX-XXXX');
    } finally {
      await srv.close();
    }
  });
});
