import { describe, expect, it } from 'vitest';
import { extractFacts } from '../src/dialogue/extract.ts';
import { dateOf, incidentDateOf } from '../src/dialogue/tense.ts';

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

describe('dateOf (a decision’s date)', () => {
  const TODAY = '2026-12-03';
  it('reads the ways staff give a date', () => {
    expect(dateOf('den er fra 1. marts 2024', TODAY)).toBe('2024-03-01');
    expect(dateOf('Afgørelsen er fra marts 2025', TODAY)).toBe('2025-03-01');
    expect(dateOf('2025-06-15', TODAY)).toBe('2025-06-15');
    expect(dateOf('den 1/3-2025', TODAY)).toBe('2025-03-01');
    expect(dateOf('for to år siden', TODAY)).toBe('2024-12-03');
    expect(dateOf('for et halvt år siden', TODAY)).toBe('2026-06-03');
    expect(dateOf('for 20 måneder siden', TODAY)).toBe('2025-04-03');
    expect(dateOf('det ved jeg ikke', TODAY)).toBeNull();
  });

  it('is extracted with a decision the staff have', () => {
    const e = extractFacts('Vi har en afgørelse fra 1. marts 2025 om sele pga. faldrisiko, men han brokker sig.');
    expect(e.facts).toMatchObject({ decisionExists: true, decisionDate: '2025-03-01', consent: 'objects' });
    expect(extractFacts('Vi har ikke en afgørelse om selen.').facts.decisionExists).toBe(false);
    expect(extractFacts('Må vi bruge sele uden afgørelse?').facts.decisionExists).toBe(false);
    expect(extractFacts('Skal vi have en afgørelse om sele?').facts.decisionExists).toBeUndefined();
  });
});
