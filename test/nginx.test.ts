/**
 * deploy/nginx.conf in front of a real instance, through a real nginx (its own prefix under the temp
 * folder; ports rewritten): readiness, the client address from X-Forwarded-For with
 * HJEMMEL_TRUST_PROXY=loopback, and the chat's server-sent events passed through. Skipped, with a message,
 * only when nginx is not installed or cannot start here (.ci/run installs it).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApiServer, type TestServer } from './api-helpers.ts';

const SITE = join(import.meta.dirname, '..', 'deploy', 'nginx.conf');

function nginxBinary(): string | undefined {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const bin = nginxBinary();
if (!bin) console.warn('[nginx.test] skipped: nginx is not installed (apt-get install nginx; .ci/run does it)');

describe.skipIf(!bin)('behind nginx (deploy/nginx.conf)', () => {
  let srv: TestServer;
  let nginx: ChildProcess | undefined;
  let front = '';
  let skipReason = '';

  beforeAll(async () => {
    srv = await startApiServer({ HJEMMEL_TRUST_PROXY: 'loopback' });
    const upstream = new URL(srv.url).port;
    const port = await freePort();
    const prefix = mkdtempSync(join(tmpdir(), 'hjemmel-nginx-'));
    const site = readFileSync(SITE, 'utf8')
      .replace(/^\s*server 127\.0\.0\.1:300[23] .*\n/gm, '')
      .replace(/server 127\.0\.0\.1:3001/, `server 127.0.0.1:${upstream}`)
      .replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
    expect(site).toContain(`127.0.0.1:${upstream}`);
    writeFileSync(join(prefix, 'site.conf'), site);
    writeFileSync(
      join(prefix, 'nginx.conf'),
      [
        'daemon off;',
        'master_process off;',
        `pid ${join(prefix, 'nginx.pid')};`,
        `error_log ${join(prefix, 'error.log')};`,
        'events {}',
        `http { access_log off; client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy;`,
        `  fastcgi_temp_path ${prefix}/fcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;`,
        `  include ${join(prefix, 'site.conf')}; }`,
      ].join('\n'),
    );
    nginx = spawn(bin!, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'ignore' });
    front = `http://127.0.0.1:${port}`;
    if (!(await waitFor(`${front}/readyz`, 5000))) {
      const log = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
      skipReason = `nginx did not start: ${log.trim().split('\n').at(-1) ?? 'no error log'}`;
      console.warn(`[nginx.test] skipped: ${skipReason}`);
    }
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await srv?.close();
  });

  it('answers /readyz through the proxy', async (ctx) => {
    if (skipReason) ctx.skip();
    const r = await call(`${front}/readyz`);
    expect(r.status).toBe(200);
  });

  it('takes the client address from X-Forwarded-For: nginx on loopback is local, a forged remote client is not', async (ctx) => {
    if (skipReason) ctx.skip();
    expect((await call(`${front}/admin/feedback`)).status).toBe(200);
    const forged = await call(`${front}/admin/feedback`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(forged.status).toBe(403);
  });

  it('passes the chat server-sent events through: deltas add up to the final answer', async (ctx) => {
    if (skipReason) ctx.skip();
    const res = await fetch(`${front}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: 'Må vi låse hoveddøren om natten? Hun har demens og bor på et botilbud.' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = (await res.text())
      .trim()
      .split('\n\n')
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
      }));
    const deltas = events.filter((e) => e.event === 'delta');
    const final = events.at(-1)!;
    expect(deltas.length).toBeGreaterThan(1);
    expect(final.event).toBe('final');
    expect(deltas.map((d) => d.data.text).join('')).toBe(final.data.answer);
  });
});
