/**
 * Summary-sentence selection. `summaryCandidates` lists the quotable sentences (and adjacent pairs) of the
 * passages an informational answer rests on, each with cheap features; a scorer picks one. The hand-set scorer
 * (`HAND_WEIGHTS`, the priors chosen in the first round of the answer evaluation) is a log-linear model over these
 * features; a learned model (`src/answer/model/summary.json`, trained by `npm run train:summary`,
 * evals/answers/train-summary.ts) has the same form and replaces it only when it exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusIndex } from '../corpus/index.ts';
import type { Unit } from '../corpus/types.ts';
import { sourceDir } from '../runtime/index.ts';
import { contentTerms, isHeadingOnly, quotable, sentenceScore, sentences } from './quote.ts';

/** Rule-cited units considered for the summary at most. */
export const RULE_UNITS_MAX = 3;

/** The longest summary shown whole (the chat response's `summary` holds at most 300 characters). */
export const SUMMARY_MAX = 300;

/** Stemmed question words that say how something is asked, not what about ("hvor længe", "give lov", …). */
const FILLER_TERMS = new Set(
  [
    'længe',
    'lang',
    'tid',
    'gang',
    'give',
    'nye',
    'efter',
    'før',
    'gøre',
    'går',
    'bruge',
    'brugt',
    'ad',
    'sig',
    'vil',
    'bede',
    'fortælle',
    'sag',
  ].flatMap((w) => contentTerms(w)),
);

/** Answer types read off the question, and what a sentence of that type contains. */
const ANSWER_TYPES: Array<{ question: RegExp; sentence: RegExp }> = [
  {
    question: /\bhvor\s+(?:længe|lang\s+tid)\b/iu,
    sentence: /\b\d+\s*(?:måneder|uger|dage|timer|år)\b|\bvarighed|\bperiode/iu,
  },
  {
    question: /\b(?:hvornår|frist(?:en)?)\b/iu,
    sentence: /\b(?:senest|straks|inden|frist|hurtigst|\d+\s*(?:måneder|uger|dage|timer|år))\b/iu,
  },
  {
    question: /\bhvem\b|\bhvor\b.*\bklage/iu,
    sentence:
      /\b(?:kommunalbestyrelsen|ankestyrelsen|nævnet|familieretshuset|lederen|personalelederen|socialtilsynet|kommunen|byrådet|regionsrådet|personalet|politiet)\b/iu,
  },
];

/** Sentences that define a term. */
const DEFINITION_RE = /\b(?:forstås|defineres|betyder|menes|omfatter|er en|er et|er når)\b/iu;

const idfCache = new WeakMap<CorpusIndex, (term: string) => number>();

/** Inverse document frequency of content terms over the corpus units (rare terms say what is asked about). */
export function idf(corpus: CorpusIndex): (term: string) => number {
  let f = idfCache.get(corpus);
  if (!f) {
    const df = new Map<string, number>();
    for (const u of corpus.units) for (const t of new Set(contentTerms(u.text))) df.set(t, (df.get(t) ?? 0) + 1);
    const n = corpus.units.length;
    f = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
    idfCache.set(corpus, f);
  }
  return f;
}

/**
 * The features of a candidate, in model order. The first seven are the hand-set scorer's (its priors as
 * log factors); the rest are further cheap signals the learned scorer may use.
 */
export const FEATURES = [
  /** log of the idf-weighted match of the question's terms, damped by length: sum / (terms + 4)^0.25. */
  'logMatch',
  /** log(1 − 0.08 · rank) of the candidate's passage (rule-cited units rank 0). */
  'logRank',
  /** Fewer than 8 words. */
  'short',
  /** Binding text: the act or an executive order in force. */
  'binding',
  /** Two adjacent sentences. */
  'pair',
  /** The sentence has the asked answer type (a duration, a deadline, an authority). */
  'answerType',
  /** A definition, for a "hvad er" question. */
  'definition',
  /** Share of the question's idf mass the candidate matches. */
  'coverage',
  /** Share of the question's idf mass the passage's heading path matches. */
  'headingCoverage',
  /** Share of the question's idf mass the whole passage matches. */
  'passageCoverage',
  /** Adjacent question-term pairs that are adjacent in the candidate too. */
  'bigrams',
  /** The passage is one of the rule data's citations for the question type and measure. */
  'fromRules',
  /** The passage is the top search hit. */
  'rank0',
  /** The draft guidance. */
  'draft',
  /** The handbook. */
  'handbook',
  /** A repealed source. */
  'repealed',
  /** The candidate opens its passage. */
  'lead',
  /** log(1 + words). */
  'logWords',
  /** The candidate ends with a question mark (a heading or a question the guidance asks). */
  'question',
  /** The candidate holds a number. */
  'digit',
  /** The candidate holds a section sign. */
  'section',
  /** The candidate starts with a lower-case letter, a digit or a bullet (a list item or a fragment). */
  'fragmentStart',
  /** The passage's search score relative to the top hit's (0 for a rule-cited unit not among the hits). */
  'hitScore',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export interface SummaryCandidate {
  unit: Unit;
  sentence: string;
  /** Values in FEATURES order. */
  x: number[];
}

/** The hand-set scorer: the priors of the first round (×1.6 binding, ×3 answer type, …) as log weights. */
export const HAND_WEIGHTS: Readonly<Partial<Record<FeatureName, number>>> = {
  logMatch: 1,
  logRank: 1,
  short: Math.log(0.7),
  binding: Math.log(1.6),
  pair: Math.log(1.1),
  answerType: Math.log(3),
  definition: Math.log(1.5),
};

export function handWeights(): number[] {
  return FEATURES.map((f) => HAND_WEIGHTS[f] ?? 0);
}

/**
 * Every candidate summary among `units` (ranked passages, rule-cited ones first): each quotable sentence of at
 * most SUMMARY_MAX characters, and each such pair of adjacent sentences of one paragraph, that matches at least
 * one of the question's terms.
 */
export function summaryCandidates(
  question: string,
  units: readonly Unit[],
  corpus?: CorpusIndex,
  /** The first `ranked0` units are not ranked by search (the rule data's citations): no rank discount. */
  ranked0 = 0,
  /** Search scores by unit id, relative to the top hit's (absent: 1 for every unit). */
  hitScores?: ReadonlyMap<string, number>,
): SummaryCandidate[] {
  const qTerms = contentTerms(question).filter((t) => !FILLER_TERMS.has(t));
  const q = new Set(qTerms);
  const weight = corpus ? idf(corpus) : () => 1;
  let qMass = 0;
  for (const t of q) qMass += weight(t);
  const bigramsQ = new Set<string>();
  for (let i = 1; i < qTerms.length; i++) bigramsQ.add(`${qTerms[i - 1]} ${qTerms[i]}`);
  const mass = (terms: Iterable<string>) => {
    let m = 0;
    for (const t of new Set(terms)) if (q.has(t)) m += weight(t);
    return qMass ? m / qMass : 0;
  };
  const definitional = /^\s*(?:hvad\s+(?:er|betyder|menes|forstås)|what\s+is)\b/iu.test(question);
  const answerType = ANSWER_TYPES.find((a) => a.question.test(question));
  const rules = Math.min(ranked0, RULE_UNITS_MAX);
  const out: SummaryCandidate[] = [];
  units.forEach((u, i0) => {
    if (isHeadingOnly(u)) return;
    const rank = Math.max(0, i0 - rules);
    const binding = (u.sourceId === 'sel' || u.sourceId.startsWith('bek')) && u.status !== 'ophævet';
    const headingCoverage = mass(contentTerms(u.headingPath.join(' ')));
    const passageCoverage = mass(contentTerms(u.text));
    const hitScore = hitScores ? (hitScores.get(u.id) ?? 0) : 1;
    const sents = sentences(u.text);
    sents.forEach((s, i) => {
      const one = u.text.slice(s.start, s.end);
      // The summary is shown whole (at most SUMMARY_MAX characters): a longer sentence would be cut.
      if (!quotable(one) || one.length > SUMMARY_MAX) return;
      const next = sents[i + 1];
      const two = next ? u.text.slice(s.start, next.end) : '';
      const pairOk =
        !!next && two.length <= SUMMARY_MAX && quotable(u.text.slice(next.start, next.end)) && !/\n\s*\n/u.test(two);
      for (const text of pairOk ? [one, two] : [one]) {
        const match = sentenceScore(text, q, weight, 0.25);
        if (!(match > 0)) continue;
        const terms = contentTerms(text);
        let bigrams = 0;
        for (let j = 1; j < terms.length; j++) if (bigramsQ.has(`${terms[j - 1]} ${terms[j]}`)) bigrams++;
        const nWords = (text.match(/\p{L}+/gu) ?? []).length;
        const f: Record<FeatureName, number> = {
          logMatch: Math.log(match),
          logRank: Math.log(1 - 0.08 * rank),
          short: nWords < 8 ? 1 : 0,
          binding: binding ? 1 : 0,
          pair: text === two ? 1 : 0,
          answerType: answerType?.sentence.test(text) ? 1 : 0,
          definition: definitional && DEFINITION_RE.test(text) ? 1 : 0,
          coverage: mass(terms),
          headingCoverage,
          passageCoverage,
          bigrams,
          fromRules: i0 < rules ? 1 : 0,
          rank0: i0 === rules ? 1 : 0,
          draft: u.status === 'udkast' ? 1 : 0,
          handbook: u.sourceId.startsWith('hb') ? 1 : 0,
          repealed: u.status === 'ophævet' ? 1 : 0,
          lead: i === 0 ? 1 : 0,
          logWords: Math.log(1 + nWords),
          question: /\?\s*$/u.test(text) ? 1 : 0,
          digit: /\d/u.test(text) ? 1 : 0,
          section: text.includes('§') ? 1 : 0,
          fragmentStart: /^[\p{Ll}\d•\-–]/u.test(text) ? 1 : 0,
          hitScore,
        };
        out.push({ unit: u, sentence: text, x: FEATURES.map((n) => f[n]) });
      }
    });
  });
  return out;
}

/** A learned summary scorer: log-linear weights over FEATURES (the hand-set scorer has the same form). */
export interface SummaryModel {
  version: 1;
  features: string[];
  weights: number[];
  /** What it was trained and chosen on, for the record. */
  trainedOn: { questions: number; sha1: string };
  l2: number;
  dev: { hand: number; learned: number; questions: number };
}

export const SUMMARY_MODEL_FILE = join(sourceDir(import.meta.dirname), 'model', 'summary.json');

let loaded: SummaryModel | null | undefined;

/** The shipped learned scorer, or null when none is shipped (the hand-set scorer is used). */
export function summaryModel(): SummaryModel | null {
  if (loaded !== undefined) return loaded;
  const m = existsSync(SUMMARY_MODEL_FILE)
    ? (JSON.parse(readFileSync(SUMMARY_MODEL_FILE, 'utf8')) as SummaryModel)
    : null;
  // A model over other features than these is stale: fall back to the hand-set scorer.
  loaded = m && m.features.join() === FEATURES.join() ? m : null;
  return loaded;
}

export function linearScore(w: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i]! * x[i]!;
  return s;
}

/** The best candidate under the weights (the first of equal scores), or undefined when there is none. */
export function pick(cands: readonly SummaryCandidate[], w: readonly number[]): SummaryCandidate | undefined {
  let best: SummaryCandidate | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of cands) {
    const s = linearScore(w, c.x);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/** Observes each summary choice's candidates (the training script records them; unset in the product). */
export const summaryObserver: { observe?: (question: string, candidates: SummaryCandidate[]) => void } = {};
