/**
 * Keyboard only, in a real browser: reach the question field with Tab, send with Enter, reach a citation
 * chip with Tab, open it with Enter, stay trapped in the side panel, close it with Escape (focus returns
 * to the chip), answer a follow-up with the keyboard and start a new conversation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shot, skipBrowser, startTestServer, type TestServer } from './helpers.ts';

/** Describes the focused element, looking through open shadow roots. */
function focused(page: Page): Promise<{ tag: string; cls: string; text: string; inSide: boolean }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      cls: el?.getAttribute('class') ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      inSide: !!el?.closest('.side'),
    };
  });
}

async function tabTo(page: Page, pred: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (pred(await focused(page))) return;
  }
  throw new Error(`Tab never reached the wanted element (last: ${JSON.stringify(await focused(page))})`);
}

describe.skipIf(skipBrowser)('keyboard-only use (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks, opens a citation, is trapped in the side panel, and returns focus on Escape', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('hjemmel-chat textarea').waitFor();
    await tabTo(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('Må vi låse hoveddøren om natten? Hun har demens og bor på botilbud');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('hjemmel-chat article.msg.bot .card').count(), { timeout: 30_000 }).toBe(1);
    // Focus moves to the heading of the newest answer (issue 13): the card's headline.
    expect(await focused(page)).toMatchObject({ tag: 'h3', cls: 'headline' });

    // Tab forwards into the answer until a citation chip is focused.
    let chip: Awaited<ReturnType<typeof focused>> | undefined;
    for (let i = 0; i < 120 && !chip; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.cls.includes('src') || f.cls === 'cite') chip = f;
    }
    expect(chip, 'a citation chip is reachable by keyboard').toBeTruthy();
    await shot(page, 'keyboard-01-chip-focused');
    await page.keyboard.press('Enter');
    const side = page.locator('hjemmel-chat .side');
    await expect.poll(() => side.isVisible()).toBe(true);
    expect((await focused(page)).inSide).toBe(true);
    await expect.poll(() => side.locator('.unit-text').isVisible(), { timeout: 10_000 }).toBe(true);

    // Tab cycles inside the panel (focus trap), forwards and backwards.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inSide, `Tab ${i + 1} stays in the side panel`).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).inSide, `Shift+Tab ${i + 1} stays in the side panel`).toBe(true);
    }
    await shot(page, 'keyboard-02-side-panel');
    await page.keyboard.press('Escape');
    await expect.poll(() => side.isVisible()).toBe(false);
    const back = await focused(page);
    expect(back.cls === 'cite' || back.cls.includes('src')).toBe(true);
    expect(back.text).toBe(chip!.text);
  });

  it('answers a follow-up with the keyboard and starts a new conversation', async () => {
    await tabTo(page, (f) => f.tag === 'button' && f.text.includes('Ny samtale'));
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('textarea');
    await page.keyboard.type('Må vi holde fast i hende under tandbørstning?');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('hjemmel-chat .followup .opt').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await tabTo(page, (f) => f.cls === 'opt');
    const chosen = (await focused(page)).text;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('hjemmel-chat article.msg.bot .card').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('hjemmel-chat .msg.user').last().textContent()).toContain(chosen);
    expect(await focused(page)).toMatchObject({ tag: 'h3', cls: 'headline' });
    await shot(page, 'keyboard-03-followup-answered');
  });

  it('gives thumbs-down feedback with the keyboard', async () => {
    const before = (await server.state.services!.store.feedback.list()).length;
    await tabTo(page, (f) => f.text === 'Svaret hjalp ikke', 200);
    await page.keyboard.press('Enter');
    // The first reason gets focus; arrow keys move between the radios.
    expect((await focused(page)).tag).toBe('input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Uklart for mig');
    await tabTo(page, (f) => f.text === 'Send feedback');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await server.state.services!.store.feedback.list()).length).toBe(before + 1);
    expect((await server.state.services!.store.feedback.list())[0]).toMatchObject({
      rating: 'down',
      reason: 'unclear',
      comment: 'Uklart for mig',
    });
    // The page moves focus to the thank-you note once its own request has returned.
    await expect.poll(async () => (await focused(page)).text).toBe('Tak for din feedback.');
  });
});
