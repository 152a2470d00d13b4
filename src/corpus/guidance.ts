/**
 * Parser for the guidance (vejledning 2025, OCR-damaged draft).
 *
 * Structure: Afsnit I–IV -> Kapitel 1–33 -> numbered points. The draft prints every point number as
 * "[X]."; points are numbered 1, 2, 3 … in order within each chapter. The structure is read from the
 * raw text (offsets refer to it); each unit's text is cleaned and OCR-repaired.
 */
import { repairText } from './ocr-repair.ts';
import { joinHyphenation, squash } from './text.ts';
import type { SourceMeta, Unit } from './types.ts';
import { makeUnit } from './unit.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Afsnit |" (I), "Afsnit I" (II), "Afsnit 111" (III), "Afsnit IV": numbered by order, not by OCR. */
const AFSNIT_RE = /^Afsnit (?:\||I|Il|II|111|III|IV)\s*$/;
const KAPITEL_RE = /^\s*Kapitel (\d+)\s*$/;
/** A point starts a line with "[X]." followed by text ("kapitel\n[X]." is a cross-reference). */
const PUNKT_RE = /^\s*\[X\]\.[ \t]+\S/;

interface Line {
  text: string;
  start: number;
  end: number; // offset just after the line's text (before its newline)
}

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const text of raw.split('\n')) {
    lines.push({ text, start: pos, end: pos + text.length });
    pos += text.length + 1;
  }
  return lines;
}

const isBlank = (l: Line | undefined): boolean => !l || l.text.trim() === '';

/** A one-line heading: short, starts with a capital, no sentence punctuation at the end. */
function headingLike(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 120) return false;
  if (!/^[\p{Lu}@|]/u.test(t)) return false;
  if (/[.,;:\-–]$/.test(t)) return false;
  if (/^(§|Stk\.|\[X\]|Kapitel \d|Afsnit )/.test(t)) return false;
  return true;
}

/** Targeted fixes of damaged headings and references that a word-level repair cannot see. */
function fixPhrases(text: string): string {
  return text
    .replace(/kapitel 23 (?:¢|c\b)/g, 'kapitel 24 c')
    .replace(/kapitel (\d+)-(\d+)([a-d])\b/g, 'kapitel $1-$2 $3');
}

/**
 * Clean text of a raw slice: placeholder removed, page-number lines dropped, hyphenation joined,
 * OCR repaired, paragraphs normalised (a paragraph starting in lower case continues the previous
 * one across a page break) and separated by a blank line.
 */
export function cleanGuidanceText(rawSlice: string): string {
  let t = rawSlice.replace(/^\s*\[X\]\.[ \t]*/, '');
  // Unfilled cross-references of the draft ("kapitel [X]", "[x-x]", "[x, x og x]") become "[…]".
  t = t.replace(/\[[xX](?:(?:-|, | og )[xX])*\.?\]/g, '[…]');
  t = t
    .split('\n')
    .filter((l) => !/^\s*\d{1,3}\s*$/.test(l))
    .join('\n');
  t = joinHyphenation(t);
  t = repairText(fixPhrases(t)).text;
  const paragraphs: string[] = [];
  for (const p of t.split(/\n[ \t]*\n/)) {
    const s = squash(p);
    if (!s) continue;
    if (paragraphs.length && /^\p{Ll}/u.test(s)) paragraphs[paragraphs.length - 1] += ` ${s}`;
    else paragraphs.push(s);
  }
  return paragraphs.join('\n\n');
}

function cleanHeading(lines: string[]): string {
  return squash(repairText(fixPhrases(joinHyphenation(lines.join('\n')))).text);
}

interface Marker {
  kind: 'afsnit' | 'kapitel' | 'punkt';
  line: number;
  /** First line belonging to this marker's unit (sub-headings before a point are cut off). */
  first: number;
  num: number;
  /** For chapters and parts: lines of the title. */
  titleLines: number[];
  /** For points: sub-heading lines directly before the point. */
  headingLines: number[];
}

function findMarkers(lines: Line[]): Marker[] {
  const markers: Marker[] = [];
  let afsnit = 0;
  let kapitel = 0;
  const titleLine = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const k = KAPITEL_RE.exec(text);
    if (AFSNIT_RE.test(text)) {
      afsnit++;
      const titleLines: number[] = [];
      for (let j = i + 1; j < lines.length && !isBlank(lines[j]); j++) {
        const t = lines[j]!.text;
        if (KAPITEL_RE.test(t) || PUNKT_RE.test(t)) break;
        titleLines.push(j);
      }
      for (const t of titleLines) titleLine.add(t);
      markers.push({ kind: 'afsnit', line: i, first: i, num: afsnit, titleLines, headingLines: [] });
    } else if (k && Number(k[1]) === kapitel + 1) {
      // Only the next chapter in sequence: quoted law headings ("Kapitel 24" in kap. 10) are text.
      kapitel++;
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j])) j++;
      const titleLines = [j];
      // A title wraps when the next line continues in lower case (kap. 31, 32).
      while (j + 1 < lines.length && /^\s*\p{Ll}/u.test(lines[j + 1]!.text)) titleLines.push(++j);
      for (const t of titleLines) titleLine.add(t);
      markers.push({ kind: 'kapitel', line: i, first: i, num: kapitel, titleLines, headingLines: [] });
    } else if (PUNKT_RE.test(text)) {
      // Sub-headings: one-line paragraphs directly before the point.
      const headingLines: number[] = [];
      let j = i - 1;
      for (;;) {
        while (j >= 0 && isBlank(lines[j])) j--;
        if (j < 0 || titleLine.has(j) || !headingLike(lines[j]!.text)) break;
        const prev = lines[j - 1];
        const prevIsTitle = titleLine.has(j - 1);
        if (!isBlank(prev) && !prevIsTitle && !headingLike(prev!.text)) break;
        headingLines.unshift(j);
        j--;
      }
      // Stop at the previous marker.
      const lastLine = markers.length ? markers[markers.length - 1]!.line : -1;
      const kept = headingLines.filter((h) => h > lastLine);
      markers.push({
        kind: 'punkt',
        line: i,
        first: kept.length ? kept[0]! : i,
        num: 0,
        titleLines: [],
        headingLines: kept,
      });
    }
  }
  return markers;
}

/** Parses the guidance into afsnit, kapitel and punkt units, in reading order. */
export function parseGuidance(meta: SourceMeta, raw: string): Unit[] {
  const lines = splitLines(raw);
  const markers = findMarkers(lines);
  const units: Unit[] = [];
  const cite = meta.shortTitle;
  const lineText = (ns: number[]) => ns.map((n) => lines[n]!.text);

  // End (exclusive, as a raw offset) of the unit started by marker m: where the next unit of the
  // same or a higher level begins.
  const rank = { afsnit: 0, kapitel: 1, punkt: 2 } as const;
  const endOf = (idx: number, ownRank: number): number => {
    for (let j = idx + 1; j < markers.length; j++) {
      const next = markers[j]!;
      if (rank[next.kind] <= ownRank) return lines[next.first]!.start;
    }
    return raw.length;
  };
  // Trims trailing white space of a span so offsets end on text.
  const trimEnd = (start: number, end: number): number => {
    let e = end;
    while (e > start && /\s/.test(raw[e - 1]!)) e--;
    return e;
  };

  let afsnitId: string | null = null;
  let afsnitHeading = '';
  let chapterId: string | null = null;
  let chapterHeading = '';
  let punktNum = 0;
  let subHeadings: string[] = [];
  let ownerId: string | null = null;
  let ownerCite = '';

  markers.forEach((m, idx) => {
    const start = lines[m.line]!.start;
    if (m.kind === 'afsnit') {
      const roman = ROMAN[m.num - 1] ?? String(m.num);
      afsnitId = `${meta.id}-a${m.num}`;
      afsnitHeading = `Afsnit ${roman} ${cleanHeading(lineText(m.titleLines))}`;
      chapterId = null;
      chapterHeading = '';
      punktNum = 0;
      subHeadings = [];
      ownerId = afsnitId;
      ownerCite = `${cite} afsnit ${roman}`;
      const next = markers[idx + 1];
      const introEnd = next ? lines[next.first]!.start : raw.length;
      const intro = cleanGuidanceText(raw.slice(lines[m.titleLines.at(-1) ?? m.line]!.end, introEnd));
      units.push(
        makeUnit(meta, {
          id: afsnitId,
          kind: 'afsnit',
          citation: ownerCite,
          headingPath: [afsnitHeading],
          text: intro ? `${afsnitHeading}\n\n${intro}` : afsnitHeading,
          parentId: null,
          start,
          end: trimEnd(start, endOf(idx, rank.afsnit)),
        }),
      );
    } else if (m.kind === 'kapitel') {
      chapterId = `${meta.id}-k${m.num}`;
      const title = cleanHeading(lineText(m.titleLines));
      chapterHeading = `Kapitel ${m.num} ${title}`;
      punktNum = 0;
      subHeadings = [];
      ownerId = chapterId;
      ownerCite = `${cite} kap. ${m.num}`;
      const next = markers[idx + 1];
      const introEnd = next && next.kind === 'punkt' ? lines[next.first]!.start : endOf(idx, rank.kapitel);
      const intro = cleanGuidanceText(raw.slice(lines[m.titleLines.at(-1)!]!.end, introEnd));
      units.push(
        makeUnit(meta, {
          id: chapterId,
          kind: 'kapitel',
          citation: ownerCite,
          headingPath: [afsnitHeading, chapterHeading],
          text: intro ? `${title}\n\n${intro}` : title,
          parentId: afsnitId,
          start,
          end: trimEnd(start, endOf(idx, rank.kapitel)),
        }),
      );
    } else {
      if (!ownerId) throw new Error(`Guidance point before any part or chapter at line ${m.line + 1}`);
      punktNum++;
      if (m.headingLines.length) subHeadings = m.headingLines.map((h) => cleanHeading([lines[h]!.text]));
      const end = trimEnd(start, endOf(idx, rank.punkt));
      const path = chapterId ? [afsnitHeading, chapterHeading, ...subHeadings] : [afsnitHeading, ...subHeadings];
      units.push(
        makeUnit(meta, {
          id: `${ownerId}-p${punktNum}`,
          kind: 'punkt',
          citation: `${ownerCite}, pkt. ${punktNum}`,
          headingPath: path,
          text: cleanGuidanceText(raw.slice(start, end)),
          parentId: ownerId,
          start,
          end,
        }),
      );
    }
  });
  return units;
}
