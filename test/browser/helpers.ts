/**
 * Shared helpers for the real-browser tests: Debian's Chromium driven by playwright-core, the server
 * started in-process on port 0 with a temp SQLite file, screenshots under test-artifacts/, and axe-core.
 *
 * Without /usr/bin/chromium the browser tests skip with a message, unless CI is set: in CI they must run
 * (.ci/run installs Chromium), so a missing browser fails there.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';

export const CHROMIUM_PATH = process.env['HJEMMEL_CHROMIUM'] ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', '..', 'test-artifacts');

/** True when the browser tests should be skipped (no Chromium and not in CI). Logs why, once. */
export const skipBrowser: boolean = (() => {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env['CI']) return false; // launchBrowser() then fails loudly
  console.warn(
    `[browser tests] SKIPPED: ${CHROMIUM_PATH} not found. Install it with: apt-get install -y --no-install-recommends chromium`,
  );
  return true;
})();

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium is required for the browser tests (CI is set) but ${CHROMIUM_PATH} is missing`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
export { startTestServer };

export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page (tests expect none). */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The shared browser-test fixture: the server and Chromium started together, one context (da-DK) and page,
 * page errors collected. Call in beforeAll; `close()` in afterAll.
 */
export async function openBrowserSession(
  viewport: { width: number; height: number },
  opts: { permissions?: string[] } = {},
): Promise<BrowserSession> {
  const [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const context = await browser.newContext({ viewport, locale: 'da-DK' });
  if (opts.permissions) await context.grantPermissions(opts.permissions, { origin: server.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    server,
    browser,
    context,
    page,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Writes a full-page screenshot to test-artifacts/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/**
 * Injects axe-core into the page and runs it (WCAG 2.0/2.1 A and AA rules plus best practices).
 * axe descends into open shadow roots. Returns every violation; callers filter by impact.
 */
export async function runAxe(page: Page, context: unknown = undefined): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (ctx) => {
    const axe = (
      globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(ctx ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, context);
}

/** The violations that fail the tests: impact serious or critical. */
export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A one-line summary of axe results for logs and the report. */
export function axeSummary(violations: AxeViolation[]): string {
  if (!violations.length) return 'no violations';
  return violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} node(s))`).join('; ');
}
