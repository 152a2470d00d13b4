import { describe, expect, it } from 'vitest';
import { cleanLawText, parseLawSource } from '../src/corpus/law.ts';
import { readRawSource, sourceMeta } from '../src/corpus/sources.ts';
import type { Unit } from '../src/corpus/types.ts';
import { linkUnits } from '../src/corpus/unit.ts';

const raw1412 = readRawSource('bek1412');
const raw2017 = readRawSource('bek2017');
const bek1412 = linkUnits(parseLawSource(sourceMeta('bek1412'), raw1412));
const bek2017 = linkUnits(parseLawSource(sourceMeta('bek2017'), raw2017));
const byId = new Map<string, Unit>([...bek1412, ...bek2017].map((u) => [u.id, u]));
const get = (id: string): Unit => {
  const u = byId.get(id);
  if (!u) throw new Error(`missing unit ${id}`);
  return u;
};
const children = (id: string) => get(id).childIds.map(get);

describe('executive order parser', () => {
  it('Bek. 1412/2024 § 2: stk. 1 lists four technologies, stk. 2 two ways of use', () => {
    expect(get('bek1412-2').childIds).toEqual(['bek1412-2-stk1', 'bek1412-2-stk2']);
    const techs = children('bek1412-2-stk1').map((u) => u.text);
    expect(techs).toHaveLength(4);
    expect(techs[0]).toMatch(/^1\) Teknologier til monitorering af bevægelse og kropslige reaktioner\.$/);
    expect(techs[1]).toMatch(/lydmonitorering/);
    expect(techs[2]).toMatch(/video- og billedmonitorering, som ikke er omfattet af situationsbestemt kamerakig/);
    expect(techs[3]).toMatch(/lokalisering og sporing/);
    const ways = children('bek1412-2-stk2').map((u) => u.text);
    expect(ways).toHaveLength(2);
    expect(ways[0]).toMatch(/^1\) som en reaktiv alarm/);
    expect(ways[1]).toMatch(/^2\) som et tidsafgrænset digitalt tilsyn/);
    expect(get('bek1412-2-stk1-nr3').citation).toBe('Bek. nr. 1412/2024 § 2, stk. 1, nr. 3');
  });

  it('finds every § in order and nothing else', () => {
    const paras = (units: Unit[]) => units.filter((u) => u.kind === 'paragraf').map((u) => u.citation.split('§ ')[1]);
    expect(paras(bek1412)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(paras(bek2017)).toEqual(Array.from({ length: 21 }, (_, i) => `${i + 1}`));
  });

  it('a § with one paragraph has no stk.; text before "Stk. 2." is stk. 1', () => {
    expect(get('bek1412-6').childIds).toEqual([]);
    expect(get('bek2017-14').childIds).toEqual([]);
    expect(get('bek2017-4-stk1').citation).toBe('Bek. om magtanvendelse (2017) § 4, stk. 1');
    expect(get('bek2017-4-stk1').text).toMatch(/^Fysisk magt i form af fastholdelse/);
    expect(children('bek2017-4-stk1')).toHaveLength(7);
    expect(get('bek2017-20-stk1-nr3').text).toMatch(/^3\) som vilkår for tiltalefrafald/);
  });

  it('joins words hyphenated across lines and blank lines inside a paragraph', () => {
    expect(get('bek1412-1-stk1').text).toContain('anvendelse af tryghedsskabende velfærdsteknologi over for personer');
    expect(get('bek1412-1-stk3').text).toContain('for situationsbestemt kamerakig');
    expect(get('bek1412-2-stk1-nr1').text).toBe(
      '1) Teknologier til monitorering af bevægelse og kropslige reaktioner.',
    );
    for (const u of [...bek1412, ...bek2017]) {
      expect(u.text, u.id).not.toMatch(/-\n|\n/);
      // a lower-case word split by a hyphen and a space is a missed join ("situati- onsbestemt")
      expect(u.text, u.id).not.toMatch(/\p{Ll}- (?!og |eller |samt |til )\p{Ll}/u);
    }
  });

  it('puts section headings in headingPath after the title of the order', () => {
    expect(get('bek1412-1').headingPath).toEqual([
      'Bekendtgørelse om tryghedsskabende velfærdsteknologiske løsninger i relation til afsnit VII om magtanvendelse og andre indgreb i selvbestemmelsesretten over for voksne i lov om social service',
      'Anvendelsesområde m.v.',
    ]);
    expect(get('bek1412-2-stk2-nr1').headingPath[1]).toBe('Tilladte tryghedsskabende velfærdsteknologiske løsninger');
    expect(get('bek1412-7').headingPath[1]).toBe(
      'Tryghedsskabende velfærdsteknologi, som fungerer helt eller delvist ved brug af kunstig intelligens',
    );
    expect(get('bek1412-8').headingPath[1]).toBe('Ikrafttræden');
    expect(get('bek2017-19').headingPath[1]).toBe(
      'Særlige sikkerhedsforanstaltninger i boformer efter § 108 i lov om social service',
    );
    // headings are not part of the previous §
    expect(get('bek1412-6').text).not.toContain('kunstig intelligens');
    expect(get('bek2017-18').text).not.toContain('Særlige sikkerhedsforanstaltninger');
    expect(get('bek2017-21').text).not.toMatch(/MERCADO|Socialministeriet/);
  });

  it('takes status and validity from the source metadata', () => {
    for (const u of bek2017) expect(u.status).toBe('ophævet');
    for (const u of bek2017) expect(u.validTo).toBe('2024-12-31');
    for (const u of bek1412) expect(u.status).toBe('gældende');
  });

  it('has unique ids, containers carrying their children text, offsets into the raw text', () => {
    const all = [...bek1412, ...bek2017];
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    for (const u of all) {
      const raw = u.sourceId === 'bek1412' ? raw1412 : raw2017;
      expect(cleanLawText(raw.slice(u.start, u.end)), u.id).toBe(u.text);
      for (const c of children(u.id)) expect(u.text, `${u.id} > ${c.id}`).toContain(c.text);
    }
    expect(raw1412.slice(get('bek1412-2').start).startsWith('§ 2. Det er tilladt')).toBe(true);
  });
});
