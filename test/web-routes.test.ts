/** The web mount over HTTP: the page, the bundle, /kilder, feedback validation and storage, admin access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc } from '../src/web/pages.ts';
import { startTestServer, type TestServer } from './browser/helpers.ts';

describe('web routes', () => {
  let server: TestServer;
  let sessionId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Hvad er magtanvendelse?' }),
    });
    sessionId = ((await res.json()) as { sessionId: string }).sessionId;
  });

  afterAll(async () => {
    delete server?.state.env?.['HJEMMEL_ADMIN_TOKEN'];
    await server?.close();
  });

  const post = (body: unknown) =>
    fetch(`${server.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('serves the standalone page with the widget and a strict CSP', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<hjemmel-chat mode="page">');
    expect(html).toContain('src="/widget.js"');
  });

  it('serves /widget.js (gzipped when accepted, with an ETag)', async () => {
    const res = await fetch(`${server.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('hjemmel-chat');
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${server.url}/widget.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('lists the sources with status on /kilder', async () => {
    const html = await (await fetch(`${server.url}/kilder`)).text();
    for (const s of server.state.services!.corpus.sources) expect(html).toContain(s.title.replace(/&/g, '&amp;'));
    expect(html).toMatch(/class="badge (gældende|ophævet|udkast|baggrund)"/);
  });

  it('prints each condition beside the text of the unit it cites on /kilder/regler/:measure', async () => {
    const index = await (await fetch(`${server.url}/kilder/regler`)).text();
    expect(index).toContain('href="/kilder/regler/lock_own_home_exterior"');
    const res = await fetch(`${server.url}/kilder/regler/lock_own_home_exterior`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('SEL § 128 c');
    // The scope condition of § 128 c: its formula and the verbatim text of SEL § 128 c, stk. 2 it cites.
    expect(html).toContain('ikke locksIndoorCommonAreas');
    const unit = server.state.services!.corpus.unit('sel-128c-stk2')!;
    expect(html).toContain(esc(unit.text.split('\n')[0]!.slice(0, 60)));
    expect((await fetch(`${server.url}/kilder/regler/no_such_measure`)).status).toBe(404);
  });

  it('stores valid feedback with the answer it is about, masking CPR numbers', async () => {
    const res = await post({
      sessionId,
      turn: 1,
      rating: 'down',
      reason: 'unclear',
      comment: 'CPR 010203-1234 stod der',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const row = (await server.state.services!.store.feedback.list()).find((r) => r['id'] === id)!;
    expect(row).toMatchObject({ session_id: sessionId, turn: 1, rating: 'down', reason: 'unclear' });
    expect(String(row['comment'])).not.toContain('010203-1234');
    expect(String(row['answer'])).toContain('Hjemmel giver vejledning');
    expect((await post({ rating: 'up' })).status).toBe(201);
  });

  it('rejects invalid feedback with the common error shape', async () => {
    for (const body of [{}, { rating: 'meh' }, { rating: 'down', reason: 'boring' }, { rating: 'up', extra: 1 }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('invalid_request');
    }
    const unknown = await post({ sessionId: 'no-such-session', rating: 'up' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_session');
  });

  it('lists feedback for administrators: open on localhost, token-protected when HJEMMEL_ADMIN_TOKEN is set', async () => {
    const open = await fetch(`${server.url}/admin/feedback`);
    expect(open.status).toBe(200);
    const html = await open.text();
    expect(html).toContain('<table>');
    expect(html).toContain('Uklart');

    server.state.env!['HJEMMEL_ADMIN_TOKEN'] = 's3cret-admin';
    const denied = await fetch(`${server.url}/admin/feedback`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Basic');
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const wrong = await fetch(`${server.url}/admin/feedback`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const bearer = await fetch(`${server.url}/admin/feedback`, { headers: { authorization: 'Bearer s3cret-admin' } });
    expect(bearer.status).toBe(200);
    const basic = await fetch(`${server.url}/admin/feedback`, {
      headers: { authorization: `Basic ${Buffer.from('admin:s3cret-admin').toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    delete server.state.env!['HJEMMEL_ADMIN_TOKEN'];
  });
});
