/**
 * Layout of the handbook text (hb2025): table of contents, headings in the body, page numbers and
 * text clean-up. The extracted PDF text has only five page footers ("26 Til myndighedspersoner.
 * Regler om brug af magt …" = last line of page 26) and one lone page number ("35"); the table of
 * contents gives the page of every heading. Both serve as page anchors: a line's page is the page of
 * the last anchor at or before it (never interpolated).
 */
import { type RawLine, rawLines } from './law-structure.ts';
import { joinHyphenation, squash } from './text.ts';

export const FOOTER_RE = /^\s*(\d{1,3}) Til myndighedspersoner\. Regler om brug af magt/;
const LONE_PAGE_RE = /^\s*(\d{1,3})\s*$/;
const TOC_ENTRY_RE = /^(.*?)\s*\.{2,}\s*(\d{1,3})\s*$/;
/** The case stories: heading in the handbook -> id suffix. */
export const CASES: Record<string, string> = {
  Jasmin: 'jasmin',
  Christoffer: 'christoffer',
  Per: 'per',
  Martin: 'martin',
  Gunnar: 'gunnar',
  Agnes: 'agnes',
  Jørgen: 'joergen',
  'Bofællesskabet Soldalsvænge': 'soldalsvaenge',
};

export interface TocEntry {
  title: string;
  page: number;
  /** Top-level chapter (first entry of a group in the table of contents) or sub-section. */
  level: 1 | 2;
  /** First and last line (inclusive) of the heading in the body. */
  line: number;
  lastLine: number;
}

export interface HandbookLayout {
  raw: string;
  lines: RawLine[];
  /** Index of the first body line (after the table of contents). */
  bodyStart: number;
  toc: TocEntry[];
  pageAt(lineIdx: number): number;
  /** Line index containing a raw offset. */
  lineAt(offset: number): number;
}

/** Normalises a heading for comparison (white space, trailing dots and spaces). */
function norm(s: string): string {
  return squash(s)
    .replace(/[\s.]+$/, '')
    .toLowerCase();
}

function isBlank(l: RawLine | undefined): boolean {
  return !l || l.text.trim() === '';
}

export function analyseHandbook(raw: string): HandbookLayout {
  const lines = rawLines(raw);
  const tocStart = lines.findIndex((l) => l.text.trim() === 'Indhold');
  if (tocStart < 0) throw new Error('hb2025: no table of contents ("Indhold")');

  // Parse the table of contents: groups separated by blank lines; wrapped entries are joined.
  const raws: { title: string; page: number; groupFirst: boolean }[] = [];
  let pending = '';
  let groupFirst = true;
  let lastTocLine = tocStart;
  for (let i = tocStart + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.trim() === '') {
      if (!pending) groupFirst = true;
      continue;
    }
    const m = TOC_ENTRY_RE.exec(`${pending} ${t}`.trim());
    if (m) {
      raws.push({ title: squash(m[1]!).replace(/\s*\.+$/, ''), page: Number(m[2]), groupFirst });
      groupFirst = false;
      pending = '';
      lastTocLine = i;
    } else if (!pending && /\S {2,}$|\S$/.test(t) && i + 1 < lines.length && TOC_ENTRY_RE.test(lines[i + 1]!.text)) {
      pending = t; // first half of a wrapped entry
    } else {
      break;
    }
  }
  const bodyStart = lastTocLine + 1;

  // Candidate heading positions for each entry: 1–4 consecutive body lines equal to the title.
  const candidates = (title: string, from: number): { line: number; last: number }[] => {
    const want = norm(title);
    const out: { line: number; last: number }[] = [];
    for (let i = from; i < lines.length; i++) {
      if (isBlank(lines[i])) continue;
      let acc = '';
      for (let k = 0; k < 4 && i + k < lines.length; k++) {
        const l = lines[i + k]!;
        if (isBlank(l)) break;
        acc = `${acc} ${l.text}`;
        const n = norm(acc);
        if (n === want) {
          out.push({ line: i, last: i + k });
          break;
        }
        if (!want.startsWith(n)) break;
      }
    }
    return out;
  };

  const toc: TocEntry[] = [];
  let from = bodyStart;
  raws.forEach((e, idx) => {
    const cands = candidates(e.title, from);
    if (cands.length === 0) throw new Error(`hb2025: heading not found in body: ${e.title}`);
    // Prefer a candidate that starts a page (leading space in the extracted text) before the next
    // entry's first occurrence: "Kapitel 24" also appears inside the overview figure on p. 19.
    const next = raws[idx + 1];
    const nextFirst = next ? (candidates(next.title, cands[0]!.line + 1)[0]?.line ?? lines.length) : lines.length;
    const pageStart = cands.find((c) => c.line < nextFirst && /^ \S/.test(lines[c.line]!.text));
    const chosen = pageStart ?? cands[0]!;
    const isCase = squash(e.title) in CASES;
    const level: 1 | 2 = e.groupFirst && !e.title.startsWith('§') && !isCase ? 1 : 2;
    // the body heading keeps what the dot leader swallowed ("Fastholdelse m.v.")
    const title = squash(
      lines
        .slice(chosen.line, chosen.last + 1)
        .map((l) => l.text)
        .join(' '),
    );
    toc.push({ title, page: e.page, level, line: chosen.line, lastLine: chosen.last });
    from = chosen.last + 1;
  });

  // Page anchors: TOC headings, page footers and the lone page number.
  const anchors: { line: number; page: number }[] = toc.map((t) => ({ line: t.line, page: t.page }));
  for (let i = bodyStart; i < lines.length; i++) {
    const f = FOOTER_RE.exec(lines[i]!.text) ?? LONE_PAGE_RE.exec(lines[i]!.text);
    if (!f) continue;
    const p = Number(f[1]);
    anchors.push({ line: i, page: p }, { line: i + 1, page: p + 1 });
  }
  anchors.sort((a, b) => a.line - b.line || a.page - b.page);
  for (let k = 1; k < anchors.length; k++) {
    if (anchors[k]!.page < anchors[k - 1]!.page) {
      throw new Error(`hb2025: page anchors out of order at line ${anchors[k]!.line + 1}`);
    }
  }
  const starts = lines.map((l) => l.start);
  return {
    raw,
    lines,
    bodyStart,
    toc,
    pageAt(lineIdx: number): number {
      let page = anchors[0]?.page ?? 1;
      for (const a of anchors) {
        if (a.line > lineIdx) break;
        page = a.page;
      }
      return page;
    },
    lineAt(offset: number): number {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** Lines that are layout, not content: footers, lone page numbers, link lines, dot-only figure lines. */
export function isNoiseLine(text: string): boolean {
  const t = text.trim();
  return (
    FOOTER_RE.test(text) ||
    LONE_PAGE_RE.test(text) ||
    /^(mailto:|https?:\/\/)/.test(t) ||
    /^[•!]+(\s*[•!]+)*$/.test(t) ||
    /^ORGANISATORISKE RAMMER\s*•/.test(t) ||
    t === 'Social- og Boligstyrelsen'
  );
}

/** Ligatures lost in extraction ("sku�er" = skuffer, "drø�es" = drøftes). */
const LIGATURES: Record<string, string> = { 'sku�er': 'skuffer', 'drø�es': 'drøftes' };

/**
 * Clean, readable text from a run of handbook lines: drops layout noise and bullet glyphs, joins
 * hyphenated line breaks, joins the lines of a paragraph with spaces and separates paragraphs (and
 * list items) with newlines.
 */
export function cleanHandbookLines(lines: RawLine[], opts: { table?: boolean } = {}): string {
  const kept: string[] = [];
  for (const l of lines) {
    if (isNoiseLine(l.text)) continue;
    const bullet = /^\s*[�Æ]\s/.test(l.text);
    const numbered = /^\s*(\d+\.|[a-z]\))\t/.test(l.text);
    const t = l.text
      .replace(/^\s*[�Æ]\s+/, '')
      .replace(/\S*�\S*/g, (w) => LIGATURES[w] ?? w.replace(/�/g, ''))
      .replace(/\t/g, ' ')
      .trim();
    if (t === '') {
      kept.push('');
      continue;
    }
    // list items (bullets, "1.<tab>" numbers, "a)<tab>" letters) and the first line of a page
    // (leading space in the extraction) start a new block
    if (bullet || numbered || /^ \S/.test(l.text)) kept.push('');
    kept.push(bullet ? `• ${t}` : t);
  }
  // Re-join hyphenation across line breaks (also across one blank line), then build paragraphs:
  // a blank line ends a paragraph after sentence-final punctuation or before a list item; otherwise
  // it is a column or page break inside a sentence.
  const joined = joinHyphenation(kept.join('\n'));
  const paras: string[] = [];
  let cur = '';
  for (const b of joined.split(/\n[ \t]*\n+/)) {
    const text = squash(b);
    if (!text) continue;
    // In a flattened table every block is a cell (own line) unless it continues a word or phrase.
    const continues = opts.table
      ? /^\p{Ll}/u.test(text) || /[/,]$/.test(cur)
      : !/[.:!?)”"]$/.test(cur) && !/^(\d+\.|[a-z]\)|•)\s/.test(text);
    if (cur && continues) {
      cur = cur.endsWith('/') ? `${cur}${text}` : `${cur} ${text}`;
      continue;
    }
    if (cur) paras.push(cur);
    cur = text;
  }
  if (cur) paras.push(cur);
  return paras
    .flatMap((p) => p.split(/ (?=• )/))
    .join('\n')
    .replace(/ -\n/g, ' - ');
}
