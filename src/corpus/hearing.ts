import { joinHyphenation, slug, squash } from './text.ts';
import type { SourceMeta, Unit } from './types.ts';
import { makeUnit } from './unit.ts';

/**
 * The hearing letter (høringsbrev, source `hoering2024`): background only.
 * The PDF text puts a blank line after almost every line and has page numbers only on some pages,
 * so units are the letter's sections (by heading) split into paragraphs; no page numbers are
 * claimed. Ids: `hoering2024-<section-slug>` for a section, `…-<n>` for its n-th paragraph.
 */

interface Line {
  text: string;
  start: number;
  end: number;
}

const HEADINGS = [
  'Høring over to bekendtgørelsesudkast om magtanvendelse og tryghedsskabende velfærdsteknologiske løsninger',
  'Udkast til bekendtgørelse om magtanvendelse og andre indgreb i selvbestemmelsesretten over for voksne samt om særlige sikkerhedsforanstaltninger for voksne og modtagepligt i boformer efter lov om social service',
  'Udkast til bekendtgørelse om tryghedsskabende velfærdsteknologiske løsninger i relation til afsnit VII i lov om social service',
  'Baggrund',
  'Hvad finder fortsat anvendelse?',
  'Hvad er ændret?',
  'Innovations- og iværksættertjekket',
  'Høringsfrist',
];
// "Social- og Boligministeriet beder om, at eventuelle bemærkninger …" opens the closing section.
const CLOSING = /^Social- og Boligministeriet beder om, at eventuelle bemærkninger/;

function lines(raw: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const l of raw.split('\n')) {
    const t = l.trim();
    // Skip blanks and lone page numbers.
    if (t && !/^\d+$/.test(t)) out.push({ text: t, start: pos, end: pos + l.length });
    pos += l.length + 1;
  }
  return out;
}

/** Matches a (possibly multi-line) heading starting at line i; returns how many lines it spans. */
function headingAt(ls: Line[], i: number): { title: string; span: number } | undefined {
  for (const h of HEADINGS) {
    let acc = '';
    for (let j = i; j < ls.length && j < i + 5; j++) {
      acc = squash(`${acc} ${ls[j]!.text}`);
      if (acc === h) return { title: h, span: j - i + 1 };
      if (!h.startsWith(acc)) break;
    }
  }
  return undefined;
}

export function parseHearing(meta: SourceMeta, raw: string): Unit[] {
  const ls = lines(raw);
  const units: Unit[] = [];
  const title = HEADINGS[0]!;
  let section: { id: string; title: string; start: number; paras: Line[][] } | undefined;
  let para: Line[] = [];
  const used = new Set<string>();

  const flushPara = () => {
    if (para.length && section) section.paras.push(para);
    para = [];
  };
  const flushSection = () => {
    flushPara();
    if (!section) return;
    const s = section;
    const end = s.paras.at(-1)?.at(-1)?.end ?? s.start;
    const path = s.title === title ? [title] : [title, s.title];
    const texts = s.paras.map((p) => squash(joinHyphenation(p.map((l) => l.text).join('\n'))));
    units.push(
      makeUnit(meta, {
        id: s.id,
        kind: 'section',
        citation: `${meta.shortTitle}, afsnit »${s.title}«`,
        headingPath: path,
        text: [s.title, ...texts].join('\n\n'),
        parentId: null,
        start: s.start,
        end,
      }),
    );
    s.paras.forEach((p, n) => {
      units.push(
        makeUnit(meta, {
          id: `${s.id}-${n + 1}`,
          kind: 'section',
          citation: `${meta.shortTitle}, afsnit »${s.title}«, afsnit ${n + 1}`,
          headingPath: path,
          text: texts[n]!,
          parentId: s.id,
          start: p[0]!.start,
          end: p.at(-1)!.end,
        }),
      );
    });
  };

  for (let i = 0; i < ls.length; i++) {
    const closing = section?.title !== 'Høringsfrist' && CLOSING.test(ls[i]!.text);
    const h = closing ? { title: 'Høringsfrist', span: 0 } : headingAt(ls, i);
    if (h) {
      flushSection();
      let id = `${meta.id}-${slug(h.title, 32)}`;
      for (let k = 2; used.has(id); k++) id = `${meta.id}-${slug(h.title, 32)}-${k}`;
      used.add(id);
      section = { id, title: h.title, start: ls[i]!.start, paras: [] };
      // The closing section has no heading line of its own: its first line is text.
      if (h.span === 0) {
        para.push(ls[i]!);
        continue;
      }
      i += h.span - 1;
      continue;
    }
    const line = ls[i]!;
    para.push(line);
    // A paragraph ends with a full stop (or a bullet item ends) when the next line starts anew.
    const next = ls[i + 1]?.text ?? '';
    if (/[.:]$/.test(line.text) && /^(\p{Lu}|•|\d+\))/u.test(next)) flushPara();
    else if (/^•/.test(next)) flushPara();
  }
  flushSection();
  return units;
}
