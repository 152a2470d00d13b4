/**
 * Search engines compared in the retrieval evaluation and benchmark: Hjemmel and three standard
 * full-text libraries configured for Danish, all over the same units and the same indexed text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create, insertMultiple, load as oramaLoad, save as oramaSave, search as oramaSearch } from '@orama/orama';
import { stemmer as oramaDanishStemmer } from '@orama/stemmers/danish';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { repairText } from '../../src/corpus/ocr-repair.ts';
import { foldForMatch } from '../../src/corpus/text.ts';
import type { Unit } from '../../src/corpus/types.ts';
import { STOP_WORDS, stem } from '../../src/search/analyzer.ts';
import { unitIndexText } from '../../src/search/index.ts';
import type { Hit, Searcher } from '../../src/search/searcher.ts';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.da')(lunr);
const lunrDa = (lunr as unknown as { da: lunr.Builder.Plugin }).da;

export interface Question {
  q: string;
  relevant: string[];
  evidence: string[];
}

export const QUESTIONS_FILE = join(import.meta.dirname, 'questions.jsonl');

export function loadQuestions(path = QUESTIONS_FILE): Question[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Partial<Question> & { q: string })
    .map((q) => ({
      q: q.q,
      relevant: q.relevant ?? [],
      // Writers copy evidence verbatim from the sources, the guidance in its OCR-damaged spelling: repair it
      // as the corpus is repaired, then compare folded forms.
      evidence: (q.evidence ?? []).map((e) => fold(repairText(e).text)),
    }));
}

/** Lower case, æ/ø/å folded, hyphenation and punctuation dropped, spaces squashed: a robust evidence match. */
export const fold = foldForMatch;

/** A ranked result as the metrics see it: the unit, plus units it stands for (collapsed duplicates). */
export interface RankedUnit {
  id: string;
  text: string;
  alsoIn: string[];
}

export interface Engine {
  name: string;
  search(q: string, k: number): RankedUnit[];
}

export function hjemmelEngine(name: string, searcher: Searcher): Engine {
  const toRanked = (h: Hit): RankedUnit => ({ id: h.id, text: h.text, alsoIn: h.alsoIn.map((a) => a.id) });
  return { name, search: (q, k) => searcher.searchSync(q, { k }).map(toRanked) };
}

const danishTokens = (text: string): string[] =>
  (text.toLowerCase().match(/[a-zæøåéü0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w));

interface LibDoc {
  id: string;
  text: string;
}

function docs(units: Unit[]): LibDoc[] {
  return units.map((u) => ({ id: u.id, text: unitIndexText(u) }));
}

// ---------- MiniSearch (BM25+), Danish: stop words + Snowball stemming ----------
const miniOptions = {
  fields: ['text'],
  storeFields: [] as string[],
  idField: 'id',
  processTerm: (term: string) => {
    const t = term.toLowerCase();
    return STOP_WORDS.has(t) ? null : stem(t);
  },
  searchOptions: { combineWith: 'OR' as const },
};

export function buildMiniSearch(units: Unit[]): MiniSearch<LibDoc> {
  const ms = new MiniSearch<LibDoc>(miniOptions);
  ms.addAll(docs(units));
  return ms;
}

export function loadMiniSearch(json: string): MiniSearch<LibDoc> {
  return MiniSearch.loadJSON<LibDoc>(json, miniOptions);
}

export function miniSearchEngine(ms: MiniSearch<LibDoc>, units: Unit[]): Engine {
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    name: 'MiniSearch (da stemmer)',
    search: (q, k) =>
      ms
        .search(q)
        .slice(0, k)
        .map((r) => ({ id: String(r.id), text: byId.get(String(r.id))!.text, alsoIn: [] })),
  };
}

// ---------- Orama (BM25), language "danish" with @orama/stemmers/danish ----------
const oramaSchema = { id: 'string', text: 'string' } as const;

function newOrama() {
  return create({
    schema: oramaSchema,
    components: {
      tokenizer: { language: 'danish', stemming: true, stemmer: oramaDanishStemmer, stopWords: [...STOP_WORDS] },
    },
  });
}
export type OramaDb = ReturnType<typeof newOrama>;

export async function buildOrama(units: Unit[]): Promise<OramaDb> {
  const db = newOrama();
  await insertMultiple(db, docs(units));
  return db;
}

export function saveOrama(db: OramaDb): string {
  return JSON.stringify(oramaSave(db));
}

export function loadOrama(json: string): OramaDb {
  const db = newOrama();
  oramaLoad(db, JSON.parse(json));
  return db;
}

export function oramaEngine(db: OramaDb, units: Unit[]): Engine {
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    name: 'Orama (da stemmer)',
    search: (q, k) => {
      const res = oramaSearch(db, { term: q, properties: ['text'], limit: k, threshold: 1 });
      if (res instanceof Promise) throw new Error('Orama search unexpectedly async');
      return res.hits.map((h) => {
        const id = String(h.document.id);
        return { id, text: byId.get(id)!.text, alsoIn: [] };
      });
    },
  };
}

// ---------- lunr with lunr-languages "da" (stemmer, stop words, trimmer) ----------
export function buildLunr(units: Unit[]): lunr.Index {
  const all = docs(units);
  return lunr(function () {
    this.use(lunrDa);
    this.ref('id');
    this.field('text');
    for (const d of all) this.add(d);
  });
}

export function loadLunr(json: string): lunr.Index {
  return lunr.Index.load(JSON.parse(json));
}

export function lunrEngine(idx: lunr.Index, units: Unit[]): Engine {
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    name: 'lunr (lunr-languages da)',
    search: (q, k) => {
      // Build the query programmatically: user text may contain lunr query syntax (":", "~", "^", "-").
      const terms = danishTokens(q);
      const res = idx.query((query) => {
        for (const t of terms) query.term(t, { usePipeline: true });
      });
      return res.slice(0, k).map((r) => ({ id: r.ref, text: byId.get(r.ref)!.text, alsoIn: [] }));
    },
  };
}

// ---------- metrics ----------
export function isRelevant(r: RankedUnit, q: Question): boolean {
  if (q.relevant.includes(r.id) || r.alsoIn.some((a) => q.relevant.includes(a))) return true;
  const text = foldedText(r.text);
  return q.evidence.some((e) => text.includes(e));
}

const foldCache = new Map<string, string>();
function foldedText(t: string): string {
  let f = foldCache.get(t);
  if (f === undefined) {
    f = ` ${fold(t)} `;
    foldCache.set(t, f);
  }
  return f;
}

export interface Metrics {
  recall1: number;
  recall5: number;
  recall10: number;
  mrr10: number;
  /** Questions with no relevant hit in the top 10. */
  misses: string[];
}

export function evaluate(engine: Engine, questions: Question[]): Metrics {
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  const misses: string[] = [];
  for (const q of questions) {
    const hits = engine.search(q.q, 10);
    const first = hits.findIndex((h) => isRelevant(h, q));
    if (first === 0) r1++;
    if (first >= 0 && first < 5) r5++;
    if (first >= 0 && first < 10) {
      r10++;
      mrr += 1 / (first + 1);
    } else misses.push(q.q);
  }
  const n = questions.length || 1;
  return { recall1: r1 / n, recall5: r5 / n, recall10: r10 / n, mrr10: mrr / n, misses };
}
