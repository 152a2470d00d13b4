// biome-ignore-all lint/suspicious/noExplicitAny: JSON answers of the API under test
/** Shared helpers of the journal-API tests (test/api*.test.ts): an in-process server and key creation. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore } from '../src/keys/index.ts';
import { type Started, startServer } from '../src/server/index.ts';

export interface TestServer extends Started {
  dbPath: string;
  logs: string[];
  keys: KeyStore;
}

export async function startApiServer(env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'hjemmel-api-')), 'test.sqlite');
  const logs: string[] = [];
  const started = await startServer({ port: 0, dbPath, env, log: (m) => logs.push(m) });
  await started.ready;
  return { ...started, dbPath, logs, keys: new KeyStore(started.state.services!.store) };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export async function call(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(url, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Asserts the shared error shape and returns the code. */
export function errorCode(r: Reply): string {
  const e = r.json?.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string')
    throw new Error(`not the shared error shape (${r.status}): ${r.text.slice(0, 200)}`);
  return e.code;
}
