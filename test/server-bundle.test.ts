/**
 * The production start (`npm start` = `node .build/bundle/main.mjs`, src/server/bundle.ts) is one esbuild bundle;
 * every module must still find its own data files and the lazily loaded SDKs must work inside it. Built into a
 * throw-away folder under .build/ and run as a real process: ready, the pages, the widget (built by the server
 * with esbuild at start-up), a rule verdict, a quiz, and an LLM call to a fake OpenAI-compatible server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../src/server/bundle.ts';
import { type FakeOpenAI, startFakeOpenAI } from './helpers/fake-openai.ts';
import { freePort } from './helpers/postgres.ts';

const ROOT = join(import.meta.dirname, '..');
const EXTRACTION = JSON.stringify({ route: 'rule_evaluator', measure: null, facts: [] });

async function startBundle(file: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const db = join(mkdtempSync(join(tmpdir(), 'hjemmel-bundle-')), 'b.sqlite');
  const child = spawn(process.execPath, [file], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HJEMMEL_DB: db, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c) => {
    stderr += c;
  });
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bundle exited ${child.exitCode}: ${stderr}`);
    if (Date.now() - t0 > 60_000) throw new Error(`bundle not ready: ${stderr}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the bundled production server', () => {
  let dir = '';
  let file = '';
  const children: ChildProcess[] = [];
  let fake: FakeOpenAI;

  beforeAll(async () => {
    // Inside the project, so the external native addons resolve from its node_modules.
    mkdirSync(join(ROOT, '.build'), { recursive: true });
    dir = mkdtempSync(join(ROOT, '.build', 'test-bundle-'));
    file = join(dir, 'main.mjs');
    await bundleServer(file);
    fake = await startFakeOpenAI(() => EXTRACTION);
  }, 120_000);

  afterAll(async () => {
    for (const c of children) c.kill();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves pages, widget, rules and quiz offline', async () => {
    const { url, child } = await startBundle(file, {});
    children.push(child);
    for (const path of ['/', '/widget.js', '/docs', '/api/v1/openapi.json', '/quiz'])
      expect((await fetch(`${url}${path}`)).status, path).toBe(200);
    const chat = await fetch(`${url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Må vi låse yderdøren om natten? Hun har demens og går ud og fryser.' }),
    });
    const json = (await chat.json()) as { route: string; verdict?: { measure: string }; citations: unknown[] };
    expect(json.route).toBe('rule_evaluator');
    expect(json.verdict?.measure).toBe('lock_own_home_exterior');
    expect(json.citations.length).toBeGreaterThan(0);
    const quiz = await fetch(`${url}/api/v1/quiz/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ length: 3 }),
    });
    expect(quiz.status).toBe(201);
  }, 90_000);

  it('loads the openai SDK on first use inside the bundle (fake OpenAI-compatible server)', async () => {
    const { url, child } = await startBundle(file, { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test' });
    children.push(child);
    const chat = await fetch(`${url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Må vi holde hende fast, mens vi børster hendes tænder?' }),
    });
    expect(chat.status).toBe(200);
    expect(fake.requests.some((r) => r.path.endsWith('/chat/completions'))).toBe(true);
  }, 90_000);
});
