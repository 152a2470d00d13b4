/** Every unit id cited by the rules (conditions, provisions, notes, params, registration) exists in the corpus. */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { allProvisions, evaluate, implementedMeasures, listMeasures } from '../../src/rules/index.ts';
import { DECIDER, MAX_DURATION_MONTHS } from '../../src/rules/params.ts';
import { REGISTRATION_CITATIONS } from '../../src/rules/registration.ts';

const corpus = loadCorpus();

function citedByProvisions(): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const add = (id: string, from: string) => where.set(id, [...(where.get(id) ?? []), from]);
  for (const p of allProvisions()) {
    for (const id of p.cite) add(id, `${p.id}`);
    for (const id of p.complaintCite) add(id, `${p.id} (klage)`);
    for (const c of p.conditions) for (const id of c.cite) add(id, `${p.id}/${c.id}`);
    for (const n of p.notes ?? []) for (const id of n.citations) add(id, `${p.id} (note)`);
  }
  for (const [key, periods] of Object.entries({ ...DECIDER, ...MAX_DURATION_MONTHS })) {
    for (const period of periods) for (const id of period.citations) add(id, `param ${key}`);
  }
  for (const id of REGISTRATION_CITATIONS) add(id, 'registration');
  return where;
}

describe('citations', () => {
  it('cites a substantial set of units', () => {
    expect(citedByProvisions().size).toBeGreaterThan(50);
  });

  it('every cited unit id exists in the corpus', () => {
    const missing = [...citedByProvisions()].filter(([id]) => !corpus.unit(id)).map(([id, from]) => `${id} ← ${from}`);
    expect(missing).toEqual([]);
  });

  it('every citation in every verdict for empty facts exists in the corpus', () => {
    const missing = new Set<string>();
    for (const measure of implementedMeasures) {
      const v = evaluate({ measure, facts: {} });
      const ids = [
        ...v.conditions.flatMap((c) => c.citations),
        ...v.reasons.flatMap((r) => r.citations),
        ...(v.registration?.citations ?? []),
      ];
      for (const id of ids) if (!corpus.unit(id)) missing.add(`${measure}: ${id}`);
    }
    expect([...missing]).toEqual([]);
  });

  it('every provision names its primary legal basis with a unit of the law text', () => {
    for (const p of allProvisions()) {
      if (p.label === null) continue;
      if (p.chapter === '24c' || p.chapter === '24d') {
        // §§ 137 a-m are not in the corpus's `sel` source: a cited guidance unit must quote the section itself.
        const section = /§ ?137 ?[a-m]/.exec(p.label)?.[0].replace(/\s/g, '') ?? '';
        expect(section, `${p.id} is a § 137 provision`).not.toBe('');
        expect(
          p.cite.some((id) => (corpus.unit(id)?.text ?? '').replace(/\s/g, '').includes(section)),
          `${p.id} cites a guidance unit quoting ${section}`,
        ).toBe(true);
        continue;
      }
      expect(
        p.cite.some((id) => id.startsWith('sel-')),
        `${p.id} cites the law text`,
      ).toBe(true);
    }
    expect(listMeasures().length).toBe(implementedMeasures.length);
  });
});
