/**
 * Search benchmark: `npm run bench:search [-- --json]`.
 * Each engine runs in its own child process (clean RSS): index build time, index load time (from its
 * serialised form on disk), query latency over the evaluation questions (median, p95; after one warm-up
 * pass) and RSS. Prints Hjemmel against MiniSearch, Orama and lunr with ratios.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/index.ts';
import { buildParts, openIndex } from '../../src/search/index.ts';
import { Searcher } from '../../src/search/searcher.ts';
import {
  buildLunr,
  buildMiniSearch,
  buildOrama,
  type Engine,
  hjemmelEngine,
  loadLunr,
  loadMiniSearch,
  loadOrama,
  loadQuestions,
  lunrEngine,
  miniSearchEngine,
  oramaEngine,
  saveOrama,
} from '../retrieval/engines.ts';

const ENGINES = ['hjemmel', 'minisearch', 'orama', 'lunr'] as const;
type EngineName = (typeof ENGINES)[number];

interface EngineResult {
  engine: string;
  buildMs: number;
  loadMs: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  queries: number;
  rssMb: number;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

async function measure(name: EngineName): Promise<EngineResult> {
  const corpus = loadCorpus();
  const units = corpus.units;
  const questions = loadQuestions();
  let engine: Engine;
  let buildMs: number;
  let loadMs: number;
  const tmp = mkdtempSync(join(tmpdir(), 'hjemmel-bench-'));
  try {
    if (name === 'hjemmel') {
      // Build: everything the on-disk index holds (analyzer lexicon, BM25, duplicates, vectors + HNSW graph).
      let t = performance.now();
      await buildParts(corpus);
      buildMs = performance.now() - t;
      await openIndex(); // make sure the saved index for this corpus exists
      t = performance.now();
      const { parts, info } = await openIndex();
      loadMs = performance.now() - t;
      if (info.built) throw new Error('index was rebuilt instead of loaded');
      engine = hjemmelEngine('Hjemmel', new Searcher(parts));
    } else if (name === 'minisearch') {
      let t = performance.now();
      const ms = buildMiniSearch(units);
      buildMs = performance.now() - t;
      writeFileSync(join(tmp, 'ms.json'), JSON.stringify(ms));
      t = performance.now();
      const loaded = loadMiniSearch(readFileSync(join(tmp, 'ms.json'), 'utf8'));
      loadMs = performance.now() - t;
      engine = miniSearchEngine(loaded, units);
    } else if (name === 'orama') {
      let t = performance.now();
      const db = await buildOrama(units);
      buildMs = performance.now() - t;
      writeFileSync(join(tmp, 'orama.json'), saveOrama(db));
      t = performance.now();
      const loaded = loadOrama(readFileSync(join(tmp, 'orama.json'), 'utf8'));
      loadMs = performance.now() - t;
      engine = oramaEngine(loaded, units);
    } else {
      let t = performance.now();
      const idx = buildLunr(units);
      buildMs = performance.now() - t;
      writeFileSync(join(tmp, 'lunr.json'), JSON.stringify(idx));
      t = performance.now();
      const loaded = loadLunr(readFileSync(join(tmp, 'lunr.json'), 'utf8'));
      loadMs = performance.now() - t;
      engine = lunrEngine(loaded, units);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const q of questions) engine.search(q.q, 10); // warm-up
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const q of questions) {
      const t = performance.now();
      engine.search(q.q, 10);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return {
    engine: engine.name,
    buildMs,
    loadMs,
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    queries: times.length,
    rssMb: process.memoryUsage().rss / 2 ** 20,
  };
}

const args = process.argv.slice(2);
const childIdx = args.indexOf('--engine');
if (childIdx >= 0) {
  const name = args[childIdx + 1] as EngineName;
  process.stdout.write(`${JSON.stringify(await measure(name))}\n`);
} else {
  loadCorpus(); // build the corpus once before the children start
  const results: EngineResult[] = ENGINES.map((e) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--engine', e], {
      encoding: 'utf8',
      env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(out.trim().split('\n').pop()!) as EngineResult;
  });
  const hj = results[0]!;
  const targets = { p95Under10ms: hj.p95Ms < 10, loadUnder1s: hj.loadMs < 1000, buildUnder30s: hj.buildMs < 30_000 };
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ results, targets }, null, 1)}\n`);
  } else {
    const f = (x: number, d = 2) => x.toFixed(d).padStart(9);
    const lines = [
      `Search benchmark: ${hj.queries / 3} questions x 3 passes (after warm-up), k=10, offline`,
      '',
      `${'engine'.padEnd(26)}   p50 ms    p95 ms   mean ms  build ms   load ms    RSS MB`,
      ...results.map(
        (r) =>
          `${r.engine.padEnd(26)}${f(r.p50Ms, 3)}${f(r.p95Ms, 3)}${f(r.meanMs, 3)}${f(r.buildMs, 0)}${f(r.loadMs, 0)}${f(r.rssMb, 0)}`,
      ),
      '',
      'Ratios Hjemmel / library (p50, p95, build, load, RSS)',
      ...results
        .slice(1)
        .map(
          (r) =>
            `${r.engine.padEnd(26)}${f(hj.p50Ms / r.p50Ms)}${f(hj.p95Ms / r.p95Ms)}${f(hj.buildMs / r.buildMs)}${f(hj.loadMs / r.loadMs)}${f(hj.rssMb / r.rssMb)}`,
        ),
      '',
      `Targets: p95 < 10 ms: ${targets.p95Under10ms ? 'ja' : 'NEJ'}; load < 1 s: ${targets.loadUnder1s ? 'ja' : 'NEJ'}; build < 30 s: ${targets.buildUnder30s ? 'ja' : 'NEJ'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
