/**
 * Legal reference parsing: finds references such as "§ 128 c, stk. 2", "128c stk 2",
 * "servicelovens § 136 a", "bek. 1412 § 4", "bekendtgørelsen fra 2017 § 4", "kapitel 18 i vejledningen"
 * or "vejledningens kap. 24" in a question and resolves them to unit ids.
 */
import { normalize } from './analyzer.ts';

export type RefSource = 'sel' | 'bek1412' | 'bek2017' | 'vejl2025';

export interface LegalRef {
  source: RefSource;
  /** Paragraph number with letter, e.g. "128c" (absent for chapter references). */
  paragraph?: string;
  stk?: number;
  nr?: number;
  /** Guidance chapter number, e.g. 18. */
  chapter?: number;
  /** The text that was recognised. */
  match: string;
}

const PARA_RE =
  /(§\s*(\d{1,3})(?:\s?([a-h]))?(?![a-zæøå0-9])|\b(\d{2,3})\s?([a-h])(?![a-zæøå0-9]))(?:\s*,?\s*(?:stk\.?|stykke)\s*(\d{1,2}))?(?:\s*,?\s*(?:nr\.?|nummer)\s*(\d{1,2})(?![0-9]))?/g;
const BARE_STK_RE = /\b(\d{2,3})\s*,?\s*(?:stk\.?|stykke)\s*(\d{1,2})\b/g;
const CHAPTER_RE = /\b(?:kapitel|kap\.?)\s*(\d{1,2})(?!\s*[a-d]\b)(?![0-9])/g;

function sourceContext(q: string): { bek?: RefSource; guidance: boolean; law: boolean } {
  const mentionsBek = /\bbek\b|\bbek\.|bekendtgørelse/.test(q);
  let bek: RefSource | undefined;
  if (/\b1412\b/.test(q)) bek = 'bek1412';
  else if (mentionsBek && /\b2017\b|gaml|tidligere|ophævede/.test(q)) bek = 'bek2017';
  else if (mentionsBek) bek = 'bek1412';
  return {
    bek,
    guidance: /vejledning/.test(q),
    law: /servicelov|\bsel\b|lov om social service/.test(q),
  };
}

/** Parses all legal references in a question, in order of appearance. */
export function parseRefs(question: string): LegalRef[] {
  const q = normalize(question);
  const ctx = sourceContext(q);
  const found: { at: number; ref: LegalRef }[] = [];
  const taken: [number, number][] = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);

  for (const m of q.matchAll(PARA_RE)) {
    const num = Number(m[2] ?? m[4]);
    const letter = m[3] ?? m[5] ?? '';
    const stk = m[6] ? Number(m[6]) : undefined;
    const nr = m[7] ? Number(m[7]) : undefined;
    // Serviceloven's kap. 24-24 d starts at § 81; the executive orders have §§ 1-21.
    const source: RefSource = num >= 81 || !ctx.bek ? 'sel' : ctx.bek;
    // "128 c" without § is only a reference when the number is in the law's range.
    if (m[4] !== undefined && (num < 81 || num > 199)) continue;
    const ref: LegalRef = { source, paragraph: `${num}${letter}`, match: m[0].trim() };
    if (stk !== undefined) ref.stk = stk;
    if (nr !== undefined) ref.nr = nr;
    found.push({ at: m.index, ref });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of q.matchAll(BARE_STK_RE)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const num = Number(m[1]);
    if (num < 81 || num > 199) continue;
    found.push({ at: m.index, ref: { source: 'sel', paragraph: String(num), stk: Number(m[2]), match: m[0] } });
  }
  if (ctx.guidance) {
    for (const m of q.matchAll(CHAPTER_RE)) {
      found.push({ at: m.index, ref: { source: 'vejl2025', chapter: Number(m[1]), match: m[0] } });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return found.map((f) => f.ref);
}

/** Candidate unit ids for a reference, most specific first. */
export function candidateIds(ref: LegalRef): string[] {
  if (ref.chapter !== undefined) return [`vejl2025-k${ref.chapter}`];
  const base = `${ref.source}-${ref.paragraph}`;
  const out: string[] = [];
  if (ref.nr !== undefined) out.push(`${base}-stk${ref.stk ?? 1}-nr${ref.nr}`, `${base}-nr${ref.nr}`);
  if (ref.stk !== undefined) out.push(`${base}-stk${ref.stk}`);
  out.push(base);
  return out;
}

/** Resolves references to existing unit ids (first existing candidate of each), without duplicates. */
export function resolveRefs(refs: LegalRef[], exists: (id: string) => boolean): string[] {
  const out: string[] = [];
  for (const r of refs) {
    const id = candidateIds(r).find(exists);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}
