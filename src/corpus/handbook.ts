/**
 * Parser for the handbook "Regler om brug af magt … Til myndighedspersoner" (hb2025) and the derived
 * source "Serviceloven (uddrag)" (sel, see handbook-sel.ts).
 *
 * Sections follow the table of contents: every TOC heading starts a unit that runs to the next TOC
 * heading. The text excludes the heading itself (it is the last element of headingPath).
 * - headingPath: [chapter] for a chapter, [chapter, section] for a section under it.
 * - ids: `hb2025-<slug(heading)>` with slug() of text.ts, § letters glued to their number and cut at
 *   a word boundary to at most 48 characters ("hb2025-128c-laasning-og-sikring-af-yderdoere-og-vinduer"
 *   becomes "hb2025-128c-laasning-og-sikring-af-yderdoere-og"); a repeated slug gets "-2", "-3".
 * - case stories are kind `case` with ids `hb2025-case-<name>` ("hb2025-case-christoffer",
 *   "hb2025-case-joergen", "hb2025-case-soldalsvaenge") and citation "…, s. 23 (Christoffer)".
 * - parentId: a section's chapter unit (null when the chapter heading has no text of its own).
 * - page: from the TOC and the page footers (handbook-layout.ts); citation "<shortTitle>, s. <page>".
 * - the overview tables ("Oversigt over …", "Samlet oversigt …") are kept as sections, one cell per line.
 * Front matter and the table of contents itself are not units.
 */
import { analyseHandbook, CASES, cleanHandbookLines, isNoiseLine } from './handbook-layout.ts';
import { parseSelBoxes } from './handbook-sel.ts';
import { slug } from './text.ts';
import type { SourceMeta, Unit } from './types.ts';
import { makeUnit } from './unit.ts';

export function parseHandbook(meta: SourceMeta, raw: string, selMeta: SourceMeta): { handbook: Unit[]; sel: Unit[] } {
  const layout = analyseHandbook(raw);
  const { lines, toc } = layout;
  const units: Unit[] = [];
  const usedIds = new Set<string>();
  let chapter: { title: string; id: string | null } | null = null;

  toc.forEach((entry, k) => {
    const next = toc[k + 1];
    const bodyFrom = entry.lastLine + 1;
    const bodyTo = next ? next.line : lines.length; // exclusive
    const body = lines.slice(bodyFrom, bodyTo);
    const content = body.filter((l) => l.text.trim() !== '' && !isNoiseLine(l.text));
    const caseId = CASES[entry.title];
    const table = /^(Samlet oversigt|Oversigt over)/.test(entry.title);
    const text = cleanHandbookLines(body, { table });
    const page = layout.pageAt(entry.line);

    let id: string;
    if (caseId) {
      id = `${meta.id}-case-${caseId}`;
    } else {
      const base = `${meta.id}-${headingSlug(entry.title)}`;
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    }
    const isChapter = entry.level === 1;
    if (isChapter) chapter = { title: entry.title, id: content.length > 0 ? id : null };
    const headingPath = isChapter || !chapter ? [entry.title] : [chapter.title, entry.title];
    if (content.length === 0) return;
    usedIds.add(id);
    const headLine = lines[entry.line]!;
    const start = headLine.start + (headLine.text.length - headLine.text.trimStart().length);
    const end = content[content.length - 1]!.end;
    units.push(
      makeUnit(meta, {
        id,
        kind: caseId ? 'case' : 'section',
        citation: caseId ? `${meta.shortTitle}, s. ${page} (${entry.title})` : `${meta.shortTitle}, s. ${page}`,
        headingPath,
        text,
        parentId: isChapter || !chapter ? null : chapter.id,
        start,
        end,
        page,
      }),
    );
  });

  return { handbook: units, sel: parseSelBoxes(layout, selMeta) };
}

/** Readable id part for a heading: "§ 128 c Låsning …" -> "128c-laasning-…", at most 48 characters. */
export function headingSlug(title: string): string {
  const s = slug(title.replace(/(\d+)\s+([a-z])\b/g, '$1$2'), 200);
  if (s.length <= 48) return s;
  const cut = s.slice(0, 49);
  return cut.slice(0, cut.lastIndexOf('-'));
}
