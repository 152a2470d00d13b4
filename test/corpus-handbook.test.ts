import { describe, expect, it } from 'vitest';
import { parseHandbook } from '../src/corpus/handbook.ts';
import { readRawSource, sourceMeta } from '../src/corpus/sources.ts';
import { squash } from '../src/corpus/text.ts';
import type { Unit } from '../src/corpus/types.ts';
import { linkUnits } from '../src/corpus/unit.ts';

const raw = readRawSource('hb2025');
const { handbook } = parseHandbook(sourceMeta('hb2025'), raw, sourceMeta('sel'));
linkUnits(handbook);
const byId = new Map(handbook.map((u) => [u.id, u]));
const byHeading = (h: string): Unit => {
  const u = handbook.find((x) => x.headingPath[x.headingPath.length - 1] === h);
  if (!u) throw new Error(`no unit with heading ${h}`);
  return u;
};

const CASES: [string, string, string, number][] = [
  ['hb2025-case-jasmin', 'Jasmin', 'Jasmin er en yngre kvinde med udviklingshæmning', 17],
  ['hb2025-case-christoffer', 'Christoffer', 'Christoffer bor sammen med Matias', 23],
  ['hb2025-case-per', 'Per', 'Per spiser frokost i spisestuen', 25],
  ['hb2025-case-martin', 'Martin', 'Martin er en yngre mand med autisme', 26],
  ['hb2025-case-gunnar', 'Gunnar', 'Gunnar bor i en plejebolig', 27],
  ['hb2025-case-agnes', 'Agnes', 'Agnes er stærkt præget af en erhvervet hjerneskade', 31],
  ['hb2025-case-joergen', 'Jørgen', 'Jørgen har for nylig fået en hofteoperation', 39],
  ['hb2025-case-soldalsvaenge', 'Bofællesskabet Soldalsvænge', 'Sune, Lena, Karina, Anders, Mohammed og Asger', 21],
];

describe('handbook parser', () => {
  it.each(CASES)('case story %s is its own unit and starts with the story', (id, name, opening, page) => {
    const u = byId.get(id);
    expect(u).toBeDefined();
    expect(u!.kind).toBe('case');
    expect(u!.text.startsWith(opening)).toBe(true);
    expect(u!.page).toBe(page);
    expect(u!.headingPath[u!.headingPath.length - 1]).toBe(name);
    expect(u!.citation).toBe(`Håndbog til myndighedspersoner (2025), s. ${page} (${name})`);
  });

  it('case stories end before the next section', () => {
    expect(byId.get('hb2025-case-christoffer')!.text).toMatch(/får en kop kaffe\.$/);
    expect(byId.get('hb2025-case-martin')!.text).toMatch(/hænges op på væggen\.$/);
    expect(byId.get('hb2025-case-agnes')!.text).not.toContain('§ 128 d');
  });

  it('gives headings their page from the table of contents and the footers', () => {
    expect(byHeading('§ 128 c Låsning og sikring af yderdøre og vinduer').page).toBe(30);
    expect(byHeading('§ 128 c Låsning og sikring af yderdøre og vinduer').citation).toBe(
      'Håndbog til myndighedspersoner (2025), s. 30',
    );
    expect(byHeading('Samlet oversigt over beslutningskompetence, indberetning, klagemuligheder m.v.').page).toBe(56);
    expect(byHeading('§ 125 Særlige døråbnere').page).toBe(27);
    expect(byHeading('Indsats efter magtanvendelse').page).toBe(11);
    expect(byHeading('Mere viden').page).toBe(61);
    // "Kapitel 24" also occurs inside the overview figure on p. 19; the section is the one on p. 20
    expect(byHeading('Kapitel 24').page).toBe(20);
    expect(byHeading('Kapitel 24').text).toMatch(/^Reglerne i servicelovens kapitel 24 gælder fælles/);
    const pages = handbook.map((u) => u.page!);
    expect(pages.every((p, i) => i === 0 || p >= pages[i - 1]!)).toBe(true);
  });

  it('uses readable, unique ids and heading paths', () => {
    expect(new Set(handbook.map((u) => u.id)).size).toBe(handbook.length);
    for (const u of handbook) expect(u.id).toMatch(/^hb2025-[a-z0-9-]+$/);
    const s128c = byHeading('§ 128 c Låsning og sikring af yderdøre og vinduer');
    expect(s128c.id).toBe('hb2025-128c-laasning-og-sikring-af-yderdoere-og-vinduer');
    expect(s128c.headingPath).toEqual(['Kapitel 24', '§ 128 c Låsning og sikring af yderdøre og vinduer']);
    expect(s128c.parentId).toBe('hb2025-kapitel-24');
    expect(byHeading('§ 124 d Fastholdelse m.v.').kind).toBe('section');
    expect(handbook.length).toBeGreaterThan(60);
  });

  it('keeps the overview tables as readable units', () => {
    const rules = byHeading('Oversigt over reglerne');
    expect(rules.page).toBe(19);
    expect(rules.text).toContain('\nLåsning og sikring af yderdøre og vinduer § 128 c\n');
    const decisions = byHeading('Oversigt over beslutning om magtanvendelse');
    expect(decisions.page).toBe(43);
    expect(decisions.text).toContain('• § 124 c Afværgehjælp');
    const all = byHeading('Samlet oversigt over beslutningskompetence, indberetning, klagemuligheder m.v.');
    expect(all.text).toContain(
      '§ 124 b Fysisk guidning og konfliktafværgelse\nBeslutning fra personale/personaleleder',
    );
    expect(all.text).toContain('§ 125 Særlige døråbnere\nKommunal afgørelse Magtanvendelse Ja Ja, til Ankestyrelsen');
  });

  it('cleans the text: no footers, hyphenated breaks, bullet glyphs, links or lone page numbers', () => {
    for (const u of handbook) {
      expect(u.text, u.id).not.toContain('Til myndighedspersoner. Regler om brug af magt');
      expect(u.text, u.id).not.toMatch(/-\n/);
      expect(u.text, u.id).not.toContain('�');
      expect(u.text, u.id).not.toMatch(/^Æ /m);
      expect(u.text, u.id).not.toMatch(/\t|mailto:|http:\/\//);
      expect(u.text, u.id).not.toMatch(/^\d{1,2}$/m);
    }
    const s2 = byHeading('Håndbogens opbygning').text;
    expect(s2).toContain('forebygge magtanvendelse');
    expect(byHeading('§ 128 g Låsning og sikring af skabe og skuffer mv.').text).toContain('skuffer');
    expect(byHeading('Centrale principper').text).toContain(
      'Mindsteindgrebsprincippet, der betyder, at magtanvendelse',
    );
    expect(byHeading('Kompetenceudvikling og beredskab').text).toContain(
      '• Kompetencer til at forebygge og håndtere magtanvendelse',
    );
  });

  it('maps offsets into the raw text', () => {
    for (const u of handbook) {
      const slice = raw.slice(u.start, u.end);
      expect(slice.startsWith(u.headingPath[u.headingPath.length - 1]!.split(' ')[0]!), u.id).toBe(true);
      const firstWords = u.text.split(/\s+/).slice(0, 3).join(' ').replace(/^• /, '');
      expect(squash(slice.replace(/[�\t]/g, ' ')), u.id).toContain(firstWords.replace(/^• /, ''));
    }
  });
});
