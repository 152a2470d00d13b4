/**
 * `npx tsx evals/retrieval/experiments.ts`: retrieval ideas that were tried and NOT adopted, kept reproducible so
 * nobody has to try them again blind. Each adds a score to Hjemmel's own ranking (top 60 hits, best = 1):
 *
 * - labelled neighbours: the bank's train messages most similar to the question (BM25) vote for the units that
 *   contain their writer's evidence phrase (nearest labelled neighbours). Measured across writers: neighbours from
 *   one writer's train lines, questions from the other writer's dev lines;
 * - passages (MaxP): long units split into ~600-character passages at sentence ends, each unit scored by its best
 *   passage as well;
 * - measure prior: the units cited by the rules of the measure the language layer accepts for the question.
 *
 * Only development sets are read (dev-writers, questions, heldout, dev-bank); the test split
 * (heldout-writers.jsonl) is refused. The README of this folder records the results and why none was adopted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repairText } from '../../src/corpus/ocr-repair.ts';
import { foldForMatch } from '../../src/corpus/text.ts';
import { rank } from '../../src/dialogue/rank.ts';
import { type MeasureId, measureInfo } from '../../src/rules/index.ts';
import { Bm25 } from '../../src/search/bm25.ts';
import { getSearcher } from '../../src/search/index.ts';
import { type Engine, evaluate, loadQuestions, type Question, type RankedUnit } from './engines.ts';

const here = import.meta.dirname;
const searcher = await getSearcher();
const units = searcher.units;
const analyzer = searcher.parts.analyzer;
const indexOf = new Map(units.map((u, i) => [u.id, i]));

const query = (q: string) => {
  const m = new Map<string, number>();
  for (const t of analyzer.terms(q)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

/** Hjemmel's ranking plus `extra(q)` (unit index -> added score, relative to the best hit = 1). */
function engine(name: string, extra: (q: string) => Map<number, number>): Engine {
  return {
    name,
    search: (q, k) => {
      const hits = searcher.searchSync(q, { k: 60 });
      const best = hits[0]?.score || 1;
      const score = new Map(hits.map((h) => [indexOf.get(h.id)!, h.score / best]));
      for (const [d, v] of extra(q)) score.set(d, (score.get(d) ?? 0) + v);
      return [...score]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, k)
        .map(([d]): RankedUnit => ({ id: units[d]!.id, text: units[d]!.text, alsoIn: [] }));
    },
  };
}

// ---------- labelled neighbours ----------
interface Example {
  writer: string;
  route: string;
  terms: string[];
  targets: number[];
}
const folded = units.map((u) => ` ${foldForMatch(u.text)} `);
const examples: Example[] = [];
for (const line of readFileSync(join(here, '..', 'bank', 'train.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const o = JSON.parse(line) as {
    writer: string;
    turns: { message: string }[];
    expect: { route: string };
    evidence?: { quote?: string };
  };
  if (!o.evidence?.quote) continue;
  const phrase = foldForMatch(repairText(o.evidence.quote).text);
  const targets = folded.flatMap((t, i) => (t.includes(phrase) ? [i] : []));
  if (targets.length)
    examples.push({
      writer: o.writer,
      route: o.expect.route,
      terms: analyzer.terms(o.turns.map((t) => t.message).join(' ')),
      targets,
    });
}

function neighbours(chosen: Example[], k: number, weight: number): (q: string) => Map<number, number> {
  const bm25 = Bm25.build(chosen.map((e) => e.terms));
  return (q) => {
    const votes = new Map<number, number>();
    const nn = bm25.search(query(q), k);
    const top = nn[0]?.score;
    if (!top) return votes;
    for (const n of nn) {
      const t = chosen[n.doc]!.targets;
      for (const d of t) votes.set(d, (votes.get(d) ?? 0) + n.score / top / t.length);
    }
    const max = Math.max(...votes.values());
    for (const [d, v] of votes) votes.set(d, (weight * v) / max);
    return votes;
  };
}

// ---------- passages (MaxP) ----------
function passagesOf(text: string, size: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const s of text.split(/(?<=[.!?:;])\s+(?=[A-ZÆØÅ§0-9(])/)) {
    if (cur && cur.length + s.length > size) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${s}` : s;
  }
  if (cur) out.push(cur);
  return out;
}
function maxPassage(size: number, weight: number): (q: string) => Map<number, number> {
  const owner: number[] = [];
  const docs: string[][] = [];
  units.forEach((u, i) => {
    const head = `${u.citation} ${u.headingPath.slice(-2).join(' ')}`;
    for (const p of passagesOf(u.text, size)) {
      docs.push(analyzer.terms(`${head} ${p}`));
      owner.push(i);
    }
  });
  const bm25 = Bm25.build(docs);
  return (q) => {
    const res = bm25.search(query(q), 300);
    const best = new Map<number, number>();
    const top = res[0]?.score || 1;
    for (const r of res) best.set(owner[r.doc]!, Math.max(best.get(owner[r.doc]!) ?? 0, (weight * r.score) / top));
    return best;
  };
}

// ---------- measure prior ----------
function measurePrior(weight: number): (q: string) => Map<number, number> {
  return (q) => {
    const out = new Map<number, number>();
    const m = rank(q).measure;
    if (!m) return out;
    for (const c of measureInfo(m as MeasureId)?.conditions ?? [])
      for (const id of c.citations) {
        const d = indexOf.get(id);
        if (d !== undefined) out.set(d, weight);
      }
    return out;
  };
}

// ---------- run ----------
const sets: [string, Question[], string[]][] = [];
for (const f of ['dev-writers.jsonl', 'questions.jsonl', 'heldout.jsonl', 'dev-bank.jsonl']) {
  const path = join(here, f);
  const ids = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => String((JSON.parse(l) as { id?: string }).id ?? ''));
  sets.push([f, loadQuestions(path), ids]);
}
const none = () => new Map<number, number>();
const fmt = (e: Engine, qs: Question[]) => {
  const m = evaluate(e, qs);
  return `${m.recall5.toFixed(3)} / ${m.mrr10.toFixed(3)}`;
};
const rows: [string, (q: string) => Map<number, number>][] = [
  ['Hjemmel as shipped', none],
  ['+ neighbours, all routes (k 30, w 1.2)', neighbours(examples, 30, 1.2)],
  ['+ neighbours, all routes (k 30, w 0.3)', neighbours(examples, 30, 0.3)],
  [
    '+ neighbours, informational only (k 30, w 0.3)',
    neighbours(
      examples.filter((e) => e.route === 'retrieval'),
      30,
      0.3,
    ),
  ],
  ['+ passages of 600 chars (MaxP, w 0.5)', maxPassage(600, 0.5)],
  ['+ passages of 1000 chars (MaxP, w 1)', maxPassage(1000, 1)],
  ['+ measure prior (w 0.1)', measurePrior(0.1)],
  ['+ measure prior (w 0.2)', measurePrior(0.2)],
];
const out = [`R@5 / MRR@10 on the development sets (${units.length} units)`, ''];
out.push(`${'variant'.padEnd(48)} ${sets.map(([f, q]) => `${f} (${q.length})`.padEnd(26)).join('')}`);
for (const [name, extra] of rows) {
  const e = engine(name, extra);
  out.push(`${name.padEnd(48)} ${sets.map(([, q]) => fmt(e, q).padEnd(26)).join('')}`);
}
// Across writers: neighbours from one writer's train lines, the other writer's dev-bank lines.
const [, devQs, devIds] = sets[3]!;
out.push('', 'dev-bank across writers (neighbours from the other writer only, k 30, w 1.2):');
for (const [from, to] of [
  ['w1', 'w2'],
  ['w2', 'w1'],
]) {
  const qs = devQs.filter((_, i) => devIds[i]!.startsWith(to!));
  const base = fmt(engine('base', none), qs);
  const nb = fmt(
    engine(
      'nb',
      neighbours(
        examples.filter((e) => e.writer === from),
        30,
        1.2,
      ),
    ),
    qs,
  );
  out.push(`  ${from} -> ${to} (${qs.length}): ${base} -> ${nb}`);
}
process.stdout.write(`${out.join('\n')}\n`);
