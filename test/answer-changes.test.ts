/** "Nyt: …" between two verdicts of one conversation, and the past-tense and decision-use headlines. */
import { describe, expect, it } from 'vitest';
import { changedConditions, verdictChanges, verdictHeadline } from '../src/answer/index.ts';
import { evaluate } from '../src/rules/index.ts';

const BELT = {
  documentedImpairment: true,
  impairmentCause: 'other',
  actor: 'care_staff',
  setting: 'botilbud',
  beltDevice: 'fabric_belt_or_similar',
  riskOfHarm: true,
  decisionExists: true,
  beltReason: 'fall',
  consent: 'objects',
};

describe('verdictChanges', () => {
  it('names a changed headline and conditions whose status changed', () => {
    const a = evaluate({ measure: 'restraint', asOf: '2026-03-01', facts: { consent: 'objects' } });
    const b = evaluate({
      measure: 'restraint',
      asOf: '2026-03-01',
      facts: { consent: 'objects', justifiedByStaffing: false },
    });
    const changed = changedConditions(a, b);
    expect(changed.map((c) => c.status)).toEqual(['met']);
    const lines = verdictChanges(a, b);
    expect(lines.some((l) => /nu opfyldt \(før: ukendt\)/.test(l))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(verdictChanges(a, a)).toEqual([]);
  });

  it('says when the use of a decision changes (the decision turns out to have expired)', () => {
    const a = evaluate({ measure: 'fabric_belt', asOf: '2026-03-01', facts: BELT });
    const b = evaluate({ measure: 'fabric_belt', asOf: '2026-03-01', facts: { ...BELT, decisionDate: '2024-03-01' } });
    expect(verdictHeadline(a)).toBe('Ja, inden for afgørelsen');
    expect(verdictChanges(a, b)[0]).toBe(
      'Vurderingen er nu „Nej, afgørelsen er udløbet“ (før: „Ja, inden for afgørelsen“).',
    );
  });

  it('gives retrospective headlines for incidents that already happened', () => {
    const v = evaluate({ measure: 'other', facts: {} });
    expect(verdictHeadline(v, true)).toBe('Der var ikke hjemmel');
    const r = evaluate({ measure: 'restraint', facts: {} });
    expect(verdictHeadline(r, true)).toMatch(/^(Kan have været lovligt|Mangler oplysninger|Personalet kunne)/);
    expect(verdictHeadline(r, true)).not.toBe(verdictHeadline(r));
  });
});
