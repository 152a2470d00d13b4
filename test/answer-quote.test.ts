import { describe, expect, it } from 'vitest';
import { quotable, quoteFor, sentences } from '../src/answer/quote.ts';
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
      // Whole sentences only: longer than the limit only when one sentence alone is longer.
      const longest = Math.max(...sentences(u.text).map((x) => x.end - x.start));
      expect(q.length, u.id).toBeLessThanOrEqual(Math.max(320, longest));
      expect(q.trim().length, u.id).toBeGreaterThan(0);
    }
  });
});

describe('clean quotes', () => {
  const corpus = loadCorpus();
  const questions = [
    'Hvor længe gælder en afgørelse om stofsele?',
    'Hvem skal have indberetningen, når vi har holdt en beboer fast?',
    'Tæller det som samtykke, hvis borgeren er passiv?',
    'registrering og indberetning af fastholdelse',
  ];

  it('never quotes a placeholder, a bare label or a cut sentence when the unit has a quotable sentence', () => {
    for (const u of corpus.units) {
      const sents = sentences(u.text).map((x) => u.text.slice(x.start, x.end));
      if (!sents.some(quotable)) continue;
      for (const q of questions) {
        const quote = quoteFor(u, q, 320);
        expect(quotable(quote) || sents.filter(quotable).every((s) => !quote.includes(s)), `${u.id}: ${quote}`).toBe(
          true,
        );
        expect(quote).not.toMatch(/\[…\]|\b[xX]-[xX]\b/);
        // Ends where a sentence of the unit ends.
        expect(
          sents.some((s) => quote.endsWith(s)),
          `${u.id}: ${quote.slice(-40)}`,
        ).toBe(true);
      }
    }
  });

  it('recognises bare labels and placeholders as unquotable', () => {
    expect(quotable('Stk. 2.')).toBe(false);
    expect(quotable('§ 21.')).toBe(false);
    expect(quotable('Se nærmere i pkt. x-x om registrering.')).toBe(false);
    expect(quotable('Se vejledningens kapitel […] om klage.')).toBe(false);
    expect(quotable('Afgørelsen kan højst gælde i 18 måneder.')).toBe(true);
  });
});
