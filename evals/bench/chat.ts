/**
 * `npm run bench:chat`: drives the offline /api/v1/chat route with autocannon at concurrency 16 and
 * reports p50/p95 latency, requests/s and errors. Targets: p95 < 50 ms, ≥ 300 req/s, zero errors.
 * Requests cycle through a mix of rule, retrieval and out-of-scope questions (each a new session).
 * First, in process: the language layer's time per message over the bank's train and dev messages: the
 * classifier (features + route and measure heads), the question-kind head, and the whole ranking (lexicon +
 * classifier), median and p95 (target for the added latency: under 2 ms per message).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { classify } from '../../src/dialogue/classifier.ts';
import { questionTypeScores } from '../../src/dialogue/question-type.ts';
import { rank } from '../../src/dialogue/rank.ts';
import { loadSplit } from '../bank/bank.ts';

const MESSAGES = [
  'Må vi låse hoveddøren om natten? Hun har demens og bor på et botilbud.',
  'Må vi spænde ham fast i kørestolen med en sele, fordi han er urolig?',
  'Må vi holde hende fast, mens vi børster hendes tænder? Hun har demens og modsætter sig.',
  'Må vi bruge GPS på en beboer med demens?',
  'Hvem kan man klage til over en afgørelse om stofseler?',
  'Hvad er fristen for at registrere en fastholdelse?',
  'Må vi give ham medicin skjult i maden?',
  'Hvad bliver vejret i morgen?',
];

const duration = Number(process.env['BENCH_SECONDS'] ?? 10);

/** Milliseconds per message of `fn` over `messages`: median and p95 over 3 rounds (the first round warms up). */
function perMessage(messages: string[], fn: (m: string) => unknown): { median: number; p95: number } {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const m of messages) {
      const t0 = performance.now();
      fn(m);
      const dt = performance.now() - t0;
      if (round > 0) times.push(dt);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
  return { median: at(0.5), p95: at(0.95) };
}
const bankMessages = [...loadSplit('train'), ...loadSplit('dev')].map((l) => l.turns[0]!.message);
const understanding = {
  messages: bankMessages.length,
  classifierMs: perMessage(bankMessages, classify),
  questionKindMs: perMessage(bankMessages, questionTypeScores),
  rankMs: perMessage(bankMessages, rank),
};
/** A free port on loopback. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

// The server runs in its own process (as in production), the load generator in this one.
const port = await freePort();
// The per-client rate limit (600/min for anonymous local use by default) is policy, not capacity:
// lift it so the benchmark measures the chat route itself.
const env: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  PORT: String(port),
  HOME: process.env['HOME'],
  HJEMMEL_ANON_RATE: '100000000',
  HJEMMEL_ACCESS_LOG: '0',
};
env['HJEMMEL_DB'] = join(mkdtempSync(join(tmpdir(), 'hjemmel-bench-')), 'bench.sqlite');
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const started = { url: `http://127.0.0.1:${port}` };
for (let t = 0; ; t++) {
  const ok = await fetch(`${started.url}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (t > 600) throw new Error('server did not become ready');
  await new Promise((r) => setTimeout(r, 100));
}
// Warm up every code path once.
for (const message of MESSAGES) {
  await fetch(`${started.url}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  });
}

let i = 0;
const result = await autocannon({
  url: `${started.url}/api/v1/chat`,
  connections: 16,
  duration,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ message: MESSAGES[i++ % MESSAGES.length] }) }),
    },
  ],
});
const rss = await fetch(`${started.url}/healthz`).then((r) => r.json());
child.kill('SIGTERM');

const out = {
  connections: 16,
  durationSeconds: duration,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99 },
  errors: result.errors + result.non2xx + result.timeouts,
  statusCodes: result.statusCodeStats,
  serverRssMB: rss.rssMB as number | undefined,
  understanding,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
else {
  console.log(`bench:chat — offline /api/v1/chat, autocannon, ${out.connections} connections, ${duration} s`);
  console.log(`  requests/s        ${out.requestsPerSecond}   (target ≥ 300)`);
  console.log(`  latency p50       ${out.latencyMs.p50} ms`);
  console.log(`  latency p97.5     ${out.latencyMs.p97_5} ms   (autocannon reports p97.5/p99; target p95 < 50 ms)`);
  console.log(`  latency p99       ${out.latencyMs.p99} ms`);
  console.log(`  errors            ${out.errors}   (target 0)`);
  console.log(`  server RSS        ${out.serverRssMB} MB`);
  const u = out.understanding;
  console.log(`language layer, in process, per message (${u.messages} bank train+dev messages; median / p95):`);
  console.log(
    `  classifier (route + measure heads)  ${u.classifierMs.median} / ${u.classifierMs.p95} ms   (target < 2 ms)`,
  );
  console.log(`  question-kind head                  ${u.questionKindMs.median} / ${u.questionKindMs.p95} ms`);
  console.log(`  ranking (lexicon + classifier)      ${u.rankMs.median} / ${u.rankMs.p95} ms`);
}
