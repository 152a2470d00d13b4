/** Verbatim quotes from units: every quote Hjemmel shows is a substring of its unit's text. */
import type { Unit } from '../corpus/types.ts';

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
 * The most relevant passage of a unit for a query: the best-matching sentence plus following ones
 * up to maxLen characters. Always a verbatim substring of unit.text.
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

function computeQuote(unit: Unit, query: string, maxLen: number): string {
  const text = unit.text;
  if (text.length <= maxLen) return text;
  const sents = sentences(text);
  if (!sents.length) return text.slice(0, maxLen);
  const q = new Set(words(query));
  let best = 0;
  let bestScore = -1;
  sents.forEach((s, i) => {
    const ws = words(text.slice(s.start, s.end));
    const score = q.size ? ws.filter((w) => q.has(w)).length / Math.sqrt(ws.length + 1) : -i;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  const start = sents[best]!.start;
  let end = sents[best]!.end;
  for (let i = best + 1; i < sents.length && sents[i]!.end - start <= maxLen; i++) end = sents[i]!.end;
  if (end - start > maxLen) {
    // A single long sentence: cut at a word boundary.
    const cut = text.lastIndexOf(' ', start + maxLen);
    end = cut > start ? cut : start + maxLen;
  }
  return text.slice(start, end);
}
