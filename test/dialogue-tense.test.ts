import { describe, expect, it } from 'vitest';
import { incidentDateOf } from '../src/dialogue/tense.ts';

const TODAY = '2026-12-03'; // a Thursday

describe('incidentDateOf', () => {
  it('dates incidents told in the past tense', () => {
    expect(
      incidentDateOf(
        'Vi holdt Lone fast i går i 5 minutter, fordi hun ville slå en anden beboer. Hvad skal vi gøre nu?',
        TODAY,
      ),
    ).toBe('2026-12-02');
    expect(incidentDateOf('Min kollega låste døren i forgårs.', TODAY)).toBe('2026-12-01');
    expect(incidentDateOf('Vi gav ham medicin i yoghurten for tre dage siden.', TODAY)).toBe('2026-11-30');
    expect(incidentDateOf('Nattevagten fastholdt Bo den 28. november.', TODAY)).toBe('2026-11-28');
    expect(incidentDateOf('Vi brugte selen i mandags.', TODAY)).toBe('2026-11-30');
    expect(incidentDateOf('Personalet har holdt ham fast. Hvad skal vi gøre nu?', TODAY)).toBe(TODAY);
  });

  it('leaves questions about what staff may do alone', () => {
    expect(incidentDateOf('Må vi give medicin skjult i yoghurten?', TODAY)).toBeNull();
    expect(incidentDateOf('Må vi holde fast i en beboer, der slår?', TODAY)).toBeNull();
    expect(incidentDateOf('Må vi låse terrassedøren om natten?', TODAY)).toBeNull();
  });
});
