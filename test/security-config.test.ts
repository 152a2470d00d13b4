/**
 * Security settings of issue 16 that the probe does not repeat: the admin token must be strong at start, proxy
 * headers count only with an explicit HJEMMEL_TRUST_PROXY, and a public key has a bucket per client besides the
 * key's own, so one browser cannot use up a site's budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordIdCodec } from '../src/server/api/record-id.ts';
import { checkAdminToken, startServer } from '../src/server/index.ts';
import { bearer, call, errorCode, startApiServer, type TestServer } from './api-helpers.ts';

const A = 'https://journal.example';

describe('admin token strength', () => {
  it('refuses a weak HJEMMEL_ADMIN_TOKEN at start, with a Danish message and English alongside', async () => {
    for (const weak of ['admin', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '1234512345123451234512345'])
      expect(() => checkAdminToken({ HJEMMEL_ADMIN_TOKEN: weak }), weak).toThrow(/for svag.*too weak/);
    expect(() => checkAdminToken({ HJEMMEL_ADMIN_TOKEN: 'Zq8v-L2mX9pR4tW7yB1nC6dF3gH5jK0s' })).not.toThrow();
    expect(() => checkAdminToken({})).not.toThrow();
    await expect(startServer({ port: 0, env: { HJEMMEL_ADMIN_TOKEN: 'hemmelig' }, log: () => {} })).rejects.toThrow(
      /for svag/,
    );
  });
});

describe('trust proxy', () => {
  let plain: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    [plain, proxied] = await Promise.all([startApiServer(), startApiServer({ HJEMMEL_TRUST_PROXY: 'loopback' })]);
  });
  afterAll(async () => {
    await Promise.all([plain.close(), proxied.close()]);
  });

  it('without the setting, a proxy header from loopback makes the request non-local (never more trusted)', async () => {
    expect((await call(`${plain.url}/admin/feedback`)).status).toBe(200);
    const faked = await call(`${plain.url}/admin/feedback`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(faked.status).toBe(403);
  });

  it('with HJEMMEL_TRUST_PROXY=loopback, the forwarded client address decides', async () => {
    expect((await call(`${proxied.url}/admin/feedback`)).status).toBe(200);
    const remote = await call(`${proxied.url}/admin/feedback`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(remote.status).toBe(403);
    expect(errorCode(remote)).toBe('forbidden');
    const local = await call(`${proxied.url}/admin/feedback`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(local.status).toBe(200);
  });
});

describe('per-client buckets for public keys', () => {
  let srv: TestServer;
  let pub: string;
  beforeAll(async () => {
    srv = await startApiServer({ HJEMMEL_TRUST_PROXY: 'loopback', HJEMMEL_PUBLIC_CLIENT_RATE: '2' });
    pub = (await srv.keys.create({ name: 'site widget', origins: [A], public: true, ratePerMinute: 100 })).key;
  });
  afterAll(async () => {
    await srv.close();
  });

  it('one browser is limited to its own share; another browser of the same site is not', async () => {
    const from = (ip: string) =>
      call(`${srv.url}/api/v1/measures`, { headers: { ...bearer(pub), origin: A, 'x-forwarded-for': ip } });
    const first = [await from('203.0.113.7'), await from('203.0.113.7'), await from('203.0.113.7')];
    expect(first.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(errorCode(first[2]!)).toBe('rate_limited');
    expect(first[0]!.headers.get('ratelimit-limit')).toBe('2');
    expect((await from('203.0.113.8')).status).toBe(200);
  });
});

describe('opaque record ids', () => {
  it('encipher the audit id: round trip, not sequential, tampered or foreign ids refused', () => {
    const codec = recordIdCodec(Buffer.from('a-server-token-secret-of-32-bytes!'));
    const ids = [1, 2, 3, 1000, 2 ** 40].map((n) => codec.encode(n));
    for (const id of ids) expect(id).toMatch(/^rec_[A-Za-z0-9_-]{22}$/);
    expect(ids.map((id) => codec.decode(id))).toEqual([1, 2, 3, 1000, 2 ** 40]);
    // Neighbouring audit ids share no visible prefix beyond "rec_".
    expect(ids[0]!.slice(4, 10)).not.toBe(ids[1]!.slice(4, 10));
    const flipped = `${ids[0]!.slice(0, 8)}${ids[0]![8] === 'A' ? 'B' : 'A'}${ids[0]!.slice(9)}`;
    expect(codec.decode(flipped)).toBeUndefined();
    expect(codec.decode('1')).toBeUndefined();
    expect(codec.decode(`rec_${'A'.repeat(22)}`)).toBeUndefined();
    expect(recordIdCodec(Buffer.from('another-secret-another-server!!!')).decode(ids[0]!)).toBeUndefined();
  });

  it('are what the API hands out and accepts; the old numeric ids answer 404', async () => {
    const srv = await startApiServer();
    try {
      const made = await call(`${srv.url}/api/v1/evaluate`, { body: { measure: 'restraint', facts: {} } });
      expect(made.status).toBe(200);
      const id = made.json.recordId as string;
      expect(id).toMatch(/^rec_/);
      expect(made.headers.get('x-record-id')).toBe(id);
      expect((await call(`${srv.url}/api/v1/records/${id}`)).json.recordId).toBe(id);
      const chat = await call(`${srv.url}/api/v1/chat`, { body: { message: 'Må vi holde ham fast?' } });
      expect(chat.json.recordId).toMatch(/^rec_/);
      for (const guess of ['1', '2', String(Number.MAX_SAFE_INTEGER)])
        expect((await call(`${srv.url}/api/v1/records/${guess}`)).status).toBe(404);
    } finally {
      await srv.close();
    }
  });
});
