/**
 * Derived source "Serviceloven (uddrag)" (source id `sel`): the law text the handbook quotes verbatim
 * in its boxes, split into § / stk. / nr.
 *
 * A box starts at a block-initial line "§ 128 c. Kommunalbestyrelsen …" (one box, § 128, lacks the
 * period: "§ 128 Kommunalbestyrelsen …" right after its heading "§ 128 Anvendelse af stofseler"), or,
 * for retssikkerhedsloven, after a heading "Retssikkerhedslovens § 9, stk. 3". It ends where the
 * handbook's explanation starts: the first block after a finished sentence that is not a "Stk. N.",
 * a numbered item, an omission "(…)" or a lower-case continuation (column/page break).
 *
 * Ids: `sel-<§>` ("sel-128c"), `sel-<§>-stk<N>`, `sel-<§>-stk<N>-nr<M>`, `sel-<§>-nr<M>` (no stk.);
 * grundloven `grl-71…`, retssikkerhedsloven `rsl-9…`; all with sourceId `sel`.
 * Citations: "SEL § 128 c, stk. 2", "Grundloven § 71, stk. 1", "Retssikkerhedsloven § 9, stk. 3".
 */
import type { HandbookLayout } from './handbook-layout.ts';
import { isNoiseLine } from './handbook-layout.ts';
import { lawUnits } from './law.ts';
import { type LawParagraph, parseLawParagraph, type RawLine } from './law-structure.ts';
import type { SourceMeta, Unit } from './types.ts';

/** Provisions the handbook is expected to quote (serviceloven), as labels. */
export const EXPECTED_SEL: string[] = [
  '81',
  '82',
  '123',
  '124',
  '124 a',
  '124 b',
  '124 c',
  '124 d',
  '125',
  '128',
  '128 a',
  '128 b',
  '128 c',
  '128 d',
  '128 e',
  '128 f',
  '128 g',
  '128 h',
  '129',
  '129 a',
  '130',
  '130 a',
  '131',
  '131 a',
  '131 b',
  '132',
  '133',
  '134',
  '135',
  '135 a',
  '135 b',
  '136',
  '136 a',
  '136 b',
  '136 c',
  '136 d',
  '136 e',
  '136 f',
  '141',
];

const BOX_RE = /^(\s*)§\s(\d+)(?:\s([a-z]))?\.\s/;
const BOX_NOPERIOD_RE = /^(\s*)§\s(\d+)(?:\s([a-z]))?\s\p{Lu}/u;
const RSL_HEADING_RE = /^\s*Retssikkerhedslovens\s§\s(\d+),\sstk\.\s(\d+)/;

const isBlank = (l: RawLine | undefined) => !l || l.text.trim() === '';
/** Starts a block: after a blank line, or a page's first line (leading space in the extraction). */
const blockStart = (lines: RawLine[], i: number) => isBlank(lines[i - 1]) || /^ \S/.test(lines[i]!.text);

function chapterOf(num: number, letter: string | undefined): string | null {
  if (num >= 123 && num <= 135) return 'Kapitel 24';
  if (num === 136 && (!letter || letter === 'a')) return 'Kapitel 24 a';
  if (num === 136) return 'Kapitel 24 b';
  return null;
}

/** Last content line of a box that starts at line `from`. */
function boxEnd(lines: RawLine[], from: number): number {
  let last = from;
  for (let i = from + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlank(l) || isNoiseLine(l.text)) continue;
    if (blockStart(lines, i)) {
      const t = l.text.replace(/\u00a0/g, ' ').trim();
      if (BOX_RE.test(l.text) || /^§§? \d+/.test(t) || RSL_HEADING_RE.test(l.text)) {
        // a new box, a heading or a paragraph of explanation ("§ 130 stiller krav …"), unless it is
        // a reference continuing an unfinished sentence ("… efter\n\n§ 128 b, stk. 1, …")
        const reference = /^§ \d+(?: [a-z])?, (stk|nr)\./.test(t);
        if (!reference || /[.:]\s*$/.test(lines[last]!.text)) break;
      } else if (/^Stk\. \d+\./.test(t) || /^(\d+\.|[a-z]\))\t/.test(t) || /^\((…|\.\.\.)\)$/.test(t)) {
        // stk., nr., litra, omission: still law text
      } else if (/^\p{Ll}/u.test(t) || !/[.:]\s*$/.test(lines[last]!.text)) {
        // continuation after a column or page break
      } else {
        break;
      }
    }
    last = i;
  }
  return last;
}

interface Box {
  kind: 'sel' | 'grl' | 'rsl';
  label: string;
  num: number;
  letter?: string;
  startLine: number;
  endLine: number;
  markerLength: number;
  implicitStk?: number;
}

function findBoxes(layout: HandbookLayout): Box[] {
  const { lines } = layout;
  const boxes: Box[] = [];
  for (let i = layout.bodyStart; i < lines.length; i++) {
    const l = lines[i]!;
    const rsl = RSL_HEADING_RE.exec(l.text);
    if (rsl) {
      let j = i + 1;
      while (j < lines.length && !isBlank(lines[j])) j++; // rest of the heading
      while (j < lines.length && isBlank(lines[j])) j++;
      // the quote starts with "Stk. 9." or, for the stk. named in the heading, with no marker
      const explicit = /^\s*Stk\.\s(\d+)\.\s/.exec(lines[j]!.text);
      const end = boxEnd(lines, j);
      boxes.push({
        kind: 'rsl',
        label: rsl[1]!,
        num: Number(rsl[1]),
        startLine: j,
        endLine: end,
        markerLength: explicit ? explicit[0].trim().length : 0,
        implicitStk: explicit ? Number(explicit[1]) : Number(rsl[2]),
      });
      i = end;
      continue;
    }
    if (!blockStart(lines, i)) continue;
    let m = BOX_RE.exec(l.text);
    let markerLength = m ? m[0].trimStart().length - 1 : 0;
    if (!m) {
      // "§ 128 Kommunalbestyrelsen …": the box repeats the number of the heading right above it
      const np = BOX_NOPERIOD_RE.exec(l.text);
      let h = i - 1;
      while (h > 0 && isBlank(lines[h])) h--;
      while (h > 0 && !isBlank(lines[h - 1])) h--;
      if (
        np &&
        h < i - 1 &&
        lines[h]!.text.replace(/\u00a0/g, ' ')
          .trim()
          .startsWith(`§ ${np[2]}${np[3] ? ` ${np[3]}` : ''} `)
      ) {
        m = np;
        markerLength = `§ ${np[2]}${np[3] ? ` ${np[3]}` : ''}`.length;
      }
    }
    if (!m) continue;
    const num = Number(m[2]);
    const letter = m[3];
    let prev = i - 1;
    while (prev > 0 && isBlank(lines[prev])) prev--;
    const kind = lines[prev]!.text.trim() === 'Grundloven' ? 'grl' : 'sel';
    const end = boxEnd(lines, i);
    boxes.push({
      kind,
      label: letter ? `${num} ${letter}` : `${num}`,
      num,
      ...(letter ? { letter } : {}),
      startLine: i,
      endLine: end,
      markerLength,
    });
    i = end;
  }
  return boxes;
}

/** Parses the quoted law text of the handbook into `sel` units (in handbook order). */
export function parseSelBoxes(layout: HandbookLayout, selMeta: SourceMeta): Unit[] {
  const { raw, lines, toc } = layout;
  const boxes = findBoxes(layout);
  const units: Unit[] = [];
  const seen = new Set<string>();
  const rslPieces: { box: Box; para: LawParagraph }[] = [];
  for (const box of boxes) {
    const para = parseLawParagraph(raw, lines.slice(box.startLine, box.endLine + 1), box.label, {
      dotNumbers: true,
      markerLength: box.markerLength,
      ...(box.implicitStk !== undefined ? { implicitStk: box.implicitStk } : {}),
    });
    if (box.kind === 'rsl') {
      rslPieces.push({ box, para });
      continue;
    }
    const key = `${box.kind}-${box.label}`;
    if (seen.has(key)) throw new Error(`hb2025: § ${box.label} quoted twice`);
    seen.add(key);
    const tocHeading = [...toc].reverse().find((t) => t.line <= box.startLine && t.title.startsWith('§'));
    let headingPath: string[];
    let idPrefix = 'sel';
    let citePrefix = 'SEL';
    if (box.kind === 'grl') {
      headingPath = ['Danmarks Riges Grundlov', `§ ${box.label}`];
      idPrefix = 'grl';
      citePrefix = 'Grundloven';
    } else {
      const chapter = chapterOf(box.num, box.letter);
      headingPath = ['Lov om social service', ...(chapter ? [chapter] : []), ...(tocHeading ? [tocHeading.title] : [])];
    }
    units.push(
      ...lawUnits(selMeta, para, { idPrefix, citePrefix, headingPath, quotedOnPage: layout.pageAt(box.startLine) }),
    );
  }
  if (rslPieces.length > 0) {
    // Retssikkerhedsloven § 9 is quoted in pieces (stk. 3; stk. 9 and 10): one § with their stk.
    const first = rslPieces[0]!;
    const stks = rslPieces.flatMap((p) => p.para.stks);
    const merged: LawParagraph = {
      label: first.para.label,
      start: first.para.start,
      end: rslPieces[rslPieces.length - 1]!.para.end,
      text: stks.map((s) => `Stk. ${s.num}. ${s.text}`).join(' '),
      stks,
      nrs: [],
    };
    units.push(
      ...lawUnits(selMeta, merged, {
        idPrefix: 'rsl',
        citePrefix: 'Retssikkerhedsloven',
        headingPath: ['Lov om retssikkerhed og administration på det sociale område', `§ ${first.para.label}`],
        quotedOnPage: layout.pageAt(first.box.startLine),
      }),
    );
  }
  return units;
}

/** Labels of the serviceloven §§ found in the handbook boxes, and the expected ones not found. */
export function selCoverage(units: Unit[]): { found: string[]; missing: string[] } {
  const found = units
    .filter((u) => u.kind === 'paragraf' && u.id.startsWith('sel-'))
    .map((u) => u.citation.replace(/^SEL § /, ''));
  return { found, missing: EXPECTED_SEL.filter((l) => !found.includes(l)) };
}
