import { describe, expect, it } from 'vitest';
import { quoteFor, sentences } from '../src/answer/quote.ts';
import { loadCorpus } from '../src/corpus/index.ts';

const texts = (t: string) => sentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it('does not end a sentence at legal abbreviations', () => {
    expect(texts('Se jf. § 135 a, stk. 1. Det gælder bl.a. afværgehjælp vedr. Personer med Handicap. Slut.')).toEqual([
      'Se jf. § 135 a, stk. 1.',
      'Det gælder bl.a. afværgehjælp vedr. Personer med Handicap.',
      'Slut.',
    ]);
  });

  it('ends at line breaks', () => {
    expect(texts('Første linje\nAnden linje.')).toEqual(['Første linje', 'Anden linje.']);
  });
});

describe('quoteFor', () => {
  it('always returns a verbatim substring of the unit, within the length limit, for every unit', () => {
    const corpus = loadCorpus();
    for (const u of corpus.units) {
      const q = quoteFor(u, 'registrering og indberetning af fastholdelse', 320);
      expect(u.text.includes(q), u.id).toBe(true);
      expect(q.length, u.id).toBeLessThanOrEqual(320);
      expect(q.trim().length, u.id).toBeGreaterThan(0);
    }
  });
});
