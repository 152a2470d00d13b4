/**
 * `npm run bank:train`: trains the dialogue classifier (src/dialogue/classifier.ts) on evals/bank/train.jsonl,
 * compares naive Bayes and logistic regression on evals/bank/dev.jsonl per head (route, measure), keeps the better
 * one, fits its softmax temperature on dev (lowest log-loss) and writes src/dialogue/model/classifier.json.
 * Deterministic: same bank → byte-identical model. Never reads the test split.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ClassifierModel,
  type Example,
  features,
  fitTemperature,
  type HeadModel,
  predict,
  trainLogistic,
  trainNaiveBayes,
} from '../../src/dialogue/classifier.ts';
import { glossEnglish } from '../../src/dialogue/english.ts';
import { restoreDanishLetters } from '../../src/dialogue/lexicon.ts';
import { loadSplit } from './bank.ts';
import type { BankLine } from './schema.ts';

const started = performance.now();
const train = loadSplit('train');
// The fourth writer's dev lines (w4) are never fitted on, not even to choose a model or a temperature: they stay an
// honest estimate of how the classifier carries to a writer it has not seen.
const dev = loadSplit('dev').filter((l) => l.writer !== 'w4');
if (!train.length) {
  console.error('evals/bank/train.jsonl is empty: run npm run bank:import first');
  process.exit(1);
}

/** Each turn is an example for the route head with the line's route only when it is the first turn; the measure head learns from every turn. */
function examples(lines: BankLine[], head: 'route' | 'measure'): Example[] {
  const out: Example[] = [];
  for (const l of lines) {
    // The same reading of the words as the conversation's (English glossed into Danish, aa/oe/ae restored).
    const read = (m: string) => restoreDanishLetters(glossEnglish(m));
    const first = read(l.turns[0]!.message);
    const all = l.turns.map((t) => read(t.message)).join('\n');
    if (head === 'route') {
      if (l.turns.length === 1) out.push({ text: first, label: l.expect.route });
      else if (l.expect.route !== 'rule_evaluator') out.push({ text: all, label: l.expect.route });
      else out.push({ text: first, label: l.expect.route });
    } else if (l.expect.measure) {
      out.push({ text: all, label: l.expect.measure });
    }
  }
  return out;
}

function accuracy(head: HeadModel, ex: Example[]): number {
  if (!ex.length) return 0;
  let ok = 0;
  for (const e of ex) if (predict(head, features(e.text))[0]!.label === e.label) ok++;
  return ok / ex.length;
}

const heads: Partial<Record<'route' | 'measure', HeadModel>> = {};
for (const name of ['route', 'measure'] as const) {
  const tr = examples(train, name);
  const dv = examples(dev, name);
  const nb = trainNaiveBayes(tr);
  const lr = trainLogistic(tr);
  const tNb = fitTemperature(nb, dv);
  const tLr = fitTemperature(lr, dv);
  const aNb = accuracy(nb, dv);
  const aLr = accuracy(lr, dv);
  console.log(
    `${name}: naive Bayes dev ${(aNb * 100).toFixed(1)} % (T=${tNb}), logistic regression dev ${(aLr * 100).toFixed(1)} % (T=${tLr}); ${tr.length} train / ${dv.length} dev examples`,
  );
  heads[name] = aLr >= aNb ? lr : nb;
}

const trainText = readFileSync(join(import.meta.dirname, 'train.jsonl'));
const model: ClassifierModel = {
  version: 1,
  trainedOn: { conversations: train.length, sha1: createHash('sha1').update(trainText).digest('hex') },
  route: heads.route!,
  measure: heads.measure!,
};
// `--out <file>` writes elsewhere (the test compares a fresh training with the shipped model).
const oi = process.argv.indexOf('--out');
const file =
  oi >= 0 && process.argv[oi + 1]
    ? process.argv[oi + 1]!
    : join(import.meta.dirname, '..', '..', 'src', 'dialogue', 'model', 'classifier.json');
writeFileSync(file, `${JSON.stringify(model)}\n`);
console.log(
  `kept route=${model.route.kind}, measure=${model.measure.kind}; wrote ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
