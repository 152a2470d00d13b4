/**
 * The example journal system (/examples/journal-system/) in a real browser: the form is built from
 * GET /api/v1/measures, every change is checked with POST /api/v1/incidents/check (shown beside the form),
 * and the Hjemmel iframe (/embed) loads pre-filled with the chosen measure and facts and answers with the
 * journal's context (a prefilled fact is not asked again).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/index.ts';
import { type BrowserSession, openBrowserSession, shot, skipBrowser, type TestServer } from './helpers.ts';

describe.skipIf(skipBrowser)('example journal system (real browser)', () => {
  let server: TestServer;
  let page: Page;
  let errors: string[] = [];

  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession({ width: 1280, height: 900 });
    ({ server, page, errors } = session);
  });

  afterAll(() => session?.close());

  it('builds the form from /api/v1/measures and checks the incident as the form changes', async () => {
    const res = await page.goto(`${server.url}/examples/journal-system/`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('#measure option[value="restraint"]').count()).toBe(1);
    await page.fill('#date', '2025-03-14');
    await page.selectOption('#measure', 'restraint');
    await expect.poll(() => page.locator('#fact-consent').count()).toBe(1);
    await page.selectOption('#fact-consent', '"objects"');
    await page.selectOption('#fact-documentedImpairment', 'true');

    const expected = evaluate({
      measure: 'restraint',
      asOf: '2025-03-14',
      facts: { consent: 'objects', documentedImpairment: true },
    });
    await expect.poll(() => page.textContent('#deadline'), { timeout: 15_000 }).toBe(expected.registration!.deadline);
    expect(await page.textContent('#provision')).toBe(expected.provision);
    expect(await page.textContent('#must-register')).toBe(expected.mustRegister ? 'Ja' : 'Nej');
    expect(await page.textContent('#relatives')).toBe(expected.registration!.relativesInformed ? 'Ja' : 'Nej');
    // While editing, checks are dry runs: no record yet, and the dated deadline is shown.
    expect(await page.isHidden('#record-link')).toBe(true);
    expect(await page.textContent('#due-date')).toBe('2025-03-17');
    // "Gem registrering" makes the record under the case number; the link is the signed print link.
    await page.click('#save');
    await expect
      .poll(() => page.getAttribute('#record-link', 'href'), { timeout: 15_000 })
      .toMatch(/^\/api\/v1\/records\/rec_[A-Za-z0-9_-]{22}\/print\?exp=\d+&sig=[A-Za-z0-9_-]+$/);
    await expect.poll(() => page.textContent('#case-records')).toBe('1 notat(er) med SAG-2026-0001');
    const href = (await page.getAttribute('#record-link', 'href'))!;
    const print = await page.request.get(`${server.url}${href}`);
    expect(print.status()).toBe(200);
    expect(await print.text()).toContain('Fastholdelse');
    await shot(page, 'journal-example-form');
  });

  it('opens Hjemmel in the iframe pre-filled, and the chat does not ask what the journal said', async () => {
    await page.click('#open-hjemmel');
    const frame = page.frameLocator('#hjemmel');
    await expect
      .poll(() => page.getAttribute('#hjemmel', 'src'))
      .toMatch(/\/embed\?measure=restraint&caseRef=SAG-2026-0001&facts=/);
    await expect
      .poll(() => frame.locator('.known').textContent(), { timeout: 15_000 })
      .toContain('Kendt fra journalen');
    const chat = frame.locator('hjemmel-chat');
    const widget = await chat
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    const before = Date.now();
    const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat') && r.request().method() === 'POST', {
      timeout: 30_000,
    });
    if (widget) {
      await chat.evaluate((el) => (el as unknown as { ask(t: string): Promise<void> }).ask('Må vi holde ham fast?'));
    } else {
      await frame.locator('textarea#q').fill('Må vi holde ham fast?');
      await frame.locator('form button[type=submit]').click();
    }
    const res = await reply;
    const body = JSON.parse(res.request().postData() ?? '{}');
    expect(body.caseRef).toBe('SAG-2026-0001');
    expect(body.context).toEqual({
      measure: 'restraint',
      facts: { consent: 'objects', documentedImpairment: true },
    });
    // The widget streams (SSE, last event "final"); the built-in fallback asks for JSON.
    const raw = await res.text();
    const json = JSON.parse(/event: final\ndata: (.+)\n/.exec(raw)?.[1] ?? raw);
    expect(json.verdict?.measure).toBe('restraint');
    if (json.followUp) expect(['consent', 'documentedImpairment']).not.toContain(json.followUp.fact);
    expect(Date.now() - before).toBeLessThan(30_000);
    await shot(page, 'journal-example-iframe');
    expect(errors).toEqual([]);
  });
});
