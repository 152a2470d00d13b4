import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCorpus, serializeCorpus } from '../src/corpus/index.ts';
import { ingest } from '../src/corpus/ingest.ts';

const corpus = loadCorpus();

function cli(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('corpus', () => {
  it('has units from every source, each with the source status and a citation naming the source', () => {
    for (const s of corpus.sources) {
      const units = corpus.units.filter((u) => u.sourceId === s.id);
      expect(units.length, s.id).toBeGreaterThan(0);
      for (const u of units) {
        expect(u.status).toBe(s.status);
        expect(u.id.length).toBeGreaterThan(0);
        expect(u.text.trim().length, u.id).toBeGreaterThan(0);
      }
    }
  });

  it('gives every unit a unique id and consistent parent/child links', () => {
    const ids = new Set(corpus.units.map((u) => u.id));
    expect(ids.size).toBe(corpus.units.length);
    for (const u of corpus.units) {
      if (u.parentId) expect(corpus.unit(u.parentId)?.childIds).toContain(u.id);
      for (const c of u.childIds) expect(corpus.unit(c)?.parentId).toBe(u.id);
    }
  });

  it('is deterministic: two ingestions serialise byte-identically', () => {
    expect(serializeCorpus(ingest())).toBe(serializeCorpus(ingest()));
  });

  it('keeps page footers, hyphenated line breaks and bullet glyphs out of unit texts', () => {
    for (const u of corpus.units) {
      expect(u.text, u.id).not.toContain('Til myndighedspersoner. Regler om brug af magt');
      expect(u.text, u.id).not.toMatch(/\p{L}-\n\p{Ll}/u);
      expect(u.text, u.id).not.toContain('\uFFFD');
    }
  });

  it('marks the 2017 executive order as superseded (ophævet) with its validity end', () => {
    const old = corpus.units.filter((u) => u.sourceId === 'bek2017');
    expect(old.length).toBeGreaterThan(20);
    for (const u of old) {
      expect(u.status).toBe('ophævet');
      expect(u.validTo).toBe('2024-12-31');
    }
  });

  it('splits the hearing letter into its sections without claiming page numbers', () => {
    const sections = corpus.units.filter((u) => u.sourceId === 'hoering2024' && u.parentId === null);
    expect(sections.map((s) => s.headingPath.at(-1))).toContain('Hvad er ændret?');
    const changed = corpus.inContext('hoering2024-hvad-er-aendret');
    expect(changed?.children.some((c) => c.text.includes('lydmonitorering'))).toBe(true);
    expect(corpus.units.filter((u) => u.sourceId === 'hoering2024').every((u) => u.page === undefined)).toBe(true);
  });
});

describe('unit look-up', () => {
  it('returns a stk. with its parent §, siblings and source', () => {
    const ctx = corpus.inContext('bek1412-2-stk1');
    expect(ctx).toBeDefined();
    expect(ctx!.parent?.id).toBe('bek1412-2');
    expect(ctx!.siblings.map((s) => s.id)).toContain('bek1412-2-stk2');
    expect(ctx!.children).toHaveLength(4);
    expect(ctx!.source.status).toBe('gældende');
  });

  it('returns undefined for an unknown id', () => {
    expect(corpus.inContext('sel-999z')).toBeUndefined();
  });
});

describe('CLI contract', () => {
  it('units --json prints all units as one JSON array', () => {
    const units = JSON.parse(cli('units', '--json')) as Array<Record<string, unknown>>;
    expect(units).toHaveLength(corpus.units.length);
    for (const key of ['id', 'sourceId', 'citation', 'headingPath', 'text', 'status'])
      expect(units[0]).toHaveProperty(key);
  });

  it('unit <id> --json prints one unit with parent and children', () => {
    const u = JSON.parse(cli('unit', 'bek1412-2-stk1', '--json'));
    expect(u.id).toBe('bek1412-2-stk1');
    expect(u.parent.id).toBe('bek1412-2');
    expect(u.children.map((c: { id: string }) => c.id)).toEqual([
      'bek1412-2-stk1-nr1',
      'bek1412-2-stk1-nr2',
      'bek1412-2-stk1-nr3',
      'bek1412-2-stk1-nr4',
    ]);
  });
});
