/**
 * Compact BM25 (Okapi, k1/b) over pre-analysed documents, with weighted query terms so vocabulary
 * expansions can count less than the user's own words. Serialisable to JSON for the on-disk index.
 */

export interface Bm25Params {
  k1: number;
  b: number;
}

export interface Bm25Json {
  params: Bm25Params;
  docLen: number[];
  /** term -> [docIndex, tf, docIndex, tf, ...] */
  postings: Record<string, number[]>;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

export class Bm25 {
  private readonly postings: Map<string, Int32Array>;
  private readonly docLen: Float64Array;
  private readonly avgLen: number;
  private readonly scratch: Float64Array;

  private constructor(
    readonly params: Bm25Params,
    docLen: number[],
    postings: Map<string, Int32Array>,
  ) {
    this.docLen = Float64Array.from(docLen);
    this.avgLen = docLen.reduce((a, b) => a + b, 0) / Math.max(1, docLen.length);
    this.postings = postings;
    this.scratch = new Float64Array(docLen.length);
  }

  static build(docs: string[][], params: Bm25Params = { k1: 1.2, b: 0.75 }): Bm25 {
    const tmp = new Map<string, number[]>();
    docs.forEach((terms, d) => {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        const p = tmp.get(t);
        if (p) p.push(d, n);
        else tmp.set(t, [d, n]);
      }
    });
    const postings = new Map<string, Int32Array>();
    for (const [t, p] of tmp) postings.set(t, Int32Array.from(p));
    return new Bm25(
      params,
      docs.map((d) => d.length),
      postings,
    );
  }

  static fromJSON(json: Bm25Json): Bm25 {
    const postings = new Map<string, Int32Array>();
    for (const [t, p] of Object.entries(json.postings)) postings.set(t, Int32Array.from(p));
    return new Bm25(json.params, json.docLen, postings);
  }

  toJSON(): Bm25Json {
    const postings: Record<string, number[]> = {};
    for (const [t, p] of this.postings) postings[t] = Array.from(p);
    return { params: this.params, docLen: Array.from(this.docLen), postings };
  }

  get size(): number {
    return this.docLen.length;
  }

  /** Number of documents containing the term. */
  df(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
  }

  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /**
   * Scores all documents for weighted query terms; returns the top `limit` (score > 0), best first.
   * `allow` optionally restricts the candidate documents.
   */
  search(query: Map<string, number>, limit: number, allow?: (doc: number) => boolean): ScoredDoc[] {
    const { k1, b } = this.params;
    const scores = this.scratch;
    const touched: number[] = [];
    for (const [term, weight] of query) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = this.idf(term) * weight;
      for (let i = 0; i < p.length; i += 2) {
        const d = p[i]!;
        const tf = p[i + 1]!;
        const norm = tf + k1 * (1 - b + (b * this.docLen[d]!) / this.avgLen);
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (idf * tf * (k1 + 1)) / norm;
      }
    }
    const out: ScoredDoc[] = [];
    for (const d of touched) {
      const s = scores[d]!;
      scores[d] = 0;
      if (s > 0 && (!allow || allow(d))) out.push({ doc: d, score: s });
    }
    out.sort((x, y) => y.score - x.score || x.doc - y.doc);
    return out.slice(0, limit);
  }
}
