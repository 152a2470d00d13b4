import { describe, expect, it } from 'vitest';
import { parseGuidance } from '../src/corpus/guidance.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { readRawSource, sourceMeta } from '../src/corpus/sources.ts';

const raw = readRawSource('vejl2025');
const units = parseGuidance(sourceMeta('vejl2025'), raw);
const byId = new Map(units.map((u) => [u.id, u]));

describe('guidance parser', () => {
  it('has four parts and 33 chapters', () => {
    expect(units.filter((u) => u.kind === 'afsnit').map((u) => u.id)).toEqual([
      'vejl2025-a1',
      'vejl2025-a2',
      'vejl2025-a3',
      'vejl2025-a4',
    ]);
    const chapters = units.filter((u) => u.kind === 'kapitel');
    expect(chapters).toHaveLength(33);
    expect(chapters.map((u) => u.id)).toEqual(Array.from({ length: 33 }, (_, i) => `vejl2025-k${i + 1}`));
    expect(byId.get('vejl2025-a2')!.citation).toBe('Vejledning (2025) afsnit II');
    expect(byId.get('vejl2025-k10')!.parentId).toBe('vejl2025-a2');
    expect(byId.get('vejl2025-k29')!.parentId).toBe('vejl2025-a3');
    expect(byId.get('vejl2025-k30')!.parentId).toBe('vejl2025-a4');
  });

  it('titles kap. 18 in repaired spelling', () => {
    const k18 = byId.get('vejl2025-k18')!;
    expect(k18.headingPath).toEqual([
      'Afsnit II Servicelovens kapitel 24-24 b',
      'Kapitel 18 Låsning og sikring af yderdøre og vinduer',
    ]);
    expect(k18.text.startsWith('Låsning og sikring af yderdøre og vinduer')).toBe(true);
    expect(k18.citation).toBe('Vejledning (2025) kap. 18');
  });

  it("cites the guidance's own kap. 24 (§ 129 moves) with its source", () => {
    const k24 = byId.get('vejl2025-k24')!;
    expect(k24.headingPath[1]).toBe('Kapitel 24 Optagelse i særlige botilbud uden samtykke efter servicelovens § 129');
    expect(k24.citation).toBe('Vejledning (2025) kap. 24');
    expect(byId.get('vejl2025-k24-p1')!.citation).toBe('Vejledning (2025) kap. 24, pkt. 1');
    // "Kapitel 24" quoted inside kap. 10 is law text, not a chapter start.
    expect(raw.slice(k24.start, k24.start + 10)).toBe('Kapitel 24');
    expect(raw.slice(0, k24.start).split('\n').length).toBe(3375);
  });

  it('turns every "[X]." point marker into exactly one punkt unit', () => {
    const markers = raw.match(/^[ \t]*\[X\]\.[ \t]+\S/gm) ?? [];
    const points = units.filter((u) => u.kind === 'punkt');
    expect(points).toHaveLength(markers.length);
    expect(markers.length).toBeGreaterThan(150);
    for (const p of points) expect(raw.slice(p.start, p.end).trimStart().startsWith('[X].')).toBe(true);
  });

  it('numbers points 1, 2, 3 … within each chapter and keeps sub-headings in the path', () => {
    const k18points = units.filter((u) => u.parentId === 'vejl2025-k18');
    expect(k18points.map((u) => u.id)).toEqual(k18points.map((_, i) => `vejl2025-k18-p${i + 1}`));
    expect(byId.get('vejl2025-k18-p1')!.headingPath[2]).toBe('Betingelser for anvendelse');
    expect(byId.get('vejl2025-k18-p2')!.headingPath[2]).toBe('Afgørelsens længde, registrering og klagemulighed');
    expect(byId.get('vejl2025-k18-p1')!.text).toMatch(/^Kommunalbestyrelsen kan træffe afgørelse/);
  });

  it('has unique ids and clean text with raw offsets', () => {
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    for (const u of units) {
      expect(u.text).not.toMatch(/-\n/);
      expect(u.text).not.toMatch(/\[[xX]\]/);
      expect(u.start).toBeGreaterThanOrEqual(0);
      expect(u.end).toBeGreaterThan(u.start);
      expect(u.end).toBeLessThanOrEqual(raw.length);
    }
  });

  it('is part of the built corpus, deterministically', () => {
    const corpus = loadCorpus();
    const built = corpus.units.filter((u) => u.sourceId === 'vejl2025');
    expect(built.map((u) => u.id)).toEqual(units.map((u) => u.id));
    const again = parseGuidance(sourceMeta('vejl2025'), raw);
    expect(JSON.stringify(again)).toBe(JSON.stringify(units));
  });
});
