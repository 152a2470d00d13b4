/**
 * `npm run bench:start`: spawn → ready of the production start (`node .build/bundle/main.mjs`, the esbuild bundle of
 * `npm run build:server`) against the tsc-compiled modules and the development start through tsx, with a built corpus and index. Each run
 * spawns a fresh process on a free port and polls /readyz every 5 ms; the median of RUNS runs is reported.
 * Target (issue 15): under 1 s for the production start.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleServer } from '../../src/server/bundle.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const ROOT = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function readyAfter(args: string[]): Promise<number> {
  const port = await freePort();
  const db = join(mkdtempSync(join(tmpdir(), 'hjemmel-bench-')), 'bench.sqlite');
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HJEMMEL_DB: db },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 60_000) throw new Error(`not ready after 60 s: ${args.join(' ')}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (r.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const build = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
if (build.status !== 0) throw new Error('npm run build:server failed');
const compiled = join(ROOT, '.build/src/server/main.js');
if (!existsSync(compiled)) throw new Error(`${compiled} missing`);
const { outfile: bundle } = await bundleServer();

// One warm-up run builds the corpus and the index if they are missing (not measured).
await readyAfter([bundle]);
const prod: number[] = [];
const tscRuns: number[] = [];
const dev: number[] = [];
for (let i = 0; i < RUNS; i++) {
  prod.push(await readyAfter([bundle]));
  tscRuns.push(await readyAfter([compiled]));
  dev.push(await readyAfter(['--import', 'tsx', 'src/server/main.ts']));
}
const p = median(prod);
const c = median(tscRuns);
const d = median(dev);
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
console.log(`spawn → /readyz, median of ${RUNS} runs (built corpus and index):`);
console.log(`  production (npm start: esbuild bundle) ${p.toFixed(0)} ms  [${list(prod)}]`);
console.log(`  compiled modules (tsc, .build/src)     ${c.toFixed(0)} ms  [${list(tscRuns)}]`);
console.log(`  development (tsx)                      ${d.toFixed(0)} ms  [${list(dev)}]`);
console.log(
  `  ratio tsc/bundle ${(c / p).toFixed(2)}×, tsx/bundle ${(d / p).toFixed(2)}×   target: production under 1000 ms: ${p < 1000 ? 'ja' : 'NEJ'}`,
);
