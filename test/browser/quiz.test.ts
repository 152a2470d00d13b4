/**
 * The quiz page (`/quiz`) in Chromium: a five-question quiz end to end, answered partly with the
 * keyboard, with two deliberately wrong answers (chosen against the evaluator's verdict): exactly five
 * questions, feedback naming the wrong choice, "Læs mere", a citation opened in the dialog, the final
 * score and the review list with source and chat links; the missed questions come back first in the next
 * session; axe finds no serious or critical violations; usable at 320 px. Screenshots in test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/quiz/bank.ts';
import { keyedQuestion, parseQuestionId } from '../../src/quiz/questions.ts';
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

/** The evaluator's answer to the question on screen. */
function keyOf(questionId: string): { correct: string; label: string } {
  const p = parseQuestionId(questionId)!;
  const q = keyedQuestion(scenarioById(p.scenarioId)!, p.kind)!;
  return { correct: q.correctOptionId, label: q.options.find((o) => o.id === q.correctOptionId)!.label };
}

describe.skipIf(skipBrowser)('quiz page (real browser)', () => {
  let server: TestServer;
  let page: Page;
  let errors: string[] = [];

  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession({ width: 1024, height: 900 });
    ({ server, page, errors } = session);
  });

  afterAll(() => session?.close());

  const questionId = () => page.locator('#answer-form').getAttribute('data-question') as Promise<string>;

  async function waitForQuestion(position: number): Promise<string> {
    await expect.poll(() => page.locator('#progress').textContent()).toContain(`Spørgsmål ${position} af`);
    return questionId();
  }

  async function submitWith(optionId: string): Promise<void> {
    await page.locator(`#options label[data-option="${optionId}"]`).click();
    await page.getByRole('button', { name: 'Svar', exact: true }).click();
    await expect.poll(() => page.locator('#verdict').count()).toBe(1);
  }

  async function optionIds(): Promise<string[]> {
    return page.locator('#options label').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-option')!));
  }

  it('runs a five-question quiz with two wrong answers: exactly 5 questions, why-wrong feedback, a review list', async () => {
    const res = await page.goto(`${server.url}/quiz`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toContain('Quiz');
    const setupAxe = seriousOrCritical(await runAxe(page));
    expect(setupAxe, axeSummary(setupAxe)).toEqual([]);
    await shot(page, 'quiz-1-setup');

    await page.getByLabel('Antal spørgsmål').selectOption('5');
    await page.getByRole('button', { name: 'Start quiz' }).click();

    // Question 1 by keyboard, answered right: arrow keys move within the radio group, Tab reaches "Svar".
    let qid = await waitForQuestion(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q-title');
    const k1 = keyOf(qid);
    const idx = (await optionIds()).indexOf(k1.correct);
    await page.locator('#opt-0').focus();
    if (idx === 0) await page.keyboard.press('Space');
    for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#options input:checked').getAttribute('value')).toBe(k1.correct);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer-btn');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#verdict').count()).toBe(1);
    expect(await page.locator('#verdict h3').textContent()).toContain('Rigtigt');
    expect(await page.locator('#why-wrong').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('fb-title');

    const seen = [qid];
    const wrongAt = new Set([2, 4]);
    const missed: string[] = [];
    for (let position = 2; position <= 5; position++) {
      await page.locator('#next-btn').click();
      qid = await waitForQuestion(position);
      expect(await page.locator('#progress').textContent()).toContain(`Spørgsmål ${position} af 5`);
      seen.push(qid);
      const k = keyOf(qid);
      if (!wrongAt.has(position)) {
        await submitWith(k.correct);
        expect(await page.locator('#verdict h3').textContent()).toContain('Rigtigt');
        continue;
      }
      const wrong = (await optionIds()).find((o) => o !== k.correct)!;
      const wrongLabel = await page
        .locator(`#options label[data-option="${wrong}"] > span`)
        .first()
        .evaluate((e) => e.firstChild?.textContent?.trim() ?? '');
      await submitWith(wrong);
      missed.push(qid);
      const verdict = page.locator('#verdict');
      expect(await verdict.locator('h3').textContent()).toContain('Forkert');
      // The feedback names the wrong choice and says why, then the right answer.
      expect(await page.locator('#why-wrong').textContent()).toContain(`«${wrongLabel}»`);
      expect(await verdict.textContent()).toContain('Rigtigt svar: ');
      expect(await page.locator(`#options label[data-option="${k.correct}"]`).getAttribute('class')).toContain('right');
      expect(await page.locator(`#options label[data-option="${wrong}"]`).getAttribute('class')).toContain('wrong');
      expect(await page.locator('#verdict .sources li').count()).toBeLessThanOrEqual(3);
      // The full reasoning is behind "Læs mere".
      const details = page.locator('#details');
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      if (position === 2) {
        const feedbackAxe = seriousOrCritical(await runAxe(page));
        expect(feedbackAxe, axeSummary(feedbackAxe)).toEqual([]);
        await shot(page, 'quiz-2-wrong-answer');
        await details.locator('summary').click();
        expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        expect(await details.locator('li').count()).toBeGreaterThan(0);
        await shot(page, 'quiz-2b-laes-mere');
        // A citation opens the paragraph in a modal dialog with the verbatim quote and the full text.
        await page.locator('#verdict .srcbtn').first().click();
        const dialog = page.locator('#unit-dialog');
        await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
        await expect.poll(() => dialog.locator('.full').count(), { timeout: 10_000 }).toBe(1);
        const quote = (await dialog.locator('blockquote').textContent())!.replace(/^»|«$/g, '');
        expect(quote.split(/\s+/).length).toBeGreaterThanOrEqual(6);
        expect(await dialog.locator('.full').textContent()).toContain(quote);
        await shot(page, 'quiz-3-citation');
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      }
    }
    expect(await page.locator('#next-btn').textContent()).toBe('Se resultat');
    await page.locator('#next-btn').click();
    await expect.poll(() => page.locator('#done-view').isVisible()).toBe(true);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(await page.locator('#final-score').textContent()).toBe('Du fik 3 af 5 rigtige.');
    // The review list: the two missed questions, each with a source link and "Spørg Hjemmel om dette".
    const items = page.locator('#review > li');
    expect(await items.count()).toBe(2);
    expect(await items.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-question')))).toEqual(missed);
    for (let i = 0; i < 2; i++) {
      expect(await items.nth(i).getByRole('link', { name: 'Spørg Hjemmel om dette' }).count()).toBe(1);
      expect(await items.nth(i).locator('a[href^="/quiz/kilde/"]').count()).toBeGreaterThan(0);
    }
    const doneAxe = seriousOrCritical(await runAxe(page));
    expect(doneAxe, axeSummary(doneAxe)).toEqual([]);
    await shot(page, 'quiz-4-done-review');
    // The source link opens the cited paragraph.
    const href = (await items.first().locator('a[href^="/quiz/kilde/"]').first().getAttribute('href'))!;
    const src = await page.request.get(`${server.url}${href}`);
    expect(src.status()).toBe(200);
    expect(errors).toEqual([]);
  });

  it('brings a missed question back first in the next session, marked as repetition, with the count unchanged', async () => {
    await page.getByRole('button', { name: 'Ny quiz' }).click();
    await page.getByLabel('Antal spørgsmål').selectOption('5');
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await waitForQuestion(1);
    expect(await page.locator('#progress').textContent()).toContain('Spørgsmål 1 af 5');
    expect(await page.locator('#repeat').isVisible()).toBe(true);
    await shot(page, 'quiz-4b-repetition');
  });

  it('is usable at 320 px without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto(`${server.url}/quiz`);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await waitForQuestion(1);
    await submitWith(keyOf(await questionId()).correct);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'quiz-5-320px');
  });

  it('shows the manager view with anonymous results per topic and rule', async () => {
    await page.setViewportSize({ width: 1024, height: 900 });
    const res = await page.goto(`${server.url}/quiz/leder`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('caption').allTextContents()).toEqual(
      expect.arrayContaining([
        'Pr. emne',
        'Pr. regel (de sværeste først)',
        'Pr. scenarie og spørgsmålstype (de sværeste først)',
      ]),
    );
    // Two wrong answers on their own: those rows show 0 % with a visible, outlined empty track.
    const zero = page.locator('#by-scenario td.share', { hasText: /^0 %$/ }).first();
    expect(await zero.count()).toBe(1);
    const track = await zero.locator('.track').boundingBox();
    expect(track!.width).toBeGreaterThanOrEqual(60);
    const border = await zero.locator('.track').evaluate((e) => getComputedStyle(e).borderTopWidth);
    expect(border).not.toBe('0px');
    // Filters: one scenario and question kind, with the CSV link carrying the same filters.
    await page.locator('select[name="kind"]').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Vis' }).click();
    await expect.poll(() => page.url()).toContain('kind=');
    expect(await page.locator('#csv').getAttribute('href')).toContain('kind=');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(2);
    const axe = seriousOrCritical(await runAxe(page));
    expect(axe, axeSummary(axe)).toEqual([]);
    await shot(page, 'quiz-6-leder');
  });
});
