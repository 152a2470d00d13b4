/** `npm run ingest`: rebuilds corpus/build/units.json from corpus/sources and prints a summary. */
import { buildCorpus, UNITS_FILE } from './index.ts';

const t0 = performance.now();
const corpus = buildCorpus();
const ms = Math.round(performance.now() - t0);
const perSource = new Map<string, number>();
for (const u of corpus.units) perSource.set(u.sourceId, (perSource.get(u.sourceId) ?? 0) + 1);
console.log(
  `Korpus bygget / corpus built: ${corpus.units.length} units, hash ${corpus.hash}, ${ms} ms → ${UNITS_FILE}`,
);
for (const s of corpus.sources)
  console.log(
    `  ${s.id.padEnd(12)} ${String(perSource.get(s.id) ?? 0).padStart(4)}  ${s.status.padEnd(9)} ${s.shortTitle}`,
  );
