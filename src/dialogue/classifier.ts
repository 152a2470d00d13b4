/**
 * A supervised text classifier over stemmed Danish words and character n-grams, trained deterministically on the
 * labelled bank's train split (`npm run bank:train` writes src/dialogue/model/classifier.json). Two model kinds:
 * multinomial naive Bayes and multinomial logistic regression (softmax, L2, fixed-order SGD); the trainer compares
 * them on the dev split and keeps the better one. Two heads: the route (rule_evaluator / retrieval / out_of_scope)
 * and the measure (for messages about one act). Scores are probabilities (softmax), used by the ranker in rank.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sourceDir } from '../runtime/index.ts';

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(w: string): string } };
const stemmer = snowball.newStemmer('danish');

/**
 * Folds spelling variants staff use without a Danish keyboard onto one form: æ/ae → ae, ø/oe → oe, å/aa → aa,
 * so "låse døren" and "laase doeren" share features. Lower case, letters and digits only.
 */
export function foldSpelling(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[éè]/g, 'e');
}

const featureCache = new Map<string, string[]>();

/** Features of a training text, computed once per text during training. */
function trainingFeatures(text: string): string[] {
  let f = featureCache.get(text);
  if (!f) {
    f = features(text);
    featureCache.set(text, f);
  }
  return f;
}

export function features(text: string): string[] {
  const folded = foldSpelling(text);
  const words = folded.match(/[a-z0-9§]+/g) ?? [];
  const out: string[] = [];
  let prev = '';
  for (const w of words) {
    const s = stemmer.stem(w);
    out.push(`w:${s}`);
    if (prev) out.push(`b:${prev}_${s}`);
    prev = s;
    const padded = `<${w}>`;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
  }
  return out;
}

export interface HeadModel {
  kind: 'nb' | 'lr';
  labels: string[];
  /** Feature → index into each label's weight row. */
  vocab: Record<string, number>;
  /** labels.length rows of vocab size (nb: log P(feature|label); lr: weights). */
  weights: number[][];
  /** Per label: nb log prior; lr bias. */
  bias: number[];
  /** Softmax temperature (naive Bayes log-likelihoods are over-confident; fit on dev by the trainer). */
  temperature: number;
}

export interface ClassifierModel {
  version: 1;
  trainedOn: { conversations: number; sha1: string };
  route: HeadModel;
  measure: HeadModel;
}

export interface Scored {
  label: string;
  p: number;
}

export function predict(head: HeadModel, feats: string[]): Scored[] {
  const counts = new Map<number, number>();
  for (const f of feats) {
    const i = head.vocab[f];
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const xs = head.kind === 'nb' ? [...counts.keys()].map((i) => [i, 1] as const) : lrInput(counts);
  const scores = head.labels.map((_, k) => {
    let s = head.bias[k]!;
    const row = head.weights[k]!;
    for (const [i, x] of xs) s += x * row[i]!;
    return s;
  });
  return softmax(scores, head.temperature)
    .map((p, k) => ({ label: head.labels[k]!, p }))
    .sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
}

/** Logistic-regression input: log(1 + count), L2-normalised. */
function lrInput(counts: Map<number, number>): Array<readonly [number, number]> {
  const xs = [...counts.entries()].map(([i, c]) => [i, Math.log1p(c)] as const);
  const norm = Math.sqrt(xs.reduce((a, [, x]) => a + x * x, 0)) || 1;
  return xs.map(([i, x]) => [i, x / norm] as const);
}

function softmax(xs: number[], temperature: number): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp((x - m) / temperature));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

// ---------------------------------------------------------------------------------------------
// Training (deterministic: examples in id order, fixed learning-rate schedule, no randomness)

export interface Example {
  text: string;
  label: string;
}

function buildVocab(examples: Example[], minCount: number): Record<string, number> {
  const df = new Map<string, number>();
  for (const e of examples) for (const f of new Set(trainingFeatures(e.text))) df.set(f, (df.get(f) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, c]) => c >= minCount).map(([f]) => f);
  kept.sort();
  return Object.fromEntries(kept.map((f, i) => [f, i]));
}

export function trainNaiveBayes(examples: Example[], alpha = 0.1): HeadModel {
  const vocab = buildVocab(examples, 2);
  const v = Object.keys(vocab).length;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const counts = labels.map(() => new Float64Array(v));
  const docs = labels.map(() => 0);
  for (const e of examples) {
    const k = labels.indexOf(e.label);
    docs[k]!++;
    // Binary counts per document (a word repeated in a long story does not dominate).
    for (const f of new Set(trainingFeatures(e.text))) {
      const i = vocab[f];
      if (i !== undefined) counts[k]![i]!++;
    }
  }
  const weights = counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0) + alpha * v;
    return Array.from(row, (c) => round(Math.log((c + alpha) / total)));
  });
  const n = examples.length;
  const bias = docs.map((d) => round(Math.log((d + 1) / (n + labels.length))));
  return { kind: 'nb', labels, vocab, weights, bias, temperature: 1 };
}

export function trainLogistic(examples: Example[], epochs = 12, l2 = 1e-4): HeadModel {
  const vocab = buildVocab(examples, 2);
  const v = Object.keys(vocab).length;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const w = labels.map(() => new Float64Array(v));
  const b = new Float64Array(labels.length);
  const data = examples.map((e) => {
    const m = new Map<number, number>();
    for (const f of trainingFeatures(e.text)) {
      const i = vocab[f];
      if (i !== undefined) m.set(i, (m.get(i) ?? 0) + 1);
    }
    return { xs: lrInput(m), y: labels.indexOf(e.label) };
  });
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = 0.5 / (1 + epoch * 0.2);
    // Deterministic order that differs per epoch: a fixed stride permutation.
    const stride = 7919 % Math.max(1, data.length) || 1;
    for (let j = 0; j < data.length; j++) {
      const d = data[(j * stride + epoch) % data.length]!;
      const z = labels.map((_, k) => {
        let s = b[k]!;
        const row = w[k]!;
        for (const [i, x] of d.xs) s += row[i]! * x;
        return s;
      });
      const p = softmax(z, 1);
      for (let k = 0; k < labels.length; k++) {
        const g = p[k]! - (k === d.y ? 1 : 0);
        const row = w[k]!;
        for (const [i, x] of d.xs) row[i] = row[i]! * (1 - lr * l2) - lr * g * x;
        b[k] = b[k]! - lr * g;
      }
    }
  }
  return {
    kind: 'lr',
    labels,
    vocab,
    weights: w.map((row) => Array.from(row, round)),
    bias: Array.from(b, round),
    temperature: 1,
  };
}

/**
 * Fits a head's softmax temperature on held-out examples: the value from a fixed grid with the lowest log-loss
 * (naive Bayes log-likelihoods are over-confident). Sets it on the head and returns it.
 */
export function fitTemperature(head: HeadModel, examples: Example[]): number {
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (const t of [0.25, 0.5, 1, 2, 3, 5, 8, 12, 20, 30, 50]) {
    head.temperature = t;
    let loss = 0;
    for (const e of examples) {
      const p = predict(head, features(e.text)).find((s) => s.label === e.label)?.p ?? 1e-9;
      loss -= Math.log(Math.max(p, 1e-9));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  head.temperature = best;
  return best;
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

// ---------------------------------------------------------------------------------------------
// The shipped model

const MODEL_FILE = join(sourceDir(import.meta.dirname), 'model', 'classifier.json');
let loaded: ClassifierModel | null | undefined;

/** The trained model, or null when none has been trained (the ranker then uses the lexicon alone). */
export function classifier(): ClassifierModel | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(MODEL_FILE) ? (JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as ClassifierModel) : null;
  return loaded;
}

export function classify(text: string): { route: Scored[]; measure: Scored[] } | null {
  const m = classifier();
  if (!m) return null;
  const f = features(text);
  return { route: predict(m.route, f), measure: predict(m.measure, f) };
}
