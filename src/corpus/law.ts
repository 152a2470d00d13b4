/**
 * Parser for the executive orders (bek1412, bek2017): § -> stk. -> nr.
 *
 * Ids: `<source>-<§>` ("bek1412-2"), `<source>-<§>-stk<N>` ("bek1412-2-stk1"),
 * `<source>-<§>-stk<N>-nr<M>` ("bek1412-2-stk1-nr3"), `<source>-<§>-nr<M>` for a nr. in a § without stk.
 * A § letter is glued to the number in ids ("128c") and spaced in citations ("§ 128 c").
 * Citations: "<shortTitle> § 2, stk. 1, nr. 3".
 * headingPath: [title of the order, section heading] (section headings such as "Ikrafttræden").
 */
import { type LawParagraph, labelId, parseLawParagraph, type RawLine, rawLines } from './law-structure.ts';
import { squash } from './text.ts';
import type { SourceMeta, Unit, UnitKind } from './types.ts';
import { makeUnit } from './unit.ts';

export { cleanLawText, type LawParagraph, parseLawParagraph, rawLines } from './law-structure.ts';

const PARA_RE = /^(\s*)§\s+(\d+)(?:\s+([a-z]))?\.\s/;
/** Signature lines that end the last § ("Børne- og Socialministeriet, den 13. november 2017"). */
const SIGNATURE_RE = /ministeriet, den \d+\./;

function isBlank(l: RawLine | undefined): boolean {
  return !l || l.text.trim() === '';
}

/** Ends a sentence or a clause that cannot be followed by a heading. */
function endsSentence(text: string): boolean {
  return /[.:;]\s*$/.test(text) && !/\bm\.v\.\s*$/.test(text);
}

/**
 * Lines immediately before a § that form a section heading: short lines after the end of the
 * previous sentence, starting with a capital letter and not ending in punctuation.
 */
function headingBefore(lines: RawLine[], paraIdx: number, floor: number): { from: number; text: string } | null {
  let i = paraIdx - 1;
  while (i > floor && isBlank(lines[i])) i--;
  const picked: number[] = [];
  while (i > floor && picked.length < 3) {
    const l = lines[i]!;
    if (isBlank(l)) {
      i--;
      continue;
    }
    if (endsSentence(l.text) || /-\s*$/.test(l.text)) break;
    picked.unshift(i);
    i--;
  }
  if (picked.length === 0) return null;
  // the line before the heading must end a sentence (or be the start of the body)
  if (i > floor && !endsSentence(lines[i]!.text)) return null;
  const text = squash(picked.map((k) => lines[k]!.text).join(' '));
  if (
    !/^\p{Lu}/u.test(text) ||
    /^Stk\./.test(text) ||
    (/[,;:.-]$/.test(text) && !/m\.v\.$/.test(text)) ||
    text.length > 140
  )
    return null;
  return { from: picked[0]!, text };
}

interface Located {
  lineIdx: number;
  label: string;
  markerLength: number;
  heading: { from: number; text: string } | null;
}

/** Parses an executive order into units. */
export function parseLawSource(meta: SourceMeta, raw: string): Unit[] {
  const lines = rawLines(raw);
  // Title: the lines before "I medfør af".
  const preambleIdx = lines.findIndex((l) => /^\s*I medfør af/.test(l.text));
  if (preambleIdx < 0) throw new Error(`${meta.id}: no preamble ("I medfør af") found`);
  const title = squash(
    lines
      .slice(0, preambleIdx)
      .map((l) => l.text)
      .join(' '),
  );

  // Locate § starts: "§ N." at a line start, numbered 1, 2, 3 … (letters allowed after a number).
  const found: Located[] = [];
  let expected = 1;
  for (let i = preambleIdx + 1; i < lines.length; i++) {
    const m = PARA_RE.exec(lines[i]!.text);
    if (!m) continue;
    const num = Number(m[2]);
    const letter = m[3];
    const prev = found[found.length - 1];
    const ok = letter ? prev !== undefined && num === expected - 1 : num === expected;
    if (!ok) continue;
    // must follow the end of a sentence, a blank line or a heading
    let j = i - 1;
    while (j > preambleIdx && isBlank(lines[j])) j--;
    const afterBreak = j < i - 1 || endsSentence(lines[j]!.text);
    const heading = headingBefore(lines, i, found.length ? found[found.length - 1]!.lineIdx : preambleIdx);
    if (!afterBreak && !heading) continue;
    found.push({
      lineIdx: i,
      label: letter ? `${num} ${letter}` : `${num}`,
      markerLength: m[0].trimStart().length - 1,
      heading,
    });
    if (!letter) expected = num + 1;
  }
  if (found.length === 0) throw new Error(`${meta.id}: no § found`);

  let lastLine = lines.length;
  const sig = lines.findIndex((l, k) => k > found[found.length - 1]!.lineIdx && SIGNATURE_RE.test(l.text));
  if (sig >= 0) lastLine = sig;

  const units: Unit[] = [];
  let section: string | null = null;
  found.forEach((p, k) => {
    if (p.heading) section = p.heading.text;
    const next = found[k + 1];
    const endIdx = next ? (next.heading ? next.heading.from : next.lineIdx) : lastLine;
    const para = parseLawParagraph(raw, lines.slice(p.lineIdx, endIdx), p.label, { markerLength: p.markerLength });
    const headingPath = section ? [title, section] : [title];
    units.push(...lawUnits(meta, para, { idPrefix: meta.id, citePrefix: meta.shortTitle, headingPath }));
  });
  return units;
}

export interface LawUnitOptions {
  /** Id prefix before the § label: "bek1412" -> "bek1412-2", "sel" -> "sel-128c". */
  idPrefix: string;
  /** Citation before "§": "Bek. nr. 1412/2024", "SEL". */
  citePrefix: string;
  headingPath: string[];
  quotedOnPage?: number;
  page?: number;
}

/** Turns a parsed § into units: the § itself, its stk. and their nr. (containers carry children's text). */
export function lawUnits(meta: SourceMeta, para: LawParagraph, o: LawUnitOptions): Unit[] {
  const pid = `${o.idPrefix}-${labelId(para.label)}`;
  const pcite = `${o.citePrefix} § ${para.label}`;
  const extra = {
    ...(o.quotedOnPage !== undefined ? { quotedOnPage: o.quotedOnPage } : {}),
    ...(o.page !== undefined ? { page: o.page } : {}),
  };
  const mk = (
    id: string,
    kind: UnitKind,
    citation: string,
    text: string,
    parentId: string | null,
    start: number,
    end: number,
  ) => makeUnit(meta, { id, kind, citation, headingPath: o.headingPath, text, parentId, start, end, ...extra });
  const out: Unit[] = [mk(pid, 'paragraf', pcite, para.text, null, para.start, para.end)];
  for (const nr of para.nrs) {
    out.push(mk(`${pid}-nr${nr.num}`, 'nr', `${pcite}, nr. ${nr.num}`, nr.text, pid, nr.start, nr.end));
  }
  for (const stk of para.stks) {
    const sid = `${pid}-stk${stk.num}`;
    const scite = `${pcite}, stk. ${stk.num}`;
    out.push(mk(sid, 'stk', scite, stk.text, pid, stk.start, stk.end));
    for (const nr of stk.nrs) {
      out.push(mk(`${sid}-nr${nr.num}`, 'nr', `${scite}, nr. ${nr.num}`, nr.text, sid, nr.start, nr.end));
    }
  }
  return out;
}
