/**
 * `npm run bench:instances`: chat throughput of 1 and of 2 instances on one PostgreSQL (a throw-away
 * cluster under /tmp, as in the tests), and of 1 instance on the embedded SQLite file for comparison.
 * autocannon drives offline /api/v1/chat at 16 connections in all, split over the instances; each request
 * is a new session (session insert, audit entry, record snapshot, rate-limit bucket: all in the database).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startPostgres } from '../../test/helpers/postgres.ts';

const MESSAGES = [
  'Må vi låse hoveddøren om natten? Hun har demens og bor på et botilbud.',
  'Må vi spænde ham fast i kørestolen med en sele, fordi han er urolig?',
  'Må vi bruge GPS på en beboer med demens?',
  'Hvem kan man klage til over en afgørelse om stofseler?',
  'Hvad bliver vejret i morgen?',
];
const duration = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = 16;

async function startInstance(env: NodeJS.ProcessEnv): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      PORT: String(port),
      HJEMMEL_ANON_RATE: '100000000',
      HJEMMEL_ACCESS_LOG: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let t = 0; ; t++) {
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (t > 600) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const message of MESSAGES)
    await fetch(`${url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message }),
    });
  return { url, proc };
}

async function drive(urls: string[]): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  let i = 0;
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/api/v1/chat`,
        connections: CONNECTIONS / urls.length,
        duration,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ message: MESSAGES[i++ % MESSAGES.length] }) }),
          },
        ],
      }),
    ),
  );
  return {
    rps: Math.round(results.reduce((n, r) => n + r.requests.average, 0)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0),
  };
}

const rows: Array<{ setup: string } & Awaited<ReturnType<typeof drive>>> = [];
const sqlite = await startInstance({ HJEMMEL_DB: join(mkdtempSync(join(tmpdir(), 'hjemmel-bench-')), 'b.sqlite') });
rows.push({ setup: '1 instance, SQLite', ...(await drive([sqlite.url])) });
sqlite.proc.kill('SIGTERM');

const pg = await startPostgres();
if ('skip' in pg) console.log(`PostgreSQL rows skipped: ${pg.skip}`);
else {
  try {
    const url = await pg.newDatabase();
    const a = await startInstance({ HJEMMEL_DATABASE_URL: url });
    rows.push({ setup: '1 instance, PostgreSQL', ...(await drive([a.url])) });
    const b = await startInstance({ HJEMMEL_DATABASE_URL: url });
    rows.push({ setup: '2 instances, PostgreSQL', ...(await drive([a.url, b.url])) });
    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
  } finally {
    await new Promise((r) => setTimeout(r, 500));
    await pg.stop();
  }
}

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log(`bench:instances — offline /api/v1/chat, ${CONNECTIONS} connections in all, ${duration} s each`);
  for (const r of rows)
    console.log(
      `  ${r.setup.padEnd(26)} ${String(r.rps).padStart(5)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   errors ${r.errors}`,
    );
}
