/**
 * Danish analyzer for retrieval: lower-casing, tokenisation that keeps æ/ø/å and legal references
 * ("§ 128 c" -> "§128c", "stk. 2" -> "stk2", "nr. 4" -> "nr4"), Danish stop words, Snowball stemming
 * and compound splitting against a lexicon of words seen in the corpus.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(w: string): string } };
const stopwordsIso = require('stopwords-iso') as Record<string, string[]>;

const danishStemmer = snowball.newStemmer('danish');

/** Danish stop words (stopwords-iso `da`). Kept small on purpose: words that carry legal meaning stay. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (stopwordsIso['da'] ?? []).filter((w) => !['ikke', 'ind', 'ud', 'før', 'efter', 'selv', 'under', 'over'].includes(w)),
);

export interface AnalyzerOptions {
  stem: boolean;
  compounds: boolean;
  stopWords: boolean;
}

export const DEFAULT_ANALYZER_OPTIONS: AnalyzerOptions = { stem: true, compounds: true, stopWords: true };

/** A raw token before stemming: a word, a number or a legal reference term. */
export interface RawToken {
  value: string;
  kind: 'word' | 'ref' | 'number';
}

const stemCache = new Map<string, string>();

/** Danish Snowball stem of a lower-cased word (memoised). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = danishStemmer.stem(word);
    stemCache.set(word, s);
  }
  return s;
}

/** Lower-cases, normalises Unicode and joins the few typographic variants that matter. */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u00ad/g, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/§§/g, '§');
}

// One alternation, tried left to right at each position:
//  1 § with number and optional letter ("§ 128 c", "§128c", "§ 4")
//  2 stk. n    3 nr. n
//  4 number with a single trailing letter that is not the start of a word ("128 c", "136a")
//  5 plain number   6 word with Danish letters
const TOKEN_RE =
  /§\s*(\d{1,3})(?:\s?([a-h])(?![a-zæøåé]))?|\bstk\.?\s*(\d{1,2})\b|\bnr\.?\s*(\d{1,2})\b(?!\s*(?:af|\/))|\b(\d{2,3})\s?([a-h])(?![a-zæøåé0-9])|(\d+)|([a-zæøåéüöä]+)/g;

/** Splits text into raw tokens; references come out as single terms ("§128c", "stk2", "nr4"). */
export function tokenize(text: string): RawToken[] {
  const out: RawToken[] = [];
  const norm = normalize(text);
  for (const m of norm.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) out.push({ value: `§${m[1]}${m[2] ?? ''}`, kind: 'ref' });
    else if (m[3] !== undefined) out.push({ value: `stk${m[3]}`, kind: 'ref' });
    else if (m[4] !== undefined) out.push({ value: `nr${m[4]}`, kind: 'ref' });
    else if (m[5] !== undefined) out.push({ value: `§${m[5]}${m[6]}`, kind: 'ref' });
    else if (m[7] !== undefined) out.push({ value: m[7], kind: 'number' });
    else if (m[8] !== undefined) out.push({ value: m[8], kind: 'word' });
  }
  return out;
}

/**
 * Lexicon of corpus words with frequencies, used for compound splitting. Parts must be known words
 * (or inflections of known stems) of at least 3 letters; Danish linking letters "s" and "e" are allowed.
 */
export class Lexicon {
  readonly words = new Map<string, number>();
  readonly stems = new Map<string, number>();
  private readonly splitCache = new Map<string, string[] | null>();

  static fromTexts(texts: Iterable<string>): Lexicon {
    const lex = new Lexicon();
    for (const t of texts) for (const tok of tokenize(t)) if (tok.kind === 'word') lex.add(tok.value);
    return lex;
  }

  static fromJSON(entries: [string, number][]): Lexicon {
    const lex = new Lexicon();
    for (const [w, n] of entries) lex.add(w, n);
    return lex;
  }

  toJSON(): [string, number][] {
    return [...this.words.entries()];
  }

  add(word: string, n = 1): void {
    this.words.set(word, (this.words.get(word) ?? 0) + n);
    const s = stem(word);
    this.stems.set(s, (this.stems.get(s) ?? 0) + n);
  }

  private freq(part: string, asHead: boolean): number {
    if (part.length < 3) return 0;
    const w = this.words.get(part) ?? 0;
    // Heads (the right-hand part) may be inflected: "situationer", "køkkenet".
    if (asHead) return Math.max(w, this.stems.get(stem(part)) ?? 0);
    // Modifiers may carry a linking letter: "fælles"+"køkken", "hygiejne"+"situationer".
    return w;
  }

  /**
   * Splits a compound into known parts, choosing the split with the highest geometric-mean part
   * frequency (Koehn & Knight). The whole word is always kept as a term too, so a split only adds recall.
   * Returns null when no split into known parts exists.
   */
  split(word: string): string[] | null {
    const cached = this.splitCache.get(word);
    if (cached !== undefined) return cached;
    const result = this.computeSplit(word, 0);
    this.splitCache.set(word, result);
    return result;
  }

  private computeSplit(word: string, depth: number): string[] | null {
    if (word.length < 7) return null;
    let best: { parts: string[]; score: number } | null = null;
    for (let i = 3; i <= word.length - 3; i++) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      let leftFreq = this.freq(left, false);
      // Linking letter: "fælles|køkken" is found as "fælle"+"s" too, so accept the modifier without it.
      if (leftFreq === 0 && (left.endsWith('s') || left.endsWith('e')) && left.length > 3) {
        leftFreq = this.freq(left.slice(0, -1), false);
      }
      if (leftFreq === 0) continue;
      let rightParts: string[] = [right];
      let rightFreq = this.freq(right, true);
      if (rightFreq === 0 && depth === 0) {
        const sub = this.computeSplit(right, 1);
        if (sub) {
          rightParts = sub;
          rightFreq = Math.min(...sub.map((p) => this.freq(p, true) || this.freq(p, false)));
        }
      }
      if (rightFreq === 0) continue;
      // Prefer longer parts: short parts ("hand", "ling") are the classic false splits.
      const minLen = Math.min(left.length, right.length);
      const score = Math.sqrt(leftFreq * rightFreq) * (minLen >= 4 ? 1 : 0.5);
      if (!best || score > best.score) best = { parts: [left, ...rightParts], score };
    }
    if (!best) return null;
    return best.parts;
  }
}

/** Turns text into index/query terms according to the options. */
export class Analyzer {
  constructor(
    readonly lexicon: Lexicon,
    readonly options: AnalyzerOptions = DEFAULT_ANALYZER_OPTIONS,
  ) {}

  private norm(word: string): string {
    return this.options.stem ? stem(word) : word;
  }

  /** Terms for a text, in order, duplicates kept (term frequency matters for BM25). */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const tok of tokenize(text)) {
      if (tok.kind !== 'word') {
        out.push(tok.value);
        continue;
      }
      const w = tok.value;
      if (w.length < 2) continue;
      if (this.options.stopWords && STOP_WORDS.has(w)) continue;
      out.push(this.norm(w));
      if (this.options.compounds) {
        const parts = this.lexicon.split(w);
        if (parts) for (const p of parts) if (!STOP_WORDS.has(p)) out.push(this.norm(p));
      }
    }
    return out;
  }
}
