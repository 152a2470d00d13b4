/**
 * The standalone page (`/`) in a real browser: a "må vi" question gives a verdict card with the
 * conditions checklist; a citation opens the paragraph in the side panel; a follow-up is answered by
 * button; feedback is stored and listed; the conversation survives a reload; axe finds no serious or
 * critical violations; usable at 320 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeSummary,
  type BrowserSession,
  openBrowserSession,
  runAxe,
  seriousOrCritical,
  shot,
  skipBrowser,
  type TestServer,
} from './helpers.ts';

const OUTCOME_HEADLINES =
  /Ikke magtanvendelse|Personalet kan beslutte|Kræver afgørelse fra (kommunalbestyrelsen|Det Socialfaglige Nævn|Familieretshuset)|Ikke tilladt|Mangler oplysninger/;
const DOOR_QUESTION = 'Må vi låse hoveddøren om natten? Hun har demens og bor på botilbud';
const HYGIENE_QUESTION = 'Må vi holde fast i hende under tandbørstning?';

describe.skipIf(skipBrowser)('standalone chat page (real browser)', () => {
  let server: TestServer;
  let page: Page;

  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession(
      { width: 1100, height: 900 },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
    ({ server, page } = session);
    page.on('pageerror', (err) => console.error('[page error]', err.message));
  });

  afterAll(() => session?.close());

  async function ask(text: string): Promise<void> {
    const before = await page.locator('hjemmel-chat article.msg.bot').count();
    await page.getByLabel('Dit spørgsmål om magtanvendelse').fill(text);
    await page.getByLabel('Dit spørgsmål om magtanvendelse').press('Enter');
    await expect
      .poll(() => page.locator('hjemmel-chat article.msg.bot .actions').count(), { timeout: 30_000 })
      .toBe(before + 1);
  }

  const lastAnswer = () => page.locator('hjemmel-chat article.msg.bot').last();

  it('serves the page and the widget bundle', async () => {
    const res = await page.goto(`${server.url}/`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toContain('Hjemmel');
    await expect.poll(() => page.locator('hjemmel-chat textarea').isVisible()).toBe(true);
    // The disclaimer and the link to the sources are visible.
    await expect
      .poll(() => page.getByText('Hjemmel giver vejledning, ikke en afgørelse.').first().isVisible())
      .toBe(true);
    const link = page.getByRole('link', { name: /Se kilderne/ });
    expect(await link.getAttribute('href')).toBe(`${server.url}/kilder`);
    await shot(page, 'standalone-01-empty');
  });

  it('asks a "må vi" question and shows the verdict card with the checklist', async () => {
    // Record the text that arrives in the polite live region while the answer streams.
    await page.evaluate(() => {
      const root = document.querySelector('hjemmel-chat')!.shadowRoot!;
      const seen: string[] = [];
      (globalThis as unknown as { liveText: string[] }).liveText = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const live = (r.target as Element).closest?.('[aria-live="polite"]');
          if (live?.classList.contains('stream'))
            for (const n of r.addedNodes) if (n.nodeType === 3) seen.push(n.textContent ?? '');
        }
      }).observe(root, { childList: true, subtree: true });
    });
    await ask(DOOR_QUESTION);
    const live = await page.evaluate(() => (globalThis as unknown as { liveText: string[] }).liveText);
    expect(live.length, 'the answer arrives in several chunks').toBeGreaterThan(1);
    expect(live.join('')).toContain('Kræver afgørelse');
    const card = lastAnswer().locator('.card');
    await expect.poll(() => card.isVisible()).toBe(true);
    const headline = await card.locator('.headline').textContent();
    expect(headline).toMatch(OUTCOME_HEADLINES);
    expect(await card.getAttribute('data-outcome')).toBeTruthy();
    // Never colour alone: an icon and words.
    expect(await card.locator('svg').count()).toBeGreaterThan(0);
    // Who decides and where to complain are spelled out on the card.
    const facts = await card.locator('dl').textContent();
    expect(facts).toContain('Hvem beslutter');
    expect(facts).toContain('Klageadgang');
    // The conditions checklist names each status in words.
    await card.locator('.conds summary').click();
    const items = card.locator('.conds li');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.first().textContent()).toMatch(/^(Opfyldt|Ikke opfyldt|Ukendt):/);
    // The user's message is on screen, and the answer has numbered source chips.
    await expect.poll(() => page.getByText(DOOR_QUESTION).first().isVisible()).toBe(true);
    expect(await lastAnswer().locator('.sources .src').count()).toBeGreaterThan(0);
    // The streamed text is in a polite live region while it streams (the attribute is set in markup).
    expect(await page.locator('hjemmel-chat [role="status"][aria-live="polite"]').count()).toBe(1);
    await shot(page, 'standalone-02-verdict');
  });

  it('has no serious or critical axe violations with an answer shown', async () => {
    const violations = await runAxe(page);
    console.log(`[axe] standalone page with answer: ${axeSummary(violations)}`);
    expect(seriousOrCritical(violations), JSON.stringify(seriousOrCritical(violations), null, 1)).toEqual([]);
  });

  it('opens a citation in the side panel with the quote highlighted and the source status', async () => {
    const chip = lastAnswer().locator('.sources .src').first();
    const citation = await chip.locator('span').last().textContent();
    await chip.click();
    const side = page.locator('hjemmel-chat .side[role="dialog"]');
    await expect.poll(() => side.isVisible()).toBe(true);
    await expect.poll(() => side.locator('h2').textContent()).toBe(citation);
    await expect.poll(() => side.locator('.unit-text').isVisible(), { timeout: 10_000 }).toBe(true);
    expect((await side.locator('mark').first().textContent())?.length).toBeGreaterThan(10);
    expect(await side.locator('.badge').textContent()).toMatch(/gældende|ophævet|udkast|baggrund/);
    expect(await side.locator('.meta').textContent()).toMatch(/Status:/);
    await shot(page, 'standalone-03-citation');

    const violations = await runAxe(page);
    console.log(`[axe] side panel open: ${axeSummary(violations)}`);
    expect(seriousOrCritical(violations), JSON.stringify(seriousOrCritical(violations), null, 1)).toEqual([]);

    // Escape closes the panel and returns focus to the chip that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => side.isVisible()).toBe(false);
    expect(
      await chip.evaluate(
        (el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el,
      ),
    ).toBe(true);
  });

  it('shows the status of a non-current source in the side panel', async () => {
    const unitId = server.state.services!.corpus.units.find((u) => u.status === 'ophævet')!.id;
    await page.evaluate(
      (id) => (document.querySelector('hjemmel-chat') as unknown as { showUnit(id: string): void }).showUnit(id),
      unitId,
    );
    const side = page.locator('hjemmel-chat .side');
    await expect.poll(() => side.locator('.badge').textContent(), { timeout: 10_000 }).toBe('ophævet');
    expect(await side.locator('.warn').textContent()).toContain('ophævet');
    await shot(page, 'standalone-03b-superseded-source');
    await page.keyboard.press('Escape');
    await expect.poll(() => side.isVisible()).toBe(false);
  });

  it('answers a follow-up question by button', async () => {
    // A fresh conversation, so that nothing known from the first question answers the follow-up.
    await page.getByRole('button', { name: 'Ny samtale' }).click();
    await ask(HYGIENE_QUESTION);
    const asked = page
      .locator('hjemmel-chat article.msg.bot')
      .nth((await page.locator('hjemmel-chat article.msg.bot').count()) - 1);
    const followUp = asked.locator('.followup');
    await expect.poll(() => followUp.isVisible()).toBe(true);
    const question = await followUp.locator('h4').textContent();
    expect(question?.length).toBeGreaterThan(5);
    await followUp.scrollIntoViewIfNeeded();
    await shot(page, 'standalone-04-followup');
    const option = followUp.locator('.opt').first();
    const label = await option.textContent();
    const before = await page.locator('hjemmel-chat article.msg.bot').count();
    await option.click();
    await expect
      .poll(() => page.locator('hjemmel-chat article.msg.bot .actions').count(), { timeout: 30_000 })
      .toBe(before + 1);
    // The chosen option was sent as the user's reply, and the old buttons are disabled.
    await expect.poll(() => page.locator('hjemmel-chat .msg.user').last().textContent()).toContain(label);
    expect(await option.isDisabled()).toBe(true);
    const card = lastAnswer().locator('.card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('.headline').textContent()).toMatch(OUTCOME_HEADLINES);
    await shot(page, 'standalone-05-after-followup');
  });

  it('copies an answer and stores thumbs-down feedback with a reason and a comment', async () => {
    const answer = lastAnswer();
    await answer.getByRole('button', { name: 'Kopiér svar' }).click();
    await expect.poll(() => page.locator('hjemmel-chat [role="status"]').textContent()).toBe('Svaret er kopieret.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Kilder:');

    await answer.getByRole('button', { name: 'Svaret hjalp ikke' }).click();
    await answer.getByLabel('Svaret er forkert').check();
    await answer.getByLabel('Kommentar (valgfri)').fill('Testkommentar fra browsertesten');
    await shot(page, 'standalone-06-feedback-form');
    await answer.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => answer.locator('.thanks').isVisible()).toBe(true);

    const rows = await server.state.services!.store.feedback.list();
    expect(rows[0]).toMatchObject({
      rating: 'down',
      reason: 'wrong_answer',
      comment: 'Testkommentar fra browsertesten',
    });
    expect(String(rows[0]!['answer'])).not.toBe('');
    const admin = await fetch(`${server.url}/admin/feedback`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('Testkommentar fra browsertesten');
  });

  it('keeps the conversation across a reload, and "Ny samtale" starts over', async () => {
    const userMessages = await page.locator('hjemmel-chat .msg.user').count();
    expect(userMessages).toBe(2);
    await page.reload();
    await expect.poll(() => page.locator('hjemmel-chat .msg.user').count(), { timeout: 10_000 }).toBe(userMessages);
    expect(await page.locator('hjemmel-chat .msg.user').first().textContent()).toContain(HYGIENE_QUESTION);
    // Verdict cards and source chips are rendered again.
    expect(await page.locator('hjemmel-chat .card').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('hjemmel-chat .sources .src').count()).toBeGreaterThan(0);
    await shot(page, 'standalone-07-reloaded');

    await page.getByRole('button', { name: 'Ny samtale' }).click();
    expect(await page.locator('hjemmel-chat .msg').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('hjemmel-chat .welcome').isVisible()).toBe(true);
    expect(await page.locator('hjemmel-chat .msg').count()).toBe(0);
  });

  it('"Slet samtale" deletes the conversation on the server and in the browser; /embed keeps its own; idle ones expire', async () => {
    await ask(DOOR_QUESTION);
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith(':page:session')));
    expect(key).toBeTruthy();
    const stored = async () => page.evaluate((k) => localStorage.getItem(k), key!);
    const sid = (JSON.parse((await stored())!) as { id: string }).id;
    expect((await fetch(`${server.url}/api/v1/sessions/${sid}`)).status).toBe(200);

    // The journal's /embed does not show the standalone page's conversation.
    await page.goto(`${server.url}/embed`);
    await expect.poll(() => page.locator('hjemmel-chat textarea').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('hjemmel-chat .msg').count()).toBe(0);
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator('hjemmel-chat .msg.user').count(), { timeout: 10_000 }).toBe(1);

    await page.getByRole('button', { name: 'Slet samtale' }).click();
    await expect.poll(() => page.locator('hjemmel-chat .msg').count()).toBe(0);
    expect(await page.locator('hjemmel-chat .welcome').isVisible()).toBe(true);
    await expect.poll(async () => (await fetch(`${server.url}/api/v1/sessions/${sid}`)).status).toBe(404);
    expect(await stored()).toBeNull();
    await shot(page, 'standalone-07b-deleted');

    // A conversation idle for longer than 8 hours is not brought back.
    await ask(DOOR_QUESTION);
    await page.evaluate((k) => {
      const s = JSON.parse(localStorage.getItem(k)!) as { id: string; at: number };
      localStorage.setItem(k, JSON.stringify({ ...s, at: Date.now() - 9 * 3_600_000 }));
    }, key!);
    await page.reload();
    await expect.poll(() => page.locator('hjemmel-chat .welcome').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('hjemmel-chat .msg').count()).toBe(0);
    expect(await stored()).toBeNull();
  });

  it('is usable at 320 px width without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await ask(DOOR_QUESTION);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('hjemmel-chat .send').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(320);
    await shot(page, 'standalone-08-320px');
    await lastAnswer().locator('.sources .src').first().click();
    await expect.poll(() => page.locator('hjemmel-chat .unit-text').isVisible(), { timeout: 10_000 }).toBe(true);
    const side = await page.locator('hjemmel-chat .side').boundingBox();
    expect(side!.width).toBeLessThanOrEqual(320);
    await shot(page, 'standalone-09-320px-citation');
    await page.keyboard.press('Escape');
  });

  it('lists the sources with dates and status on /kilder', async () => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${server.url}/kilder`);
    expect(await page.locator('h1').textContent()).toBe('Kilder');
    expect(await page.locator('tbody tr').count()).toBe(server.state.services!.corpus.sources.length);
    expect(await page.locator('tbody .badge').first().textContent()).toMatch(/gældende|ophævet|udkast|baggrund/);
    await shot(page, 'kilder');
    const violations = await runAxe(page);
    console.log(`[axe] /kilder: ${axeSummary(violations)}`);
    expect(seriousOrCritical(violations)).toEqual([]);
  });
});
