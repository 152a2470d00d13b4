/**
 * Damage checks for a quote shown in an answer: a placeholder of a draft ("pkt. x-x", "[..]"), an empty
 * quote, a citation that quotes only a heading, a quote cut mid-sentence, or a word that is neither in the
 * Danish dictionary (hunspell da) nor in the clean sources' vocabulary.
 */
import { isKnownWord } from '../corpus/ocr-repair.ts';
import type { Unit } from '../corpus/types.ts';
import { isHeadingOnly, PLACEHOLDER_RE } from './quote.ts';

export type QuoteDamage =
  | 'empty'
  | 'placeholder'
  | 'heading_only'
  | 'cut_start'
  | 'cut_end'
  | 'not_verbatim'
  | 'unknown_word';

export interface QuoteProblem {
  kind: QuoteDamage;
  detail?: string;
}

/** Web addresses are quoted as they stand (their path segments are not words). */
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gu;

/**
 * Alphabetic tokens of at least two letters (outside web addresses) that neither the dictionary nor the clean
 * sources know.
 */
export function unknownWords(text: string): string[] {
  return (text.replace(URL_RE, ' ').match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 2 && !isKnownWord(w));
}

/** Text before a quote that lets the quote start a sentence: nothing, a line break, or a sentence's end. */
const STARTS_AFTER = /(?:^|[.!?:;]["”»)]?|\n)\s*$/u;
/** The end of a whole sentence or list item. */
const ENDS_SENTENCE = /[.!?:;]["”»)]?$/u;

/** What is wrong with a quote of a unit (empty list: a clean quote). */
export function quoteProblems(quote: string, unit: Unit | undefined): QuoteProblem[] {
  const q = quote.trim();
  const out: QuoteProblem[] = [];
  const m = PLACEHOLDER_RE.exec(q);
  if (m) out.push({ kind: 'placeholder', detail: m[0] });
  if (!/\p{L}/u.test(q)) return [...out, { kind: 'empty' }];
  if (unit) {
    // The quote may occur more than once (a table row repeated): it is whole when one occurrence is.
    const cuts: QuoteProblem[][] = [];
    for (let at = unit.text.indexOf(q); at >= 0; at = unit.text.indexOf(q, at + 1)) {
      const cut: QuoteProblem[] = [];
      if (!STARTS_AFTER.test(unit.text.slice(0, at))) cut.push({ kind: 'cut_start', detail: q.slice(0, 40) });
      const rest = unit.text.slice(at + q.length);
      if (!ENDS_SENTENCE.test(q) && !/^\s*(?:\n|$)/u.test(rest)) cut.push({ kind: 'cut_end', detail: q.slice(-40) });
      cuts.push(cut);
      if (!cut.length) break;
    }
    if (!cuts.length) out.push({ kind: 'not_verbatim' });
    else {
      if (isHeadingOnly(unit)) out.push({ kind: 'heading_only' });
      out.push(...cuts.at(-1)!);
    }
  }
  for (const w of new Set(unknownWords(q))) out.push({ kind: 'unknown_word', detail: w });
  return out;
}
