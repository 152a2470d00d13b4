/**
 * Staff-to-source term associations learnt from labelled messages: for each staff message of the bank's
 * training split, the terms of the message and the terms of the source passage that justifies its label. A
 * query term t is expanded with the passage terms u whose probability given t clearly exceeds their base rate
 * (lift), so everyday words reach the law's words without a hand-written list. Deterministic: same bank, same
 * file. Built by `npm run learn:expansions`; read at index build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from '../runtime/index.ts';
import type { Analyzer } from './analyzer.ts';

export const LEARNED_FILE = join(sourceDir(import.meta.dirname), 'learned-expansions.json');

export interface LearnedFile {
  description: string;
  trainedOn: { pairs: number; split: string };
  /** query term -> [[passage term, weight 0..1], …], strongest first */
  expansions: Record<string, [string, number][]>;
}

export interface TrainingPair {
  message: string;
  evidence: string;
}

/** Learns the associations (at most `perTerm` per query term, each seen together at least `minCount` times). */
export function learnExpansions(
  pairs: readonly TrainingPair[],
  analyzer: Analyzer,
  opts: { minCount?: number; perTerm?: number; minLift?: number } = {},
): Record<string, [string, number][]> {
  const minCount = opts.minCount ?? 3;
  const perTerm = opts.perTerm ?? 3;
  const minLift = opts.minLift ?? 0.15;
  const qCount = new Map<string, number>();
  const eCount = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  for (const p of pairs) {
    const q = new Set(analyzer.terms(p.message));
    const e = new Set(analyzer.terms(p.evidence));
    for (const u of e) eCount.set(u, (eCount.get(u) ?? 0) + 1);
    for (const t of q) {
      qCount.set(t, (qCount.get(t) ?? 0) + 1);
      let m = co.get(t);
      if (!m) {
        m = new Map();
        co.set(t, m);
      }
      for (const u of e) if (u !== t) m.set(u, (m.get(u) ?? 0) + 1);
    }
  }
  const n = pairs.length || 1;
  const out: Record<string, [string, number][]> = {};
  for (const t of [...co.keys()].sort()) {
    const ct = qCount.get(t)!;
    const cands: [string, number][] = [];
    for (const [u, c] of co.get(t)!) {
      if (c < minCount) continue;
      const lift = c / ct - (eCount.get(u) ?? 0) / n;
      if (lift >= minLift) cands.push([u, Math.round(lift * 1000) / 1000]);
    }
    cands.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (cands.length) out[t] = cands.slice(0, perTerm);
  }
  return out;
}

export function loadLearned(path = LEARNED_FILE): LearnedFile | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LearnedFile;
  } catch {
    return null;
  }
}

/** Expansion terms for analysed query terms: term -> weight (0..1), excluding the query's own terms. */
export function expandLearned(file: LearnedFile | null, terms: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (!file) return out;
  const own = new Set(terms);
  for (const t of own) {
    for (const [u, w] of file.expansions[t] ?? []) {
      if (own.has(u)) continue;
      out.set(u, Math.max(out.get(u) ?? 0, w));
    }
  }
  return out;
}
