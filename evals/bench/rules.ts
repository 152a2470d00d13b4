/**
 * Rule evaluator benchmark: median and p95 µs per `evaluate` over every request of test/rules/cases/*.json
 * whose measure is implemented. Prints a small table (per outcome and overall). Run: npm run bench:rules
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluate, implementedMeasures, type MeasureId } from '../../src/rules/index.ts';

const DIR = join(import.meta.dirname, '..', '..', 'test', 'rules', 'cases');
const ROUNDS = Number(process.env.ROUNDS ?? 200);

const requests: unknown[] = [];
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.json'))) {
  for (const c of JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { request: { measure: string } }[]) {
    if (implementedMeasures.includes(c.request.measure as MeasureId)) requests.push(c.request);
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

// Warm-up (JIT), then timed rounds; each sample is one evaluate call.
for (let i = 0; i < 20; i++) for (const r of requests) evaluate(r);
const byOutcome = new Map<string, number[]>();
const all: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const r of requests) {
    const t0 = performance.now();
    const v = evaluate(r);
    const us = (performance.now() - t0) * 1000;
    all.push(us);
    const list = byOutcome.get(v.outcome) ?? [];
    list.push(us);
    byOutcome.set(v.outcome, list);
  }
}

const rows = [...byOutcome.entries()].sort(([a], [b]) => a.localeCompare(b));
rows.push(['ALL', all]);
console.log(`evaluate(): ${requests.length} case requests × ${ROUNDS} rounds`);
console.log(
  `${'outcome'.padEnd(32)}${'n'.padStart(8)}${'median µs'.padStart(12)}${'p95 µs'.padStart(10)}${'max µs'.padStart(10)}`,
);
for (const [name, xs] of rows) {
  const s = [...xs].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(32)}${String(s.length).padStart(8)}${quantile(s, 0.5).toFixed(1).padStart(12)}${quantile(s, 0.95)
      .toFixed(1)
      .padStart(10)}${(s[s.length - 1] ?? 0).toFixed(1).padStart(10)}`,
  );
}
