/**
 * Security settings of issue 16 that the probe does not repeat: the admin token must be strong at start, proxy
 * headers count only with an explicit HJEMMEL_TRUST_PROXY, and a public key has a bucket per client besides the
 * key's own, so one browser cannot use up a site's budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    pub = srv.keys.create({ name: 'site widget', origins: [A], public: true, ratePerMinute: 100 }).key;
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
