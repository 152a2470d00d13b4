import { describe, expect, it } from 'vitest';
import { parseHandbook } from '../src/corpus/handbook.ts';
import { selCoverage } from '../src/corpus/handbook-sel.ts';
import { cleanLawText } from '../src/corpus/law.ts';
import { readRawSource, sourceMeta } from '../src/corpus/sources.ts';
import type { Unit } from '../src/corpus/types.ts';
import { linkUnits } from '../src/corpus/unit.ts';

const raw = readRawSource('hb2025');
const { sel } = parseHandbook(sourceMeta('hb2025'), raw, sourceMeta('sel'));
linkUnits(sel);
const byId = new Map(sel.map((u) => [u.id, u]));
const get = (id: string): Unit => {
  const u = byId.get(id);
  if (!u) throw new Error(`missing unit ${id}`);
  return u;
};
const kids = (id: string) => get(id).childIds;

describe('derived source "Serviceloven (uddrag)"', () => {
  it('quotes every provision the handbook boxes contain (§ 136 d is not in the handbook)', () => {
    expect(selCoverage(sel).missing).toEqual(['136 d']);
    expect(get('grl-71').citation).toBe('Grundloven § 71');
    expect(get('rsl-9').citation).toBe('Retssikkerhedsloven § 9');
  });

  it('§ 136 a has three stk.; § 124 b has stk. 1 with nr. 1-3 and stk. 2-4', () => {
    expect(kids('sel-136a')).toEqual(['sel-136a-stk1', 'sel-136a-stk2', 'sel-136a-stk3']);
    expect(kids('sel-124b')).toEqual(['sel-124b-stk1', 'sel-124b-stk2', 'sel-124b-stk3', 'sel-124b-stk4']);
    expect(kids('sel-124b-stk1')).toEqual(['sel-124b-stk1-nr1', 'sel-124b-stk1-nr2', 'sel-124b-stk1-nr3']);
    expect(get('sel-124b-stk1-nr3').text).toMatch(
      /^3\. i situationer, hvor en beboer på et bo- eller dagtilbud er gået ind/,
    );
    expect(get('sel-136a-stk1').text).toBe(
      'Personalet kan kortvarigt fastholde en person i personlig hygiejne-situationer, når dette er nødvendigt for at sikre personens omsorg, sikkerhed eller værdighed.',
    );
  });

  it('has the ids the rule evaluator cites, with exact citations', () => {
    const cites: Record<string, string> = {
      'sel-128c-stk1': 'SEL § 128 c, stk. 1',
      'sel-128c-stk2': 'SEL § 128 c, stk. 2',
      'sel-136a-stk1': 'SEL § 136 a, stk. 1',
      'sel-124d-stk2': 'SEL § 124 d, stk. 2',
      'sel-128-stk1-nr1': 'SEL § 128, stk. 1, nr. 1',
      'sel-129-stk1': 'SEL § 129, stk. 1',
      'sel-135a-stk1': 'SEL § 135 a, stk. 1',
      'sel-125-stk1-nr2': 'SEL § 125, stk. 1, nr. 2',
      'sel-129a-nr4': 'SEL § 129 a, nr. 4',
      'grl-71-stk1': 'Grundloven § 71, stk. 1',
      'rsl-9-stk3': 'Retssikkerhedsloven § 9, stk. 3',
      'rsl-9-stk3-nr1': 'Retssikkerhedsloven § 9, stk. 3, nr. 1',
    };
    for (const [id, c] of Object.entries(cites)) expect(get(id).citation, id).toBe(c);
    // a § with one paragraph has no stk. units
    expect(kids('sel-124c')).toEqual([]);
    expect(byId.has('sel-124c-stk1')).toBe(false);
    expect(kids('grl-71')).toEqual(['grl-71-stk1', 'grl-71-stk2', 'grl-71-stk6']);
    expect(kids('rsl-9')).toEqual(['rsl-9-stk3', 'rsl-9-stk9', 'rsl-9-stk10']);
  });

  it('ends each box where the explanation starts', () => {
    expect(get('sel-128c').text).toMatch(/^§ 128 c\. Kommunalbestyrelsen kan træffe afgørelse/);
    expect(get('sel-128c').text).toMatch(/Der skal altid være mindst én uaflåst dør i beboerens egen bolig\.$/);
    expect(get('sel-124b-stk4').text).toMatch(/efter § 135 a\.$/);
    expect(get('sel-129').text).not.toContain('Optagelse i et bestemt botilbud');
    expect(get('sel-129-stk3').text).toMatch(/opsyn med den pågældende\.$/);
    expect(get('sel-136a-stk3').text).toMatch(/i fremtiden kan undgås\.$/);
    expect(get('sel-130a-stk9').text).toBe('Social- og boligministeren fastsætter en forretningsorden for nævnet.');
    expect(get('sel-81').text).not.toContain('Det grundlæggende formål');
    expect(get('grl-71-stk6').text).toMatch(/Nærmere regler herom fastsættes ved lov\.$/);
    // § 128 is printed without a period after the number
    expect(get('sel-128-stk1').text).toMatch(
      /^Kommunalbestyrelsen kan træffe afgørelse om at tillade at anvende stofseler/,
    );
    expect(get('sel-128-stk1-nr1').text).toContain('a) Ved fald. b) Ved uhensigtsmæssig siddestilling.');
    for (const u of sel) {
      expect(u.text, u.id).not.toMatch(/-\n|�|\t|Til myndighedspersoner\. Regler/);
      expect(u.text.length, u.id).toBeGreaterThan(10);
    }
  });

  it('records the handbook page and the serviceloven chapter', () => {
    expect(get('sel-128c').quotedOnPage).toBe(30);
    expect(get('sel-128c-stk2').quotedOnPage).toBe(30);
    expect(get('sel-124b').quotedOnPage).toBe(23);
    expect(get('sel-141').quotedOnPage).toBe(52);
    expect(get('grl-71').quotedOnPage).toBe(6);
    expect(get('sel-128c').headingPath).toEqual([
      'Lov om social service',
      'Kapitel 24',
      '§ 128 c Låsning og sikring af yderdøre og vinduer',
    ]);
    expect(get('sel-136a-stk1').headingPath[1]).toBe('Kapitel 24 a');
    expect(get('sel-136e').headingPath[1]).toBe('Kapitel 24 b');
    expect(get('sel-135b').headingPath[1]).toBe('Kapitel 24');
    for (const u of sel) {
      expect(u.sourceId).toBe('sel');
      expect(u.status).toBe('gældende');
      expect(u.quotedOnPage, u.id).toBeGreaterThan(5);
    }
  });

  it('has unique ids and offsets into the handbook raw text', () => {
    expect(new Set(sel.map((u) => u.id)).size).toBe(sel.length);
    for (const u of sel) {
      if (u.id === 'rsl-9') continue; // quoted in two pieces; its text is the joined stk.
      expect(cleanLawText(raw.slice(u.start, u.end)), u.id).toBe(u.text);
    }
    expect(raw.slice(get('sel-136a-stk2').start).startsWith('Personalelederen skal på baggrund af')).toBe(true);
  });
});
