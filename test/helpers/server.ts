import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Started, type StartOptions, startServer } from '../../src/server/index.ts';

/** Starts the real server in-process on a free port with a fresh SQLite file; waits until ready. */
export async function startTestServer(opts: Partial<StartOptions> = {}): Promise<Started & { dbPath: string }> {
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), 'hjemmel-')), 'test.sqlite');
  const started = await startServer({ port: 0, dbPath, env: {}, log: () => {}, ...opts });
  await started.ready;
  return { ...started, dbPath };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields ad hoc and assert each one.
  return { status: res.status, json: json as Record<string, any>, text, headers: res.headers };
}
