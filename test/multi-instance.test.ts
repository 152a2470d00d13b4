/**
 * Several stateless instances on one PostgreSQL behind real nginx (deploy/nginx.conf with its upstream lines
 * pointed at 3 server processes): one database, one proxy. A conversation across instances, concurrent turns,
 * a shared rate limit, kill -9 under load and a SIGTERM drain. Skipped, with the reason printed, only if
 * PostgreSQL or nginx cannot be started.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../src/keys/index.ts';
import { Store } from '../src/store/index.ts';
import { freePort, startPostgres, type TestPostgres } from './helpers/postgres.ts';

interface Answer {
  sessionId?: string;
  recordId?: string;
  verdict?: { measure?: string };
  error?: { code?: string };
}

async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Answer }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  let json: Answer = {};
  try {
    json = JSON.parse(text) as Answer;
  } catch {
    // not JSON (e.g. nginx's 502 page)
  }
  return { status: r.status, json };
}

const ROOT = join(import.meta.dirname, '..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const ANON_RATE = 12;

interface Instance {
  port: number;
  url: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

let pgServer: TestPostgres | undefined;
let skip: string | undefined;
let dbUrl = '';
let store: Store | undefined;
let nginx: ChildProcess | undefined;
let nginxDir = '';
let proxy = '';
let bigKey = '';
const instances: Instance[] = [];

/** The server's entry (src/server/main.ts, what `npm start` runs compiled) through tsx: always this source. */
function serverCommand(): string[] {
  return ['--import', 'tsx', join(ROOT, 'src', 'server', 'main.ts')];
}

async function waitReady(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} not ready after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startInstance(port: number): Promise<Instance> {
  const proc = spawn(process.execPath, serverCommand(), {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      HJEMMEL_DATABASE_URL: dbUrl,
      HJEMMEL_ANON_RATE: String(ANON_RATE),
      HJEMMEL_TRUST_PROXY: 'loopback',
      HJEMMEL_ACCESS_LOG: '0',
      HJEMMEL_DB_POOL: '5',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { port, url: `http://127.0.0.1:${port}`, proc, exited };
}

function startNginx(ports: number[], listen: number): ChildProcess {
  nginxDir = mkdtempSync(join(tmpdir(), 'hjemmel-nginx-'));
  chmodSync(nginxDir, 0o777);
  const site = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
    .replace(/^\s*server 127\.0\.0\.1:\d+ .*$\n/gm, '')
    .replace(
      /upstream hjemmel \{\n/,
      `upstream hjemmel {\n${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;\n`).join('')}`,
    )
    .replace(/listen 8080;/, `listen 127.0.0.1:${listen};`);
  writeFileSync(join(nginxDir, 'site.conf'), site);
  writeFileSync(
    join(nginxDir, 'nginx.conf'),
    `worker_processes 2;\npid ${nginxDir}/nginx.pid;\nerror_log ${nginxDir}/error.log warn;\nevents { worker_connections 512; }\nhttp {\n  access_log off;\n  client_body_temp_path ${nginxDir}/body;\n  proxy_temp_path ${nginxDir}/proxy;\n  fastcgi_temp_path ${nginxDir}/fcgi;\n  uwsgi_temp_path ${nginxDir}/uwsgi;\n  scgi_temp_path ${nginxDir}/scgi;\n  include ${nginxDir}/site.conf;\n}\n`,
  );
  execFileSync(NGINX!, ['-t', '-p', nginxDir, '-c', join(nginxDir, 'nginx.conf')], { stdio: 'pipe' });
  return spawn(NGINX!, ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
}

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  if (!NGINX) {
    skip = 'nginx is not installed (apt-get install nginx)';
    return;
  }
  const pg = await startPostgres();
  if ('skip' in pg) {
    skip = pg.skip;
    return;
  }
  pgServer = pg;
  dbUrl = await pg.newDatabase();
  // Migrate once and make the keys the clients use (as `cli keys create` would).
  store = await Store.open(dbUrl);
  const keys = new KeyStore(store);
  bigKey = (await keys.create({ name: 'journal', origins: [], ratePerMinute: 100_000 })).key;
  const ports = [await freePort(), await freePort(), await freePort()];
  instances.push(...(await Promise.all(ports.map(startInstance))));
  await Promise.all(instances.map((i) => waitReady(i.url, 60_000)));
  const listen = await freePort();
  try {
    nginx = startNginx(ports, listen);
  } catch (err) {
    skip = `nginx could not be started: ${err instanceof Error ? err.message.split('\n')[0] : err}`;
    return;
  }
  proxy = `http://127.0.0.1:${listen}`;
  await waitReady(proxy, 10_000);
}, 180_000);

afterAll(async () => {
  for (const i of instances) if (i.proc.exitCode === null) i.proc.kill('SIGKILL');
  nginx?.kill('SIGQUIT');
  await store?.close();
  await pgServer?.stop();
  if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
});

describe('3 instances on one PostgreSQL behind nginx', () => {
  const test = (name: string, fn: () => Promise<void>, timeout?: number) =>
    it(
      name,
      async (ctx) => {
        if (skip) {
          console.warn(`[multi-instance] SKIPPED: ${skip}`);
          ctx.skip(skip);
        }
        await fn();
      },
      timeout,
    );

  test('every instance is ready and /readyz reports the PostgreSQL store', async () => {
    for (const i of instances) {
      const r = await (await fetch(`${i.url}/readyz`)).json();
      expect(r).toMatchObject({ status: 'ready', store: 'postgres' });
    }
  });

  test('a conversation whose turns land on different instances keeps its facts', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    const t1 = await postJson(
      `${a.url}/api/v1/chat`,
      { message: 'Må vi låse yderdøren om natten for en beboer?' },
      auth(bigKey),
    );
    expect(t1.status).toBe(200);
    const sessionId = t1.json.sessionId as string;
    const t2 = await postJson(`${b.url}/api/v1/chat`, { sessionId, message: 'Hun har demens.' }, auth(bigKey));
    expect(t2.status).toBe(200);
    const t3 = await postJson(`${c.url}/api/v1/chat`, { sessionId, message: 'Hun er ikke indforstået.' }, auth(bigKey));
    expect(t3.status).toBe(200);
    // Through nginx as well, and read back from any instance.
    const t4 = await postJson(
      `${proxy}/api/v1/chat`,
      { sessionId, message: 'Det er på hendes eget værelse.' },
      auth(bigKey),
    );
    expect(t4.status).toBe(200);
    for (const i of instances) {
      const s = await (await fetch(`${i.url}/api/v1/sessions/${sessionId}`, { headers: auth(bigKey) })).json();
      expect(s.turns).toHaveLength(8);
      expect(s.measure).toBe(t1.json.verdict?.measure ?? s.measure);
      expect(s.facts).toMatchObject({ impairmentCause: 'dementia' });
    }
  });

  test('concurrent turns on one session, on different instances, lose nothing', async () => {
    const first = await postJson(`${proxy}/api/v1/chat`, { message: 'Hvad siger reglerne om alarmer?' }, auth(bigKey));
    const sessionId = first.json.sessionId as string;
    const n = 9;
    const messages = Array.from({ length: n }, (_, k) => `Spørgsmål nummer ${k + 1} om døralarmer?`);
    const results = await Promise.all(
      messages.map((message, k) =>
        postJson(`${instances[k % 3]!.url}/api/v1/chat`, { sessionId, message }, auth(bigKey)),
      ),
    );
    const ok = results.filter((r) => r.status === 200).length;
    // A turn is either stored (200) or refused as a conflict (409) — never acknowledged and lost.
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(ok).toBeGreaterThanOrEqual(1);
    const s = await (await fetch(`${proxy}/api/v1/sessions/${sessionId}`, { headers: auth(bigKey) })).json();
    expect(s.turns).toHaveLength(2 + 2 * ok);
    const userTexts = (s.turns as Array<{ role: string; text: string }>)
      .filter((t) => t.role === 'user')
      .map((t) => t.text);
    results.forEach((r, k) => {
      if (r.status === 200) expect(userTexts).toContain(messages[k]);
    });
    console.log(`[multi-instance] concurrent turns: ${n} sent, ${ok} stored, ${n - ok} answered 409, 0 lost`);
  });

  test('a rate limit of N per minute holds across instances (per key and anonymous)', async () => {
    const limited = (await new KeyStore(store!).create({ name: 'limited', origins: [], ratePerMinute: 7 })).key;
    const statuses: number[] = [];
    for (let k = 0; k < 12; k++) {
      const via = k % 4 === 3 ? proxy : instances[k % 3]!.url;
      statuses.push((await fetch(`${via}/api/v1/measures`, { headers: auth(limited) })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    // Anonymous local use (HJEMMEL_ANON_RATE) straight at the instances: one allowance for all of them.
    const anon: number[] = [];
    for (let k = 0; k < ANON_RATE + 6; k++) anon.push((await fetch(`${instances[k % 3]!.url}/api/v1/measures`)).status);
    expect(anon.filter((s) => s === 200)).toHaveLength(ANON_RATE);
    expect(anon.filter((s) => s === 429)).toHaveLength(6);
  });

  test('kill -9 of one instance under load loses no acknowledged record, and nginx keeps serving', async () => {
    const acknowledged: string[] = [];
    let requests = 0;
    let failed = 0;
    let okAfterKill = 0;
    let killed = false;
    const stopAt = Date.now() + 6000;
    const worker = async (w: number) => {
      while (Date.now() < stopAt) {
        requests++;
        const body =
          w % 2
            ? { message: `Må vi låse døren for beboer nr. ${requests}, som har demens?` }
            : { measure: 'lock_own_home_exterior', facts: { impairmentCause: 'dementia' } };
        const path = w % 2 ? '/api/v1/chat' : '/api/v1/evaluate';
        try {
          const r = await postJson(`${proxy}${path}`, body, auth(bigKey));
          if (r.status === 200 && typeof r.json?.recordId === 'string') {
            acknowledged.push(r.json.recordId);
            if (killed) okAfterKill++;
          } else failed++;
        } catch {
          failed++;
        }
      }
    };
    const victim = instances[1]!;
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, 2000));
      victim.proc.kill('SIGKILL');
      killed = true;
    })();
    await Promise.all([killer, ...Array.from({ length: 6 }, (_, w) => worker(w))]);
    expect(await victim.exited).toBe(null);
    // Every acknowledged record is readable afterwards, through nginx (from the surviving instances).
    let lost = 0;
    for (const id of acknowledged) {
      const r = await fetch(`${proxy}/api/v1/records/${id}`, { headers: auth(bigKey) });
      if (r.status !== 200) lost++;
    }
    console.log(
      `[multi-instance] kill -9 under load: ${requests} requests, 1 kill, ${acknowledged.length} records acknowledged and checked, ${failed} not acknowledged, ${okAfterKill} served after the kill, lost = ${lost}`,
    );
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(okAfterKill).toBeGreaterThan(5);
    expect(lost).toBe(0);
  }, 60_000);

  test('SIGTERM drains and exits cleanly; the others keep serving', async () => {
    const inst = instances[2]!;
    const pending = postJson(`${inst.url}/api/v1/chat`, { message: 'Må vi bruge en GPS?' }, auth(bigKey));
    await new Promise((r) => setTimeout(r, 20));
    inst.proc.kill('SIGTERM');
    const r = await pending;
    expect(r.status).toBe(200);
    expect(await inst.exited).toBe(0);
    expect((await fetch(`${proxy}/api/v1/measures`, { headers: auth(bigKey) })).status).toBe(200);
  });
});
