/**
 * A throw-away PostgreSQL server for tests: HJEMMEL_TEST_DATABASE_URL when set, else Debian's postgresql
 * binaries (/usr/lib/postgresql/<v>/bin) run on a free loopback port with a data directory under /tmp
 * (as the `postgres` user when the tests run as root, since initdb refuses root). `startPostgres()`
 * resolves to undefined, with the reason, when no server can be started: callers skip with that message.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A URL for a fresh, empty database on the server. */
  newDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function pgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return;
    } catch (err) {
      await c.end().catch(() => {});
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let counter = 0;

function manager(adminUrl: string, stop: () => Promise<void>): TestPostgres {
  return {
    async newDatabase() {
      const name = `hjemmel_test_${process.pid}_${Date.now()}_${counter++}`;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop,
  };
}

export async function startPostgres(): Promise<TestPostgres | { skip: string }> {
  const given = process.env['HJEMMEL_TEST_DATABASE_URL'];
  if (given) {
    try {
      await waitFor(given, 5000);
    } catch (err) {
      return { skip: `HJEMMEL_TEST_DATABASE_URL does not answer: ${err instanceof Error ? err.message : err}` };
    }
    return manager(given, async () => {});
  }
  const bin = pgBin();
  if (!bin)
    return { skip: 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)' };
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hjemmel-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asPg = (cmd: string, args: string[]): [string, string[]] =>
    root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  try {
    const [c, a] = asPg(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    execFileSync(c, a, { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `initdb failed: ${err instanceof Error ? err.message.split('\n')[0] : err}` };
  }
  const port = await freePort();
  const [c, a] = asPg(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${dir}`,
    '-c',
    'fsync=off',
    '-c',
    'max_connections=200',
  ]);
  const proc: ChildProcess = spawn(c, a, { stdio: 'ignore' });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(url, 20_000);
  } catch (err) {
    await stop();
    return { skip: `PostgreSQL did not start: ${err instanceof Error ? err.message : err}` };
  }
  return manager(url, stop);
}
