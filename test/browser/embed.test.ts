/**
 * The widget on a foreign page with aggressive CSS, in a real browser: the launcher and the chat panel
 * keep their own look (Shadow DOM), focus is managed (open → question field; Escape → launcher), the
 * host page's own styles are untouched, an inline <hjemmel-chat> works there too, and axe finds no
 * serious or critical violations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  axeSummary,
  launchBrowser,
  runAxe,
  seriousOrCritical,
  shot,
  skipBrowser,
  startTestServer,
  type TestServer,
} from './helpers.ts';

const HOSTILE_CSS = `
  * { all: unset !important; }
  html, body { display: block !important; }
  div { display: none !important; }
  button { background: #ff00ff !important; color: #00ff00 !important; font-size: 40px !important; }
  textarea, input { display: none !important; }
  p { color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 6px !important; }
  * { text-transform: uppercase !important; line-height: 4 !important; }
  section, article, form { visibility: hidden !important; }
  svg { display: none !important; }
`;

function hostPage(url: string, body: string, scriptAttrs = ''): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Intranet</title>
<style>${HOSTILE_CSS}</style></head>
<body><h1>Kommunens intranet</h1><p class="host-text">Nyheder for personalet.</p>${body}
<script src="${url}/widget.js" ${scriptAttrs} defer></script></body></html>`;
}

/** Describes the focused element, looking through open shadow roots. */
function focused(page: Page): Promise<{ tag: string; cls: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', cls: el?.getAttribute('class') ?? '' };
  });
}

describe.skipIf(skipBrowser)('widget embedded in a host page with aggressive CSS (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  // A fresh browser context (empty localStorage) for every test.
  beforeEach(async () => {
    await page?.context().close();
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('pageerror', (err) => console.error('[page error]', err.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Serves a host page at a path of the test server's origin (intercepted, so the server needs no test route). */
  async function openHost(path: string, html: string): Promise<void> {
    await page.route(`${server.url}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${server.url}${path}`);
  }

  it('adds a launcher that opens an intact chat panel, with managed focus', async () => {
    await openHost('/host-launcher', hostPage(server.url, '', `data-facts='{"impairmentCause":"dementia"}'`));
    const launch = page.locator('hjemmel-launcher .launch');
    await launch.waitFor();
    // The host's CSS does not reach inside: our colours, font size and visibility.
    const style = await launch.evaluate((el) => {
      const cs = getComputedStyle(el);
      return {
        bg: cs.backgroundColor,
        color: cs.color,
        size: cs.fontSize,
        transform: cs.textTransform,
        display: cs.display,
      };
    });
    expect(style).toEqual({
      bg: 'rgb(11, 61, 107)',
      color: 'rgb(255, 255, 255)',
      size: '16px',
      transform: 'none',
      display: 'inline-flex',
    });
    expect(await launch.getAttribute('aria-expanded')).toBe('false');
    await shot(page, 'embed-01-launcher');

    await launch.click();
    expect(await launch.getAttribute('aria-expanded')).toBe('true');
    const chat = page.locator('hjemmel-launcher hjemmel-chat');
    await expect.poll(() => chat.locator('textarea').isVisible()).toBe(true);
    expect(await chat.getAttribute('facts')).toBe('{"impairmentCause":"dementia"}');
    expect(await focused(page)).toEqual({ tag: 'textarea', cls: '' });
    const box = await chat.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(400);

    // Ask a question: the answer renders with its card inside the hostile page.
    await chat.locator('textarea').fill('Må vi låse hoveddøren om natten? Hun har demens og bor på botilbud');
    await chat.locator('textarea').press('Enter');
    await expect.poll(() => chat.locator('.card').isVisible(), { timeout: 30_000 }).toBe(true);
    const card = await chat.locator('.card .headline').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { transform: cs.textTransform, visibility: cs.visibility, spacing: cs.letterSpacing };
    });
    expect(card).toEqual({ transform: 'none', visibility: 'visible', spacing: 'normal' });
    await shot(page, 'embed-02-panel-answer');

    // Only the widget: the hostile host page has its own (deliberate) contrast failures.
    const violations = await runAxe(page, { include: [['hjemmel-launcher']] });
    console.log(`[axe] embedded widget with answer: ${axeSummary(violations)}`);
    expect(seriousOrCritical(violations), JSON.stringify(seriousOrCritical(violations), null, 1)).toEqual([]);

    // Escape closes the panel and returns focus to the launcher.
    await chat.locator('textarea').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => chat.isVisible()).toBe(false);
    expect(await launch.getAttribute('aria-expanded')).toBe('false');
    expect((await focused(page)).cls).toBe('launch');

    // Our styles do not leak out: the host paragraph keeps the host's own rules.
    const host = await page.locator('p.host-text').evaluate((el) => getComputedStyle(el).color);
    expect(host).toBe('rgb(255, 0, 0)');
  });

  it('shows a Danish error when the API key is refused, and keeps the question', async () => {
    await openHost('/host-badkey', hostPage(server.url, '', 'data-api-key="hjm_pk_unknown"'));
    await page.locator('hjemmel-launcher .launch').click();
    const chat = page.locator('hjemmel-launcher hjemmel-chat');
    expect(await chat.getAttribute('api-key')).toBe('hjm_pk_unknown');
    await chat.locator('textarea').fill('Hvad er magtanvendelse?');
    await chat.locator('textarea').press('Enter');
    const alert = chat.locator('[role="alert"]');
    await expect.poll(() => alert.isVisible(), { timeout: 10_000 }).toBe(true);
    expect((await alert.textContent())!.length).toBeGreaterThan(5);
    expect(await chat.locator('textarea').inputValue()).toBe('Hvad er magtanvendelse?');
    await shot(page, 'embed-05-refused-key');
  });

  it('renders <hjemmel-chat> inline on a hostile page without a launcher', async () => {
    await openHost(
      '/host-inline',
      hostPage(server.url, '<hjemmel-chat style="--hjemmel-height: 560px"></hjemmel-chat>'),
    );
    const chat = page.locator('hjemmel-chat');
    await expect.poll(() => chat.locator('textarea').isVisible()).toBe(true);
    expect(await page.locator('hjemmel-launcher').count()).toBe(0);
    const box = await chat.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(500);
    await chat.locator('textarea').fill('Hvornår skal en magtanvendelse registreres?');
    await chat.locator('.send').click();
    await expect.poll(() => chat.locator('article.msg.bot .actions').count(), { timeout: 30_000 }).toBe(1);
    expect(await chat.locator('article.msg.bot .body').isVisible()).toBe(true);
    await shot(page, 'embed-03-inline');
  });

  it('works at 320 px as a full-screen panel', async () => {
    await page.setViewportSize({ width: 320, height: 600 });
    await openHost('/host-small', hostPage(server.url, ''));
    await page.locator('hjemmel-launcher .launch').click();
    const chat = page.locator('hjemmel-launcher hjemmel-chat');
    await expect.poll(() => chat.locator('textarea').isVisible()).toBe(true);
    const box = await chat.boundingBox();
    expect(box).toMatchObject({ x: 0, width: 320 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot(page, 'embed-04-320px');
    // The panel's close button returns focus to the launcher.
    await chat.getByRole('button', { name: 'Luk Hjemmel' }).click();
    expect((await focused(page)).cls).toBe('launch');
  });
});
