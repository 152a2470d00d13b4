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

/** Sentences of a text with their offsets (the text is already clean, one space between words). */
export function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^.!?\n]+(?:[.!?]+(?=\s|$)|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m.index + (m[0].length - m[0].trimStart().length);
    const e = m.index + m[0].trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
    if (m[0].length === 0) re.lastIndex++;
  }
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
