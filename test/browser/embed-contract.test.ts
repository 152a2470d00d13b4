/**
 * The embed contract (issue 17) in Chromium: a journal page frames /embed with a short-lived token; the frame posts
 * `hjemmel:ready`, `hjemmel:answer` (sessionId, recordId, outcome) and `hjemmel:token-expiring` to the token's
 * origins, and takes a fresh token by `hjemmel:token`, after which the conversation goes on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore, signToken, TOKEN_PREFIX } from '../../src/keys/index.ts';
import { launchBrowser, shot, skipBrowser, startTestServer, type TestServer } from './helpers.ts';

describe.skipIf(skipBrowser)('embed contract: postMessage events and token refresh (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let secret: string;

  const token = async (ttlSeconds: number): Promise<{ token: string; exp: number }> => {
    const r = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ttlSeconds }),
    });
    const j = (await r.json()) as { token: string; expiresAt: string };
    return { token: j.token, exp: Math.floor(Date.parse(j.expiresAt) / 1000) };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    secret = (await new KeyStore(server.state.services!.store).create({ name: 'journal', origins: [server.url] })).key;
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('posts ready, answer and token-expiring to the host, and continues with a refreshed token', async () => {
    // A 30-second token: less than a minute left, so the frame warns at once.
    const first = await token(30);
    const host = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Journal</title></head><body>
<h1>Journal</h1><iframe id="h" title="Hjemmel" style="width:900px;height:650px"
 src="${server.url}/embed?measure=restraint&token=${encodeURIComponent(first.token)}"></iframe>
<script>window.msgs = []; addEventListener('message', function (e) { window.msgs.push({ origin: e.origin, data: e.data }); });</script>
</body></html>`;
    await page.route(`${server.url}/journal-host`, (route) => route.fulfill({ contentType: 'text/html', body: host }));
    await page.goto(`${server.url}/journal-host`);
    const types = () =>
      page.evaluate(() =>
        (window as unknown as { msgs: Array<{ data: { type: string } }> }).msgs.map((m) => m.data.type),
      );
    await expect.poll(types, { timeout: 15_000 }).toContain('hjemmel:ready');
    await expect.poll(types, { timeout: 15_000 }).toContain('hjemmel:token-expiring');

    const frame = page.frameLocator('#h');
    const input = frame.locator('hjemmel-chat textarea');
    await input.fill('Må vi holde ham fast, når han slår en anden beboer?');
    await input.press('Enter');
    await expect.poll(types, { timeout: 30_000 }).toContain('hjemmel:answer');
    const answer = await page.evaluate(
      () =>
        (window as unknown as { msgs: Array<{ origin: string; data: Record<string, unknown> }> }).msgs.find(
          (m) => m.data['type'] === 'hjemmel:answer',
        )!,
    );
    expect(answer.origin).toBe(server.url);
    expect(answer.data['sessionId']).toEqual(expect.any(String));
    expect(answer.data['recordId']).toMatch(/^rec_/);
    expect(answer.data['route']).toBe('rule_evaluator');

    // The host refreshes the token; the next turn goes through with it.
    const next = await token(600);
    await page.evaluate(
      ([t, exp, origin]) =>
        (document.getElementById('h') as HTMLIFrameElement).contentWindow!.postMessage(
          { type: 'hjemmel:token', token: t, expiresAt: Number(exp) },
          String(origin),
        ),
      [next.token, String(next.exp), server.url],
    );
    await expect.poll(() => frame.locator('hjemmel-chat').evaluate((el) => el.getAttribute('token'))).toBe(next.token);
    // The requests use it (the element's API client, not only its attribute).
    expect(
      await frame
        .locator('hjemmel-chat')
        .evaluate((el) => (el as unknown as { client: { opts: { token?: string } } }).client.opts.token),
    ).toBe(next.token);
    await input.fill('Han er udviklingshæmmet.');
    await input.press('Enter');
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              (window as unknown as { msgs: Array<{ data: { type: string } }> }).msgs.filter(
                (m) => m.data.type === 'hjemmel:answer',
              ).length,
          ),
        { timeout: 30_000 },
      )
      .toBe(2);
    await shot(page, 'embed-contract-journal');
  });

  it('shows a readable Danish page for a token that expired before the frame loaded, and tells the host', async () => {
    const real = (await token(60)).token;
    const payload = JSON.parse(
      Buffer.from(real.slice(TOKEN_PREFIX.length).split('.')[0]!, 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    const secretBytes = await new KeyStore(server.state.services!.store).tokenSecret(server.state.env ?? {});
    const now = Math.floor(Date.now() / 1000);
    const expired = signToken({ ...payload, iat: now - 120, exp: now - 60 } as never, secretBytes);
    const host = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Journal</title></head><body>
<iframe id="h" title="Hjemmel" style="width:600px;height:300px"
 src="${server.url}/embed?measure=restraint&token=${encodeURIComponent(expired)}"></iframe>
<script>window.msgs = []; addEventListener('message', function (e) { window.msgs.push({ origin: e.origin, data: e.data }); });</script>
</body></html>`;
    const p = await browser.newPage({ viewport: { width: 700, height: 400 } });
    try {
      await p.route(`${server.url}/journal-expired`, (route) =>
        route.fulfill({ contentType: 'text/html', body: host }),
      );
      await p.goto(`${server.url}/journal-expired`);
      const errors = () =>
        p.evaluate(() =>
          (window as unknown as { msgs: Array<{ data: { type: string; code?: string } }> }).msgs.filter(
            (m) => m.data.type === 'hjemmel:error',
          ),
        );
      await expect
        .poll(async () => (await errors()).map((m) => m.data.code), { timeout: 15_000 })
        .toEqual(['token_expired']);
      const text = await p.frameLocator('#h').locator('main').innerText();
      expect(text).toContain('Hjemmel kan ikke vises');
      expect(text).toMatch(/udløbet.*Genindlæs siden i journalsystemet/s);
      expect(text).not.toContain('{');
      await shot(p, 'embed-expired-token');
    } finally {
      await p.close();
    }
  });
});
