/**
 * `npm run bank:train` (second step): trains the question-kind head (src/dialogue/question-type.ts) on the
 * informational lines of evals/bank/train.jsonl, compares naive Bayes and logistic regression on the dev data
 * (the bank's dev split without w4, and evals/retrieval/dev-writers.jsonl, a second independent writer), keeps the better
 * one, fits its temperature on dev, and chooses the acceptance threshold on dev: the lowest at which at least 90 % of
 * the accepted kinds that lead to a direct answer are right. Deterministic; never reads a test split.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTION_TYPES } from '../../src/answer/direct.ts';
import {
  type Example,
  features,
  fitTemperature,
  type HeadModel,
  predict,
  trainLogistic,
  trainNaiveBayes,
} from '../../src/dialogue/classifier.ts';
import { QUESTION_TYPE_MODEL_FILE, type QuestionTypeModel } from '../../src/dialogue/question-type.ts';
import { loadSplit } from './bank.ts';

const started = performance.now();
// As for the classifier, the fourth writer's dev lines (w4) are never fitted on.
const informational = (split: 'train' | 'dev'): Example[] =>
  loadSplit(split)
    .filter((l) => l.writer !== 'w4' && l.expect.route === 'retrieval' && l.expect.questionType)
    .map((l) => ({ text: l.turns.map((t) => t.message).join('\n'), label: l.expect.questionType! }));
const writersFile = join(import.meta.dirname, '..', 'retrieval', 'dev-writers.jsonl');
const writers: Example[] = readFileSync(writersFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { q: string; questionType?: string })
  .filter((o) => o.questionType)
  .map((o) => ({ text: o.q, label: o.questionType! }));
const train = informational('train');
const dev = [...informational('dev'), ...writers];
const DIRECT = new Set<string>(QUESTION_TYPES);

/** Accuracy, and per threshold the accepted direct kinds (n) and how many of them are right. */
function measure(head: HeadModel, ex: Example[], threshold: number): { acc: number; n: number; ok: number } {
  let acc = 0;
  let n = 0;
  let ok = 0;
  for (const e of ex) {
    const top = predict(head, features(e.text))[0]!;
    if (top.label === e.label) acc++;
    if (DIRECT.has(top.label) && top.p >= threshold) {
      n++;
      if (top.label === e.label) ok++;
    }
  }
  return { acc: acc / ex.length, n, ok };
}

const candidates: [string, HeadModel][] = [
  ['naive Bayes', trainNaiveBayes(train)],
  ['logistic regression', trainLogistic(train)],
];
let chosen: { name: string; head: HeadModel; acc: number } | undefined;
for (const [name, head] of candidates) {
  fitTemperature(head, dev);
  const { acc } = measure(head, dev, 1);
  console.log(`question kind: ${name} dev ${(acc * 100).toFixed(1)} % (T=${head.temperature})`);
  if (!chosen || acc > chosen.acc) chosen = { name, head, acc };
}
const { head } = chosen!;
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
let threshold = THRESHOLDS[THRESHOLDS.length - 1]!;
for (const t of THRESHOLDS) {
  const r = measure(head, dev, t);
  console.log(`  threshold ${t}: ${r.n} direct kinds accepted of ${dev.length}, ${r.ok} right`);
  if (r.n && r.ok / r.n >= 0.9) {
    threshold = t;
    break;
  }
}
const model: QuestionTypeModel = {
  version: 1,
  trainedOn: {
    examples: train.length,
    sha1: createHash('sha1')
      .update(readFileSync(join(import.meta.dirname, 'train.jsonl')))
      .digest('hex'),
  },
  threshold,
  head,
};
// `--out <file>` writes elsewhere (the test compares a fresh training with the shipped model).
const oi = process.argv.indexOf('--out');
const out = oi >= 0 && process.argv[oi + 1] ? process.argv[oi + 1]! : QUESTION_TYPE_MODEL_FILE;
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `kept ${chosen!.name}, threshold ${threshold}; ${train.length} train / ${dev.length} dev examples; wrote ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
