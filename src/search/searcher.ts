/**
 * The retrieval core: legal references first, then BM25 (Danish analyzer + staff vocabulary) fused with
 * dense vectors from hnswlib, superseded rules demoted unless asked for, near-duplicates collapsed under
 * the most authoritative source, ancestors folded into their best-ranked descendant.
 */
import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { SourceMeta, Unit } from '../corpus/types.ts';
import type { Analyzer, Lexicon } from './analyzer.ts';
import type { Bm25 } from './bm25.ts';
import type { SyncEmbeddings } from './embeddings.ts';
import { expandLearned, loadLearned } from './learned.ts';
import { parseRefs, resolveRefs } from './refs.ts';
import type { Vocabulary } from './vocabulary.ts';

const LEARNED = loadLearned();

export interface SearchOptions {
  k?: number;
  /**
   * Superseded (`ophævet`) units: undefined = included but ranked below current rules unless the question
   * asks about the old rules; true = ranked like any other unit; false = excluded.
   */
  includeSuperseded?: boolean;
}

export interface Hit {
  id: string;
  citation: string;
  sourceId: string;
  status: Unit['status'];
  text: string;
  score: number;
  parent?: { id: string; citation: string };
  alsoIn: { id: string; citation: string; sourceId: string }[];
}

export type Fusion = 'rrf' | 'score' | 'lexical' | 'dense';

/** Switches for the evaluation's ablation; the defaults are the product's configuration. */
export interface RankingOptions {
  vocabulary: boolean;
  refs: boolean;
  fusion: Fusion;
  /** Weight of vocabulary expansion terms relative to the user's own words. */
  expansionWeight: number;
  /** Weight of the dense list in score fusion. */
  denseWeight: number;
  rrfK: number;
  collapse: boolean;
  demoteSuperseded: boolean;
  /** Pseudo-relevance feedback: expansion terms from the top lexical hits (RM3-style); 0 = off. */
  prfDocs: number;
  prfTerms: number;
  prfWeight: number;
  /** Expansion with the staff-to-source associations learnt from the bank's train split. */
  learned: boolean;
  learnedWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  vocabulary: false,
  refs: true,
  fusion: 'score',
  expansionWeight: 0.5,
  denseWeight: 0.15,
  rrfK: 60,
  collapse: true,
  demoteSuperseded: true,
  prfDocs: 0,
  prfTerms: 10,
  prfWeight: 0.3,
  learned: true,
  learnedWeight: 0.8,
};

const OLD_RULES_RE =
  /gaml|tidligere|forrige|ophævet|ophævede|før 2025|før 1\.? januar 2025|før reglerne|\b2017\b|\b2018\b|\b2019\b|\b2020\b|\b2021\b|\b2022\b|\b2023\b|indtil 2024|førhen/;

/** True when the question asks about the rules as they were before 2025. */
export function asksAboutOldRules(question: string): boolean {
  return OLD_RULES_RE.test(question.toLowerCase());
}

export interface SearchIndexParts {
  units: Unit[];
  sources: SourceMeta[];
  analyzer: Analyzer;
  bm25: Bm25;
  vocabulary: Vocabulary;
  dense: { store: HNSWLib; embeddings: SyncEmbeddings & { embedQuery(q: string): Promise<number[]> } } | null;
  /** Duplicate groups of unit indices, leader first. */
  duplicateGroups: number[][];
}

interface Candidate {
  doc: number;
  score: number;
}

export class Searcher {
  readonly units: Unit[];
  private readonly byId = new Map<string, number>();
  private readonly groupOf: Int32Array;
  private readonly rankOf = new Map<string, number>();
  readonly ranking: RankingOptions;

  constructor(
    readonly parts: SearchIndexParts,
    ranking: Partial<RankingOptions> = {},
  ) {
    this.units = parts.units;
    this.ranking = { ...DEFAULT_RANKING, ...ranking };
    for (const [i, u] of this.units.entries()) this.byId.set(u.id, i);
    this.groupOf = new Int32Array(this.units.length).fill(-1);
    parts.duplicateGroups.forEach((g, gi) => {
      for (const i of g) this.groupOf[i] = gi;
    });
    for (const s of parts.sources) this.rankOf.set(s.id, s.rank);
  }

  /** A variant sharing this index with other ranking switches (for the ablation). */
  withRanking(ranking: Partial<RankingOptions>): Searcher {
    return new Searcher(this.parts, { ...this.ranking, ...ranking });
  }

  get lexicon(): Lexicon {
    return this.parts.analyzer.lexicon;
  }

  unit(id: string): Unit | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.units[i];
  }

  /** Text sent to the dense model: the question plus the vocabulary's legal phrases. */
  private denseQueryText(question: string, legal: string[]): string {
    return legal.length ? `${question} ${legal.join(' ')}` : question;
  }

  private lexicalQuery(question: string): { terms: Map<string, number>; legal: string[] } {
    const own = this.parts.analyzer.terms(question);
    const terms = new Map<string, number>();
    for (const t of own) terms.set(t, (terms.get(t) ?? 0) + 1);
    let legal: string[] = [];
    if (this.ranking.vocabulary) {
      const exp = this.parts.vocabulary.expand(own);
      legal = exp.legal;
      for (const t of exp.terms) terms.set(t, Math.max(terms.get(t) ?? 0, this.ranking.expansionWeight));
    }
    if (this.ranking.learned) {
      for (const [t, w] of expandLearned(LEARNED, own)) if (!terms.has(t)) terms.set(t, this.ranking.learnedWeight * w);
    }
    return { terms, legal };
  }

  /** Synchronous search; the dense part is used when the embeddings can embed synchronously (offline). */
  searchSync(question: string, opts: SearchOptions = {}): Hit[] {
    const { terms, legal } = this.lexicalQuery(question);
    let denseVec: number[] | null = null;
    const dense = this.parts.dense;
    if (dense?.embeddings.embedSync && this.ranking.fusion !== 'lexical') {
      denseVec = dense.embeddings.embedSync(this.denseQueryText(question, legal));
    }
    return this.rank(question, terms, denseVec, opts);
  }

  /** Search using any embeddings (remote ones embed the query asynchronously). */
  async search(question: string, opts: SearchOptions = {}): Promise<Hit[]> {
    const dense = this.parts.dense;
    if (!dense || dense.embeddings.embedSync || this.ranking.fusion === 'lexical') {
      return this.searchSync(question, opts);
    }
    const { terms, legal } = this.lexicalQuery(question);
    let denseVec: number[] | null = null;
    try {
      denseVec = await dense.embeddings.embedQuery(this.denseQueryText(question, legal));
    } catch (err) {
      process.stderr.write(`hjemmel: forespørgsels-embedding fejlede, bruger kun leksikalsk søgning (${err})\n`);
    }
    return this.rank(question, terms, denseVec, opts);
  }

  private denseSearch(vec: number[], limit: number): Candidate[] {
    const store = this.parts.dense!.store;
    const index = store.index;
    const n = Math.min(limit, index.getCurrentCount());
    if (n === 0) return [];
    const res = index.searchKnn(vec, n);
    // Labels are the unit indices (vectors were added in unit order); cosine distance -> similarity.
    return res.neighbors.map((doc, i) => ({ doc, score: 1 - res.distances[i]! }));
  }

  private rank(question: string, terms: Map<string, number>, denseVec: number[] | null, opts: SearchOptions): Hit[] {
    const k = opts.k ?? 10;
    const pool = Math.max(100, k * 10);
    const r = this.ranking;
    const old = asksAboutOldRules(question);
    const exclude = opts.includeSuperseded === false && !old;
    const allow = exclude ? (d: number) => this.units[d]!.status !== 'ophævet' : undefined;

    let lexical = r.fusion === 'dense' ? [] : this.parts.bm25.search(terms, pool, allow);
    if (r.prfDocs > 0 && lexical.length) {
      const expanded = this.feedback(terms, lexical.slice(0, r.prfDocs));
      lexical = this.parts.bm25.search(expanded, pool, allow);
    }
    let dense: Candidate[] = [];
    if (denseVec && r.fusion !== 'lexical') {
      dense = this.denseSearch(denseVec, pool);
      if (allow) dense = dense.filter((c) => allow(c.doc));
    }

    const fused = new Map<number, number>();
    const add = (d: number, s: number) => fused.set(d, (fused.get(d) ?? 0) + s);
    if (r.fusion === 'rrf') {
      for (const [i, c] of lexical.entries()) add(c.doc, 1 / (r.rrfK + i + 1));
      for (const [i, c] of dense.entries()) add(c.doc, 1 / (r.rrfK + i + 1));
    } else if (r.fusion === 'score') {
      // Score fusion: BM25 divided by the best BM25, plus the dense similarity rescaled over the pool.
      const maxL = lexical[0]?.score ?? 1;
      for (const c of lexical) add(c.doc, c.score / maxL);
      if (dense.length) {
        const top = dense[0]!.score;
        const bottom = dense[dense.length - 1]!.score;
        const span = top - bottom || 1;
        for (const c of dense) add(c.doc, (r.denseWeight * (c.score - bottom)) / span);
      }
    } else {
      for (const c of lexical) add(c.doc, c.score);
      for (const c of dense) add(c.doc, c.score);
    }

    // Superseded rules rank below current ones unless the question is about the old rules.
    if (r.demoteSuperseded && opts.includeSuperseded === undefined) {
      for (const [d, s] of fused) {
        const st = this.units[d]!.status;
        if (st === 'ophævet') fused.set(d, old ? s * 1.5 : s * 0.3);
        // The hearing letter is background: it explains changes but is not itself a rule.
        else if (st === 'baggrund') fused.set(d, s * 0.8);
      }
    }

    let ranked: Candidate[] = [...fused].map(([doc, score]) => ({ doc, score }));
    ranked.sort(
      (a, b) => b.score - a.score || this.units[a.doc]!.text.length - this.units[b.doc]!.text.length || a.doc - b.doc,
    );

    // Referenced units come first, in the order they were mentioned.
    if (r.refs) {
      const refIds = resolveRefs(parseRefs(question), (id) => this.byId.has(id));
      if (refIds.length) {
        const top = (ranked[0]?.score ?? 0) + 1;
        const refDocs = refIds.map((id) => this.byId.get(id)!);
        const set = new Set(refDocs);
        ranked = [
          ...refDocs.map((doc, i) => ({ doc, score: top + (refDocs.length - i) })),
          ...ranked.filter((c) => !set.has(c.doc)),
        ];
      }
    }
    return this.toHits(ranked, k);
  }

  private readonly docTerms = new Map<number, string[]>();

  /**
   * RM3-style feedback: the terms that weigh most in the top documents (tf × idf, each document weighted
   * by its normalised score), added to the query with a small weight. Corpus statistics only, no word lists.
   */
  private feedback(query: Map<string, number>, top: Candidate[]): Map<string, number> {
    const bm25 = this.parts.bm25;
    const weights = new Map<string, number>();
    const best = top[0]!.score || 1;
    for (const c of top) {
      let ts = this.docTerms.get(c.doc);
      if (!ts) {
        ts = this.parts.analyzer.terms(this.units[c.doc]!.text);
        this.docTerms.set(c.doc, ts);
      }
      const tf = new Map<string, number>();
      for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        if (bm25.df(t) < 2) continue;
        weights.set(t, (weights.get(t) ?? 0) + (c.score / best) * (n / ts.length) * bm25.idf(t));
      }
    }
    const out = new Map(query);
    const ranked = [...weights].filter(([t]) => !query.has(t)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const maxW = ranked[0]?.[1] ?? 1;
    for (const [t, w] of ranked.slice(0, this.ranking.prfTerms)) out.set(t, (this.ranking.prfWeight * w) / maxW);
    return out;
  }

  private isAncestor(anc: number, doc: number): boolean {
    const target = this.units[anc]!.id;
    let p = this.units[doc]!.parentId;
    for (let guard = 0; p && guard < 10; guard++) {
      if (p === target) return true;
      const i = this.byId.get(p);
      p = i === undefined ? null : this.units[i]!.parentId;
    }
    return false;
  }

  private toHits(ranked: Candidate[], k: number): Hit[] {
    const hits: Hit[] = [];
    const emittedDocs: number[] = [];
    const usedGroups = new Set<number>();
    for (const c of ranked) {
      if (hits.length >= k) break;
      let doc = c.doc;
      let members: number[] = [];
      if (this.ranking.collapse) {
        const g = this.groupOf[doc]!;
        if (g >= 0) {
          if (usedGroups.has(g)) continue;
          usedGroups.add(g);
          const group = this.parts.duplicateGroups[g]!;
          doc = group[0]!;
          members = group.slice(1);
        }
        // An ancestor ranked below one of its descendants is already shown as that hit's parent.
        if (emittedDocs.some((e) => this.isAncestor(doc, e))) continue;
      }
      emittedDocs.push(doc);
      hits.push(this.hit(doc, c.score, members));
    }
    return hits;
  }

  private hit(doc: number, score: number, members: number[]): Hit {
    const u = this.units[doc]!;
    const parentIdx = u.parentId ? this.byId.get(u.parentId) : undefined;
    const parent = parentIdx === undefined ? undefined : this.units[parentIdx]!;
    return {
      id: u.id,
      citation: u.citation,
      sourceId: u.sourceId,
      status: u.status,
      text: u.text,
      score: Math.round(score * 10000) / 10000,
      ...(parent ? { parent: { id: parent.id, citation: parent.citation } } : {}),
      alsoIn: members.map((m) => {
        const mu = this.units[m]!;
        return { id: mu.id, citation: mu.citation, sourceId: mu.sourceId };
      }),
    };
  }
}
