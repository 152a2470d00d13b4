/**
 * Reusable parser for a block of statute text (executive orders, law text quoted in the handbook):
 * splits one § into stk. and nr., keeping character offsets into the raw source string.
 *
 * Markers recognised at the start of a line (after leading white space):
 * - "Stk. N." starts a stk. (N must grow; "(…)" lines mark omitted stk. and end the current one);
 * - "N)" (executive orders) or "N.<tab>" (handbook layout) starts a nr., numbered 1, 2, 3 … within
 *   its stk. (a number out of sequence is ordinary text, e.g. a wrapped "2. pkt.").
 * Text before "Stk. 2." is stk. 1 whenever a stk. 2 exists; a § with one paragraph has no stk.
 */
import { joinHyphenation, squash } from './text.ts';

export interface RawLine {
  /** Offset of the first character of the line in the raw string. */
  start: number;
  /** Offset just after the last character (excluding the newline). */
  end: number;
  text: string;
}

/** Splits a raw string into lines with offsets. */
export function rawLines(raw: string): RawLine[] {
  const lines: RawLine[] = [];
  let pos = 0;
  for (const text of raw.split('\n')) {
    lines.push({ start: pos, end: pos + text.length, text });
    pos += text.length + 1;
  }
  return lines;
}

export interface LawPiece {
  num: number;
  /** [start, end) into the raw string; end is the end of the last non-blank line. */
  start: number;
  end: number;
  /** Clean text (hyphenation joined, white space squashed). */
  text: string;
}

export interface LawStk extends LawPiece {
  nrs: LawPiece[];
}

export interface LawParagraph {
  /** "2", "128 c". */
  label: string;
  start: number;
  end: number;
  text: string;
  /** Empty when the § has a single paragraph. */
  stks: LawStk[];
  /** Nr. directly under the § (only when it has no stk.). */
  nrs: LawPiece[];
}

export interface LawParseOptions {
  /** Accept "N.<tab>" as a nr. marker (handbook layout) besides "N)". */
  dotNumbers?: boolean;
  /** The text starts inside this stk. without a "Stk. N." marker (e.g. a quote of "§ 9, stk. 3"). */
  implicitStk?: number;
  /** Characters at the start of the first line to leave out of stk. 1 / nr. text (the "§ 2." marker). */
  markerLength?: number;
}

const STK_RE = /^(\s*)Stk\.\s*(\d+)\.\s/;
const NR_PAREN_RE = /^(\s*)(\d+)\)\s/;
const NR_DOT_RE = /^(\s*)(\d+)\.\t/;
const OMISSION_RE = /^\s*\((…|\.\.\.)\)\s*$/;

/** Cleans a raw slice of law text: joins hyphenated line breaks and squashes white space. */
export function cleanLawText(raw: string): string {
  return squash(joinHyphenation(raw.replace(/\t/g, ' ')).replace(/^\s*\((…|\.\.\.)\)\s*$/gm, ' (…) '));
}

interface Span {
  start: number;
  end: number;
}

function textOf(raw: string, span: Span): string {
  return cleanLawText(raw.slice(span.start, span.end));
}

/**
 * Parses the lines of one § (first line holds the "§ N." marker unless implicitStk is given).
 * Lines must be contiguous lines of `raw`; `label` is the § label ("2", "128 c").
 */
export function parseLawParagraph(
  raw: string,
  lines: RawLine[],
  label: string,
  opts: LawParseOptions = {},
): LawParagraph {
  const content = lines.filter((l) => l.text.trim() !== '');
  if (content.length === 0) throw new Error(`Empty § ${label}`);
  const first = content[0]!;
  const last = content[content.length - 1]!;
  const lead = first.text.length - first.text.trimStart().length;
  const pStart = first.start + lead;
  let bodyStart = pStart + (opts.markerLength ?? 0);
  while (bodyStart < last.end && /[ \t\u00a0]/.test(raw[bodyStart]!)) bodyStart++;

  interface Open {
    num: number;
    start: number;
    end: number;
    nrs: { num: number; start: number; end: number }[];
  }
  const stks: Open[] = [];
  let cur: Open = { num: opts.implicitStk ?? 1, start: bodyStart, end: bodyStart, nrs: [] };
  let closed = false; // after an omission "(…)", until the next stk.
  for (const line of content) {
    const stk = STK_RE.exec(line.text);
    if (stk && Number(stk[2]) > cur.num) {
      stks.push(cur);
      // the stk. text starts after its "Stk. N." marker (the citation carries the number)
      cur = { num: Number(stk[2]), start: line.start + stk[0].length, end: line.end, nrs: [] };
      closed = false;
      continue;
    }
    if (OMISSION_RE.test(line.text)) {
      closed = true;
      continue;
    }
    if (closed) continue;
    const nr = NR_PAREN_RE.exec(line.text) ?? (opts.dotNumbers ? NR_DOT_RE.exec(line.text) : null);
    const lastNr = cur.nrs[cur.nrs.length - 1];
    if (nr && Number(nr[2]) === (lastNr?.num ?? 0) + 1) {
      if (lastNr) lastNr.end = prevEnd(content, line);
      cur.nrs.push({ num: Number(nr[2]), start: line.start + nr[1]!.length, end: line.end });
    } else if (lastNr) {
      lastNr.end = line.end;
    }
    cur.end = line.end;
  }
  stks.push(cur);
  // close nr spans: each nr ends where its stk ends unless already set by the next nr
  for (const s of stks) {
    const lastNr = s.nrs[s.nrs.length - 1];
    if (lastNr) lastNr.end = Math.max(lastNr.end, s.end);
  }

  const piece = (s: Span & { num: number }): LawPiece => ({
    num: s.num,
    start: s.start,
    end: s.end,
    text: textOf(raw, s),
  });
  const hasStk = stks.length > 1 || opts.implicitStk !== undefined;
  const children = stks.map((s) => ({ ...piece(s), nrs: s.nrs.map(piece) }));
  const pText = textOf(raw, { start: pStart, end: last.end });
  return {
    label,
    start: pStart,
    end: last.end,
    text: pText,
    stks: hasStk ? children : [],
    nrs: hasStk ? [] : (children[0]?.nrs ?? []),
  };
}

function prevEnd(content: RawLine[], line: RawLine): number {
  const i = content.indexOf(line);
  return i > 0 ? content[i - 1]!.end : line.start;
}

/** "128 c" -> "128c" (id form). */
export function labelId(label: string): string {
  return label.replace(/\s+/g, '');
}
