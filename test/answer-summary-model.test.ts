/**
 * The summary scorer (src/answer/summary.ts): its candidates are whole, verbatim, quotable sentences of the passages
 * within the summary's length, and the shipped scorer is what `npm run train:summary` produces on the current
 * data: the same model file byte for byte, or no model file when the learned scorer does not beat the hand-set
 * one on dev (then the product uses the hand-set weights).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestSentence, quotable, sentences } from '../src/answer/index.ts';
import {
  FEATURES,
  HAND_WEIGHTS,
  handWeights,
  pick,
  SUMMARY_MAX,
  SUMMARY_MODEL_FILE,
  summaryCandidates,
  summaryModel,
} from '../src/answer/summary.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { getSearcher } from '../src/search/index.ts';

const root = join(import.meta.dirname, '..');
const corpus = loadCorpus();

describe('summary candidates', () => {
  // Questions written for this test (not from an eval set).
  const questions = [
    'Hvor længe må en afgørelse om stofseler gælde?',
    'Hvem skal modtage indberetningen af en fastholdelse?',
    'Hvad forstås ved magtanvendelse?',
  ];

  it.each(questions)('are whole quotable sentences of their passage, at most SUMMARY_MAX characters: %s', async (q) => {
    const searcher = await getSearcher();
    const units = searcher
      .searchSync(q, { k: 5 })
      .map((h) => corpus.unit(h.id)!)
      .filter(Boolean);
    const cands = summaryCandidates(q, units, corpus);
    expect(cands.length).toBeGreaterThan(0);
    for (const c of cands) {
      expect(c.x).toHaveLength(FEATURES.length);
      expect(c.x.every(Number.isFinite)).toBe(true);
      expect(c.sentence.length).toBeLessThanOrEqual(SUMMARY_MAX);
      const at = c.unit.text.indexOf(c.sentence);
      expect(at).toBeGreaterThanOrEqual(0);
      const bounds = sentences(c.unit.text);
      expect(bounds.some((b) => b.start === at)).toBe(true);
      expect(bounds.some((b) => b.end === at + c.sentence.length)).toBe(true);
      expect(quotable(c.sentence)).toBe(true);
    }
    // The product's choice is the best candidate under the shipped scorer.
    const best = pick(cands, summaryModel()?.weights ?? handWeights())!;
    expect(bestSentence(q, units, corpus)?.sentence).toBe(best.sentence);
  });

  it('gives the hand-set priors as log weights: an answer-type sentence scores ×3', () => {
    const w = handWeights();
    const j = FEATURES.indexOf('answerType');
    expect(Math.exp(w[j]!)).toBeCloseTo(3, 10);
    expect(Object.keys(HAND_WEIGHTS).every((f) => (FEATURES as readonly string[]).includes(f))).toBe(true);
    // A duration question: a sentence with a duration gets the answer-type feature, one without does not.
    const u = corpus.units.find((x) => /\b\d+ måneder\b/u.test(x.text) && /stofsele/iu.test(x.text))!;
    const cands = summaryCandidates('Hvor længe gælder en afgørelse om stofsele?', [u], corpus);
    const typed = cands.filter((c) => c.x[j] === 1);
    expect(typed.length).toBeGreaterThan(0);
    for (const c of typed)
      expect(/\d+\s*(?:måneder|uger|dage|timer|år)|varighed|periode/iu.test(c.sentence)).toBe(true);
  });
});

describe('shipped summary scorer', () => {
  it('is what a fresh training on the same data produces (same bytes, or no model on both sides)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hjemmel-summary-')), 'summary.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'evals/answers/train-summary.ts', '--out', out, '--quiet'], {
      cwd: root,
      stdio: 'pipe',
    });
    const fresh = existsSync(out) ? readFileSync(out, 'utf8') : null;
    const shipped = existsSync(SUMMARY_MODEL_FILE) ? readFileSync(SUMMARY_MODEL_FILE, 'utf8') : null;
    expect(fresh).toBe(shipped);
  }, 300_000);
});
