/**
 * The answer card in a real browser (issue 13): the summary right under the headline, the amber conditional
 * state, a retrospective card with a dated to-do for a past incident, "may we use our decision now?", follow-up
 * turns ("Nyt: …", the checklist opening when it changes, "Afklar også" as buttons, focus on the newest heading,
 * the side panel scrolled to the highlighted passage) and the compact card at 360 px. Screenshots under
 * test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danishDate } from '../../src/answer/shape.ts';
import {
  axeSummary,
  type BrowserSession,
  openBrowserSession,
  runAxe,
  seriousOrCritical,
  shot,
  skipBrowser,
} from './helpers.ts';

const AMBER = 'rgb(143, 79, 0)';

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator('hjemmel-chat article.msg.bot .actions').count();
  await page.getByLabel('Dit spørgsmål om magtanvendelse').fill(text);
  await page.getByLabel('Dit spørgsmål om magtanvendelse').press('Enter');
  await waitForAnswers(page, before + 1);
}

async function waitForAnswers(page: Page, n: number): Promise<void> {
  await expect.poll(() => page.locator('hjemmel-chat article.msg.bot .actions').count(), { timeout: 30_000 }).toBe(n);
}

/** The focused element inside the widget's shadow root. */
function focused(page: Page): Promise<{ tag: string; cls: string; text: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', cls: el?.className ?? '', text: el?.textContent?.trim() ?? '' };
  });
}

const lastAnswer = (page: Page) => page.locator('hjemmel-chat article.msg.bot').last();

async function newConversation(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Ny samtale/ }).click();
  await expect.poll(() => page.locator('hjemmel-chat article.msg.bot').count()).toBe(0);
}

describe.skipIf(skipBrowser)('answer card (real browser, 1100 px)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession({ width: 1100, height: 900 });
    page = session.page;
    await page.goto(`${session.server.url}/`);
    await page.locator('hjemmel-chat textarea').waitFor();
  });
  afterAll(() => session?.close());

  it('shows the summary first, then the amber conditional state with its short checklist', async () => {
    await ask(
      page,
      'Må vi holde fast i hende, når hun slår ud efter en anden beboer? Hun har demens og bor på plejehjem.',
    );
    const card = lastAnswer(page).locator('.card');
    const summary = card.locator('.summary');
    expect(await summary.textContent()).toMatch(/^Ja, hvis betingelserne er opfyldt/);
    // Summary first: right under the headline, above the key facts and the checklist.
    const [h, s, dl] = await Promise.all([
      card.locator('.headline').boundingBox(),
      summary.boundingBox(),
      card.locator('dl').boundingBox(),
    ]);
    expect(s!.y).toBeGreaterThan(h!.y);
    expect(s!.y).toBeLessThan(dl!.y);
    // The summary is not repeated in the text under the card.
    expect(await lastAnswer(page).locator('.body').first().textContent()).not.toContain(await summary.textContent());
    // Amber, "Kan være lovligt, hvis …" with 1-3 open conditions, no green check.
    expect(await card.getAttribute('data-certainty')).toBe('conditional');
    expect(await card.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(AMBER);
    expect(await card.locator('.maybe-head').textContent()).toBe('Kan være lovligt, hvis …');
    const items = await card.locator('.maybe li').count();
    expect(items).toBeGreaterThanOrEqual(1);
    expect(items).toBeLessThanOrEqual(3);
    // Focus is on the heading of the newest answer.
    expect(await focused(page)).toMatchObject({ tag: 'h3', cls: 'headline' });
    await shot(page, 'answer-card-01-summary-first-amber');
  });

  it('"Afklar også" questions are buttons; answering one shows "Nyt: …" and opens the changed checklist', async () => {
    const before = lastAnswer(page);
    // The checklist of the first answer is folded (many conditions, none failed).
    expect(await before.locator('details.conds').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const questions = before.locator('.clarify .clarify-q');
    expect(await questions.count()).toBeGreaterThan(0);
    // Not repeated as a list in the text.
    expect(await before.locator('.body').first().textContent()).not.toContain('Afklar også:');
    const q = questions.filter({ hasText: 'Skyldes behovet for indgrebet personalemangel, normering eller travlhed?' });
    await q.click();
    expect(await q.getAttribute('aria-expanded')).toBe('true');
    const option = before
      .locator('.clarify li')
      .filter({ hasText: 'personalemangel' })
      .locator('.clarify-a', { hasText: 'Nej' });
    await option.click();
    await waitForAnswers(page, 2);
    const after = lastAnswer(page);
    expect(await page.locator('hjemmel-chat .msg.user').last().textContent()).toContain('travlhed: Nej');
    const changed = after.locator('.card .changed');
    await expect.poll(() => changed.isVisible()).toBe(true);
    expect(await changed.textContent()).toMatch(/^Nyt:.*nu opfyldt \(før: ukendt\)/);
    const conds = after.locator('details.conds');
    expect(await conds.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await conds.getAttribute('data-changed')).toBe('true');
    expect(await conds.locator('li[data-changed] .new').count()).toBeGreaterThan(0);
    expect(await focused(page)).toMatchObject({ tag: 'h3', cls: 'headline' });
    await shot(page, 'answer-card-02-checklist-opened-after-change');
    // The new parts (summary, "Nyt", the buttons) keep the page free of serious accessibility problems.
    const violations = seriousOrCritical(await runAxe(page));
    expect(violations, axeSummary(violations)).toEqual([]);
  });

  it('opens a citation with the side panel scrolled to the highlighted passage', async () => {
    await lastAnswer(page).locator('.sources .src').last().click();
    const side = page.locator('hjemmel-chat .side');
    await expect.poll(() => side.locator('.unit-text').isVisible(), { timeout: 10_000 }).toBe(true);
    const mark = side.locator('mark').first();
    await expect.poll(() => mark.count()).toBe(1);
    const [body, m] = await Promise.all([side.locator('.side-body').boundingBox(), mark.boundingBox()]);
    expect(m!.y).toBeGreaterThanOrEqual(body!.y);
    expect(m!.y).toBeLessThan(body!.y + body!.height);
    await shot(page, 'answer-card-03-side-panel-at-passage');
    await page.keyboard.press('Escape');
    await expect.poll(() => side.isVisible()).toBe(false);
  });

  it('answers a past incident retrospectively, with a dated to-do', async () => {
    await newConversation(page);
    await ask(
      page,
      'Vi holdt Lone fast i går i 5 minutter, fordi hun ville slå en anden beboer. Hvad skal vi gøre nu?',
    );
    const card = lastAnswer(page).locator('.card');
    expect(await card.locator('.headline').textContent()).toMatch(
      /^(Kan have været lovligt|Personalet kunne beslutte)/,
    );
    expect(await card.locator('.summary').textContent()).toMatch(
      /^Det kan have været lovligt efter SEL § 124 d, stk\. 2/,
    );
    const due = new Date();
    due.setUTCDate(due.getUTCDate() - 1 + 3);
    const dueText = `Frist: ${danishDate(due.toISOString().slice(0, 10))}.`;
    const todo = lastAnswer(page).locator('.body li', { hasText: /^Registrér indgrebet/ });
    expect(await todo.first().textContent()).toContain(dueText);
    expect(await lastAnswer(page).textContent()).not.toMatch(/Brug kun indgrebet, når/);
    await shot(page, 'answer-card-04-past-incident-dated-todo');
  });

  it('answers "may we use our decision now?" with the use under the decision', async () => {
    await newConversation(page);
    await ask(page, 'vi har en afgørelse om sele pga. faldrisiko; i dag brokker han sig – må vi spænde den?');
    const card = lastAnswer(page).locator('.card');
    expect(await card.locator('.headline').textContent()).toBe('Ja, inden for afgørelsen');
    expect(await card.getAttribute('data-use')).toBe('allowed');
    expect(await card.locator('.summary').textContent()).toContain(
      'Ved faldrisiko må selen bruges, selv om personen modsætter sig',
    );
    expect(await lastAnswer(page).textContent()).not.toContain('Kræver afgørelse fra kommunalbestyrelsen');
    // The decision's date is asked; an old one has expired.
    expect(await lastAnswer(page).locator('.followup h4').textContent()).toBe('Hvornår blev afgørelsen truffet?');
    await ask(page, 'Den er fra 1. marts 2024');
    const next = lastAnswer(page).locator('.card');
    expect(await next.locator('.headline').textContent()).toBe('Nej, afgørelsen er udløbet');
    expect(await next.getAttribute('data-use')).toBe('not_allowed');
    expect(await next.locator('.changed').textContent()).toContain('Nej, afgørelsen er udløbet');
    await shot(page, 'answer-card-05-decision-in-use');
  });
});

describe.skipIf(skipBrowser)('answer card at 360 px', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession({ width: 360, height: 740 });
    page = session.page;
    await page.goto(`${session.server.url}/`);
    await page.locator('hjemmel-chat textarea').waitFor();
  });
  afterAll(() => session?.close());

  it('is compact: headline and summary first, the key facts and conditions folded', async () => {
    await ask(page, 'Må vi give medicin skjult i yoghurten?');
    const card = lastAnswer(page).locator('.card');
    expect(await card.getAttribute('data-compact')).toBe('true');
    const summary = card.locator('.summary');
    expect(await summary.textContent()).toMatch(/^Nej\./);
    expect(await summary.isVisible()).toBe(true);
    // Key facts folded away under the summary.
    const more = card.locator('details.more-facts');
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await card.locator('dl').isVisible()).toBe(false);
    const [s, m] = await Promise.all([summary.boundingBox(), more.boundingBox()]);
    expect(s!.y).toBeLessThan(m!.y);
    // The card is short: headline, summary and the fold fit in well under a screen.
    expect((await card.boundingBox())!.height).toBeLessThan(400);
    // No horizontal scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, 'answer-card-06-compact-360');
    await more.locator('summary').click();
    expect(await card.locator('dl').isVisible()).toBe(true);
  });
});
