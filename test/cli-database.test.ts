/**
 * Every CLI command that opens the database says which one on stderr and honours HJEMMEL_DATABASE_URL (PostgreSQL)
 * before HJEMMEL_DB (SQLite): `keys`, `purge` and `ask`. The PostgreSQL half runs on a throw-away server
 * (test/helpers/postgres.ts) and is skipped, with the reason, only when none can be started.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../src/keys/index.ts';
import { Store } from '../src/store/index.ts';
import { startPostgres, type TestPostgres } from './helpers/postgres.ts';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'hjemmel-cli-db-'));
let pgServer: TestPostgres | undefined;
let pgSkip = '';

function cli(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const clean = { ...process.env };
  delete clean['HJEMMEL_DB'];
  delete clean['HJEMMEL_DATABASE_URL'];
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...clean, ...env },
    input: '',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const started = await startPostgres();
  if ('skip' in started) {
    pgSkip = started.skip;
    console.warn(`[cli-database] PostgreSQL half SKIPPED: ${started.skip}`);
  } else pgServer = started;
}, 60_000);

afterAll(async () => {
  await pgServer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI: which database', () => {
  it('names the SQLite file of HJEMMEL_DB for keys and purge', () => {
    const db = join(dir, 'cli.sqlite');
    const keys = cli(['keys', 'create', '--name', 'nexus', '--origins', 'https://a.example', '--json'], {
      HJEMMEL_DB: db,
    });
    expect(keys.status, keys.stderr).toBe(0);
    expect(keys.stderr).toContain(`Database / database: ${db} (HJEMMEL_DB)`);
    const purge = cli(['purge', '--json'], { HJEMMEL_DB: db });
    expect(purge.status, purge.stderr).toBe(0);
    expect(purge.stderr).toContain(`${db} (HJEMMEL_DB)`);
  }, 60_000);

  it('uses HJEMMEL_DATABASE_URL before HJEMMEL_DB, and never prints its password', async (ctx) => {
    if (!pgServer) return ctx.skip(`PostgreSQL unavailable: ${pgSkip}`);
    const url = await pgServer.newDatabase();
    // The test server trusts loopback, so a password in the URL is accepted and ignored.
    const withPassword = url.replace(/:\/\/([^@/:]+)@/, '://$1:hemmeligt@');
    expect(withPassword).toContain(':hemmeligt@');
    const decoy = join(dir, 'decoy.sqlite');
    const keys = cli(['keys', 'create', '--name', 'pg-client', '--origins', 'https://b.example', '--json'], {
      HJEMMEL_DATABASE_URL: withPassword,
      HJEMMEL_DB: decoy,
    });
    expect(keys.status, keys.stderr).toBe(0);
    expect(keys.stderr).toContain('(HJEMMEL_DATABASE_URL)');
    expect(keys.stderr).toContain(url.split('@').pop()!);
    expect(keys.stderr).toContain(':***@');
    expect(keys.stderr).not.toContain('hemmeligt');
    const id = JSON.parse(keys.stdout).id as string;
    // The key is in PostgreSQL, not in the SQLite file HJEMMEL_DB names.
    const pgStore = await Store.open(url);
    try {
      expect((await new KeyStore(pgStore).list()).map((k) => k.id)).toContain(id);
    } finally {
      await pgStore.close();
    }
    const sqlite = await Store.open(decoy);
    try {
      expect(await new KeyStore(sqlite).list()).toEqual([]);
    } finally {
      await sqlite.close();
    }
    const purge = cli(['purge', '--json'], { HJEMMEL_DATABASE_URL: url });
    expect(purge.status, purge.stderr).toBe(0);
    expect(purge.stderr).toContain('(HJEMMEL_DATABASE_URL)');
  }, 90_000);
});
