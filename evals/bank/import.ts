/**
 * `npm run bank:import [-- --staging <dir>]`: copies the labelled message bank written by independent writers
 * (default /work/bank-staging, or $HJEMMEL_BANK_STAGING) into evals/bank/{train,dev,test}.jsonl.
 *
 * - Every line is validated against the writers' contract (the staging folder's validate.py rules, re-implemented
 *   here with the rules' own schemas); invalid lines are dropped and counted, never repaired.
 * - Writers w1 and w2 are split BY SCENARIO into train (~80 %) and dev (~20 %) with a stable hash of the scenario id,
 *   so variants of one situation never straddle the split. Writer w3 is the held-out TEST split, copied unread
 *   (only counts are printed; nothing is tuned on it).
 * - Writer w4 (a second cross-writer set, 2026-12-03) is all dev: a writer the classifier never trains on, so dev
 *   measures generalisation to a new writer, as test does.
 * - A writer whose folder is missing from the staging folder keeps the lines it already has in the split files
 *   (importing one new writer never loses the others).
 * - Output is sorted by id, so the same staging bank always gives byte-identical files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BankLine, validateBankLine } from './schema.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const staging = flag('--staging') ?? process.env['HJEMMEL_BANK_STAGING'] ?? '/work/bank-staging';
const outDir = import.meta.dirname;

const SPLIT_OF_WRITER: Record<string, 'trainDev' | 'dev' | 'test'> = {
  w1: 'trainDev',
  w2: 'trainDev',
  w3: 'test',
  w4: 'dev',
};

/** Stable split: the first 32 bits of sha1(scenario) modulo 100; below 80 is train. */
export function splitOf(scenario: string): 'train' | 'dev' {
  const h = createHash('sha1').update(scenario).digest().readUInt32BE(0);
  return h % 100 < 80 ? 'train' : 'dev';
}

if (!existsSync(staging)) {
  console.error(`Staging folder not found / mappen findes ikke: ${staging}`);
  process.exit(1);
}

const out: Record<'train' | 'dev' | 'test', BankLine[]> = { train: [], dev: [], test: [] };
const seen = new Set<string>();
let invalid = 0;
let duplicates = 0;
for (const [writer, kind] of Object.entries(SPLIT_OF_WRITER)) {
  const dir = join(staging, writer);
  if (!existsSync(dir)) {
    // Keep what the split files already hold for this writer (read as data, not shown).
    for (const split of ['train', 'dev', 'test'] as const) {
      const file = join(outDir, `${split}.jsonl`);
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const l = JSON.parse(line) as BankLine;
        if (l.writer === writer && !seen.has(l.id)) {
          seen.add(l.id);
          out[split].push(l);
        }
      }
    }
    continue;
  }
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      const parsed = validateBankLine(line);
      if (!parsed.ok) {
        invalid++;
        // Problems name the file and the rule broken, never the message text (test lines stay unread).
        if (kind !== 'test') console.error(`  ${writer}/${file}: ${parsed.error}`);
        continue;
      }
      if (seen.has(parsed.line.id)) {
        duplicates++;
        continue;
      }
      seen.add(parsed.line.id);
      out[kind === 'trainDev' ? splitOf(parsed.line.scenario) : kind].push(parsed.line);
    }
  }
}

for (const [split, lines] of Object.entries(out)) {
  lines.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  writeFileSync(
    join(outDir, `${split}.jsonl`),
    lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : ''),
  );
}
console.log(
  `bank: train ${out.train.length}, dev ${out.dev.length}, test ${out.test.length} conversations` +
    ` (${invalid} invalid line(s) dropped, ${duplicates} duplicate id(s) skipped)`,
);
