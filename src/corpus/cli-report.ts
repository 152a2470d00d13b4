/**
 * `npm run corpus:report [-- --json]`: units per source, the guidance's share of unrecognised
 * tokens before and after OCR repair, the 50 most frequent tokens still unrecognised, ingest time.
 */
import { loadCorpus } from './index.ts';
import { ingest } from './ingest.ts';
import { repairText, unknownTokenStats } from './ocr-repair.ts';
import { readRawSource } from './sources.ts';
import { joinHyphenation } from './text.ts';

export interface CorpusReport {
  units: number;
  unitsPerSource: Record<string, number>;
  guidanceUnknownShareBefore: number;
  guidanceUnknownShareAfter: number;
  topUnknown: { token: string; count: number }[];
}

export function corpusReport(): { report: CorpusReport; ingestMs: number; tokens: number } {
  // Ingest time of a full run (dictionary load included), without writing anything.
  const t0 = performance.now();
  ingest();
  const ingestMs = performance.now() - t0;
  const corpus = loadCorpus();
  const unitsPerSource: Record<string, number> = {};
  for (const s of corpus.sources) unitsPerSource[s.id] = 0;
  for (const u of corpus.units) unitsPerSource[u.sourceId] = (unitsPerSource[u.sourceId] ?? 0) + 1;
  // Measured over the whole guidance text, hyphenated line breaks joined in both cases.
  const raw = joinHyphenation(readRawSource('vejl2025'));
  const before = unknownTokenStats(raw);
  const after = unknownTokenStats(repairText(raw).text);
  return {
    report: {
      units: corpus.units.length,
      unitsPerSource,
      guidanceUnknownShareBefore: before.share,
      guidanceUnknownShareAfter: after.share,
      topUnknown: after.top.slice(0, 50),
    },
    ingestMs,
    tokens: after.total,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2).replace('.', ',')} %`;

function main(args: string[]): void {
  const { report, ingestMs, tokens } = corpusReport();
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`Korpus: ${report.units} enheder (indlæst på ${(ingestMs / 1000).toFixed(2).replace('.', ',')} s)`);
  for (const [id, n] of Object.entries(report.unitsPerSource)) out.push(`  ${id.padEnd(12)} ${n}`);
  out.push('');
  out.push(`Vejledningen (vejl2025): ${tokens} ord (bogstaver, mindst 2 tegn)`);
  out.push(`  ukendte ord før reparation:  ${pct(report.guidanceUnknownShareBefore)}`);
  out.push(`  ukendte ord efter reparation: ${pct(report.guidanceUnknownShareAfter)} (mål: højst 2 %)`);
  out.push('');
  out.push('De 50 hyppigste ord, der stadig ikke genkendes:');
  out.push(`  ${report.topUnknown.map((t) => `${t.token} (${t.count})`).join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main(process.argv.slice(2));
