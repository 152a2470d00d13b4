/** Verbatim quotes from units: every quote Hjemmel shows is a substring of its unit's text. */
import type { Unit } from '../corpus/types.ts';
import { STOP_WORDS, stem } from '../search/analyzer.ts';

const STOP = new Set([
  'og',
  'i',
  'at',
  'er',
  'en',
  'et',
  'til',
  'af',
  'for',
  'på',
  'med',
  'der',
  'det',
  'de',
  'som',
  'om',
]);

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\d§]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w));
}

/** Abbreviations that end with a full stop without ending the sentence (Danish legal prose). */
const ABBREVIATIONS = new Set([
  'jf',
  'stk',
  'nr',
  'pkt',
  'kap',
  'bl.a',
  'm.v',
  'mv',
  'f.eks',
  'fx',
  'evt',
  'ca',
  'dvs',
  'vedr',
  'bek',
  'lov',
  'lbk',
  'm.fl',
  'pga',
  'o.l',
  'osv',
  'inkl',
  'ekskl',
  'hhv',
  'iht',
  'jvf',
  'ang',
  'nb',
  'kl',
  'tlf',
  's',
  'a',
  'b',
]);

/**
 * Sentences of a text with their offsets. A full stop ends a sentence only when it is followed by white
 * space and a capital letter, a digit or a quote, and does not close an abbreviation ("jf.", "stk.", "vedr.").
 */
export function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const s = start + (raw.length - raw.trimStart().length);
    const e = start + raw.trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const next = text.slice(i + 1, i + 3);
    if (!/^\s+\S?/.test(next) && i + 1 < text.length) continue;
    const after = text.slice(i + 1).trimStart()[0] ?? '';
    if (after && !/[\p{Lu}\d"„»(§]/u.test(after)) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\d+$/.test(text.slice(Math.max(0, i - 3), i).trim())) continue;
    }
    push(i + 1);
    start = i + 1;
  }
  push(text.length);
  return out;
}

/**
 * The most relevant passage of a unit for a query: the best-matching quotable sentence plus following
 * ones up to maxLen characters. Always a verbatim substring of unit.text made of whole sentences (a
 * single sentence longer than maxLen is quoted whole, never cut); placeholders and bare labels are skipped.
 */
export function quoteFor(unit: Unit, query = '', maxLen = 320): string {
  const key = `${unit.id}\u0000${maxLen}\u0000${query}`;
  let q = cache.get(key);
  if (q === undefined) {
    q = computeQuote(unit, query, maxLen);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, q);
  }
  return q;
}

/** Quotes are pure functions of (unit, query, maxLen); condition texts repeat, so most calls hit. */
const cache = new Map<string, string>();
const CACHE_MAX = 20_000;

/** A draft's unfilled cross-reference ("[…]", "pkt. x-x") makes a sentence unfit to quote. */
export const PLACEHOLDER_RE = /\[…\]|\[\.\.\.?\]|\b[xX]\s?-\s?[xX]\b|\[[xX]\]/u;
/** A bare label such as "Stk. 2.", "§ 21." or "1)" is not a sentence worth quoting. */
const LABEL_RE = /^(?:(?:stk|nr|pkt|kap)\.?\s*\d+\s*\.?|§+\s*\d+\s*[a-h]?\s*\.?|\d+[.)]|[a-h][.)])$/iu;

/** Whether a sentence can stand as a quote: no placeholder, not a bare label, at least four words. */
export function quotable(sentence: string): boolean {
  const t = sentence.trim();
  if (PLACEHOLDER_RE.test(t) || LABEL_RE.test(t)) return false;
  return (t.match(/\p{L}+/gu) ?? []).length >= 4;
}

/** A unit whose whole text is a heading (no sentence): citing it would quote only a title. */
export function isHeadingOnly(unit: Unit): boolean {
  const t = unit.text.trim();
  return t.length < 160 && !/[.!?:;]/.test(t);
}

/** Stemmed content terms (accent-insensitive for aa/oe/ae spellings) for sentence scoring. */
export function contentTerms(s: string): string[] {
  const norm = s.toLowerCase().replace(/aa/g, 'å').replace(/oe/g, 'ø').replace(/ae/g, 'æ');
  return words(norm)
    .filter((w) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w))
    .map((w) => (w.length > 3 ? stem(w) : w));
}

/** Question and filler words that say what is asked, not what about. */
const QUESTION_WORDS = new Set([
  'hvor',
  'hvornår',
  'hvem',
  'hvad',
  'hvilke',
  'hvilken',
  'hvordan',
  'hvorfor',
  'må',
  'kan',
  'skal',
  'vores',
  'borgeren',
  'beboeren',
]);

/**
 * How well a sentence answers a query: the weight (e.g. inverse document frequency) of the query terms it
 * contains, damped by sentence length.
 */
export function sentenceScore(
  sentence: string,
  queryTerms: ReadonlySet<string>,
  weight: (term: string) => number = () => 1,
  /** How strongly length damps the score: sum / (terms + 4)^lengthPower. */
  lengthPower = 0.5,
): number {
  const ws = contentTerms(sentence);
  if (!queryTerms.size) return 0;
  let sum = 0;
  for (const w of new Set(ws)) if (queryTerms.has(w)) sum += weight(w);
  return sum / (ws.length + 4) ** lengthPower;
}

function computeQuote(unit: Unit, query: string, maxLen: number): string {
  const text = unit.text;
  const sents = sentences(text);
  const ok = sents.map((x) => quotable(text.slice(x.start, x.end)));
  if (text.length <= maxLen && ok.every(Boolean)) return text;
  if (!ok.some(Boolean)) return text.length <= maxLen ? text : wholeSentenceCut(text, sents, maxLen);
  const q = new Set(contentTerms(query));
  let best = -1;
  let bestScore = -Infinity;
  sents.forEach((x, i) => {
    if (!ok[i]) return;
    const score = q.size ? sentenceScore(text.slice(x.start, x.end), q) : -i;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  const start = sents[best]!.start;
  let end = sents[best]!.end;
  // Whole sentences only: add following quotable sentences while the quote stays within maxLen.
  for (let i = best + 1; i < sents.length && ok[i] && sents[i]!.end - start <= maxLen; i++) end = sents[i]!.end;
  return text.slice(start, end);
}

/** Text with no quotable sentence (a list item, a short clause): its first sentences up to maxLen. */
function wholeSentenceCut(text: string, sents: Array<{ start: number; end: number }>, maxLen: number): string {
  const start = sents[0]!.start;
  let end = sents[0]!.end;
  for (let i = 1; i < sents.length && sents[i]!.end - start <= maxLen; i++) end = sents[i]!.end;
  return text.slice(start, end);
}
