/**
 * Near-duplicate detection across sources: the same law text is quoted in the law excerpt, the guidance
 * and the handbook. Units from different sources whose word 4-gram shingle sets have Jaccard >= threshold
 * are grouped; the group is led by the most authoritative source (lowest rank), then current status.
 */
import type { SourceMeta, Unit } from '../corpus/types.ts';
import { normalize } from './analyzer.ts';

function shingles(text: string, n = 4): Set<string> {
  const words = normalize(text).match(/[a-zæøå0-9§]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

const STATUS_ORDER: Record<string, number> = { gældende: 0, udkast: 1, baggrund: 2, ophævet: 3 };

/** Returns groups of unit indices (only groups with 2+ members), each sorted leader first. */
export function findDuplicateGroups(units: Unit[], sources: SourceMeta[], threshold = 0.6): number[][] {
  const rank = new Map(sources.map((s) => [s.id, s.rank]));
  const sets = units.map((u) => shingles(u.text));
  const postings = new Map<string, number[]>();
  sets.forEach((s, i) => {
    if (s.size < 3) return;
    for (const sh of s) {
      const p = postings.get(sh);
      if (p) p.push(i);
      else postings.set(sh, [i]);
    }
  });
  const parent = units.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < units.length; i++) {
    const si = sets[i]!;
    if (si.size < 3) continue;
    const overlap = new Map<number, number>();
    for (const sh of si) {
      const p = postings.get(sh)!;
      // Very common shingles (boilerplate) say nothing about duplication.
      if (p.length > 60) continue;
      for (const j of p) if (j > i) overlap.set(j, (overlap.get(j) ?? 0) + 1);
    }
    for (const [j, inter] of overlap) {
      if (units[j]!.sourceId === units[i]!.sourceId) continue;
      const jac = inter / (si.size + sets[j]!.size - inter);
      if (jac >= threshold) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < units.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const key = (i: number) => {
    const u = units[i]!;
    return [rank.get(u.sourceId) ?? 9, STATUS_ORDER[u.status] ?? 9, u.text.length, i];
  };
  const cmp = (a: number, b: number) => {
    const ka = key(a);
    const kb = key(b);
    for (let x = 0; x < ka.length; x++) if (ka[x] !== kb[x]) return ka[x]! - kb[x]!;
    return 0;
  };
  return [...groups.values()]
    .filter((g) => g.length > 1 && new Set(g.map((i) => units[i]!.sourceId)).size > 1)
    .map((g) => g.sort(cmp));
}
