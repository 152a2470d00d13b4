/** Semantics of the rule engine: consent, target group, prohibitions, routing, missing facts, periods, schemas. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EvaluateRequestSchema,
  evaluate,
  FactsSchema,
  implementedMeasures,
  MEASURE_IDS,
  measureInfo,
  RULES_VERSION,
  RulesPeriodError,
  VerdictSchema,
} from '../../src/rules/index.ts';

const base = { documentedImpairment: true, actor: 'care_staff', setting: 'botilbud', consent: 'objects' } as const;

function unmet(v: ReturnType<typeof evaluate>): string[] {
  return v.conditions.filter((c) => c.status === 'unmet').map((c) => c.id);
}

describe('basic semantics', () => {
  it('implements every kap. 24-24 b measure id of the contract', () => {
    expect([...implementedMeasures].sort()).toEqual([...MEASURE_IDS].sort());
  });

  it('valid consent means not force, nothing to register', () => {
    const v = evaluate({ measure: 'fabric_belt', facts: { ...base, consent: 'given' } });
    expect(v).toMatchObject({ outcome: 'not_force', isForce: false, mustRegister: false, decidedBy: null });
    expect(v.registration?.regime).toBe('none');
  });

  it('passivity is not consent', () => {
    const v = evaluate({ measure: 'restraint', facts: { ...base, consent: 'passive' } });
    expect(v.outcome).toBe('staff_may_decide');
    expect(v.isForce).toBe(true);
  });

  it('no documented impairment: not permitted (outside § 124 a)', () => {
    const v = evaluate({ measure: 'lock_own_home_exterior', facts: { ...base, documentedImpairment: false } });
    expect(v.outcome).toBe('not_permitted');
    expect(unmet(v)).toEqual(['target-group']);
  });

  it('a relative or caretaker may never use force', () => {
    for (const actor of ['relative', 'other_staff'] as const) {
      const v = evaluate({ measure: 'restraint', facts: { ...base, actor } });
      expect(v.outcome).toBe('not_permitted');
      expect(unmet(v)).toContain('actor-care-staff');
    }
  });

  it('a representative saying yes does not make force consensual', () => {
    const v = evaluate({ measure: 'restraint', facts: { ...base, consent: 'unable', representativeConsents: true } });
    expect(v.outcome).toBe('staff_may_decide');
    expect(v.reasons.some((r) => r.text.includes('alene personens eget samtykke'))).toBe(true);
  });

  it('physical scope: § 128 c only in botilbud, § 123 not in almene plejeboliger', () => {
    expect(evaluate({ measure: 'lock_own_home_exterior', facts: { ...base, setting: 'dagtilbud' } }).outcome).toBe(
      'not_permitted',
    );
    expect(
      evaluate({ measure: 'lock_own_home_exterior', facts: { ...base, setting: 'almen_plejebolig' } }).outcome,
    ).toBe('requires_municipal_decision');
    expect(evaluate({ measure: 'house_rules', facts: { setting: 'almen_plejebolig' } }).outcome).toBe('not_permitted');
    expect(evaluate({ measure: 'lock_service_area', facts: { ...base, setting: 'dagtilbud' } }).outcome).toBe(
      'requires_municipal_decision',
    );
  });
});

describe('absolute prohibitions', () => {
  it('fixation and holding with aids are never lawful', () => {
    expect(unmet(evaluate({ measure: 'restraint', facts: { ...base, aidsUsed: true } }))).toContain('no-aids');
    expect(
      unmet(evaluate({ measure: 'fabric_belt', facts: { ...base, beltReason: 'fall', beltDevice: 'fixation' } })),
    ).toContain('belt-device');
  });

  it('fabric belts never to restrict behaviour; no cages, ropes or confining bed rails', () => {
    expect(evaluate({ measure: 'fabric_belt', facts: { ...base, beltReason: 'restlessness' } }).outcome).toBe(
      'not_permitted',
    );
    for (const beltDevice of ['cage_or_rope', 'confining_bed_rails'] as const) {
      expect(evaluate({ measure: 'fabric_belt', facts: { ...base, beltReason: 'fall', beltDevice } }).outcome).toBe(
        'not_permitted',
      );
    }
  });

  it('belt resistance rule: fall may be used despite resistance, posture may not', () => {
    expect(evaluate({ measure: 'fabric_belt', facts: { ...base, beltReason: 'fall' } }).outcome).toBe(
      'requires_municipal_decision',
    );
    const posture = evaluate({ measure: 'fabric_belt', facts: { ...base, beltReason: 'sitting_posture' } });
    expect(posture.outcome).toBe('not_permitted');
    expect(unmet(posture)).toEqual(['no-resistance']);
    expect(
      evaluate({ measure: 'fabric_belt', facts: { ...base, consent: 'unable', beltReason: 'sitting_posture' } })
        .outcome,
    ).toBe('requires_municipal_decision');
  });

  it('no recording of sound or camera views; no two-way audio, open frequencies or recognisable images', () => {
    const tech = { ...base, impairmentCause: 'other' } as const;
    for (const facts of [
      { recordsOrStores: true },
      { twoWayAudio: true },
      { openFrequency: true },
      { recognizableImage: true },
    ]) {
      expect(evaluate({ measure: 'welfare_technology', facts: { ...tech, ...facts } }).outcome).toBe('not_permitted');
    }
    expect(evaluate({ measure: 'camera_lookin', facts: { ...tech, recordsOrStores: true } }).outcome).toBe(
      'not_permitted',
    );
  });

  it('physical guidance stops when the person physically resists (continuing is § 124 d)', () => {
    expect(evaluate({ measure: 'physical_guidance', facts: base }).outcome).toBe('not_force');
    const v = evaluate({ measure: 'physical_guidance', facts: { ...base, physicalResistance: true } });
    expect(v.outcome).toBe('not_permitted');
    expect(v.reasons.some((r) => r.text.includes('§ 124 d'))).toBe(true);
  });

  it('force is never justified by staffing', () => {
    const v = evaluate({
      measure: 'hygiene_restraint',
      facts: { ...base, impairmentCause: 'dementia', justifiedByStaffing: true },
    });
    expect(v.outcome).toBe('not_permitted');
    expect(unmet(v)).toContain('not-staffing');
  });

  it('a guardian never replaces the § 129 procedure: a move the person opposes goes to Familieretshuset', () => {
    const v = evaluate({
      measure: 'relocation',
      facts: { ...base, impairmentCause: 'dementia', representativeObjects: false, representativeConsents: true },
    });
    expect(v).toMatchObject({
      outcome: 'requires_family_court_decision',
      provision: 'SEL § 129',
      lawyerRequired: true,
    });
  });

  it('locking a person in is never lawful; one unlocked door must remain', () => {
    expect(evaluate({ measure: 'lock_own_home_exterior', facts: { ...base, locksPersonIn: true } }).outcome).toBe(
      'not_permitted',
    );
    expect(
      unmet(evaluate({ measure: 'lock_own_home_exterior', facts: { ...base, unlockedAccessRemains: false } })),
    ).toEqual(['one-unlocked-door']);
  });

  it('"gentagne gange": a single incident is not enough', () => {
    for (const measure of ['lock_common_room_door', 'lock_service_area', 'lock_cupboards'] as const) {
      expect(evaluate({ measure, facts: { ...base, repeated: false } }).outcome).toBe('not_permitted');
    }
  });

  it('other measures have no legal basis in serviceloven', () => {
    const v = evaluate({ measure: 'other', facts: base });
    expect(v).toMatchObject({ outcome: 'not_permitted', provision: null, decidedBy: null });
    expect(v.reasons.some((r) => r.text.includes('nødret'))).toBe(true);
  });
});

describe('routing: needs_more_facts vs naming the authority', () => {
  it('hygiene restraint: dementia unknown → needs_more_facts, asking for the cause first', () => {
    const v = evaluate({ measure: 'hygiene_restraint', facts: { ...base, priorHygieneRestraintsLast6Months: 0 } });
    expect(v.outcome).toBe('needs_more_facts');
    expect(v.missingFacts[0]?.fact).toBe('impairmentCause');
    expect(v.isForce).toBe(true);
    expect(v.decidedBy).toBe('staff');
  });

  it('hygiene restraint: § 136 a first time staff, later the municipality; § 136 c always staff', () => {
    const other = { ...base, impairmentCause: 'other' } as const;
    expect(
      evaluate({ measure: 'hygiene_restraint', facts: { ...other, priorHygieneRestraintsLast6Months: 0 } }),
    ).toMatchObject({ outcome: 'staff_may_decide', complaintTo: 'municipality', provision: 'SEL § 136 a, stk. 1' });
    expect(
      evaluate({ measure: 'hygiene_restraint', facts: { ...other, priorHygieneRestraintsLast6Months: 1 } }),
    ).toMatchObject({ outcome: 'requires_municipal_decision', complaintTo: 'ankestyrelsen', maxDurationMonths: 12 });
    expect(
      evaluate({
        measure: 'hygiene_restraint',
        facts: { ...base, impairmentCause: 'dementia', priorHygieneRestraintsLast6Months: 5 },
      }),
    ).toMatchObject({ outcome: 'staff_may_decide', provision: 'SEL § 136 c' });
    expect(
      evaluate({
        measure: 'hygiene_restraint',
        facts: { ...other, priorHygieneRestraintsLast6Months: 0, hygieneTask: 'other' },
      }).outcome,
    ).toBe('not_permitted');
  });

  it('welfare technology: værge objection unknown for dementia → needs_more_facts; known → staff or municipality', () => {
    const dem = { ...base, consent: 'unable', impairmentCause: 'dementia' } as const;
    const open = evaluate({ measure: 'welfare_technology', facts: dem });
    expect(open.outcome).toBe('needs_more_facts');
    expect(open.missingFacts[0]?.fact).toBe('representativeObjects');
    expect(evaluate({ measure: 'welfare_technology', facts: { ...dem, representativeObjects: false } })).toMatchObject({
      outcome: 'not_force',
      decidedBy: 'staff',
      mustRegister: false,
    });
    expect(evaluate({ measure: 'welfare_technology', facts: { ...dem, representativeObjects: true } })).toMatchObject({
      outcome: 'requires_municipal_decision',
      maxDurationMonths: null,
    });
    expect(evaluate({ measure: 'welfare_technology', facts: { ...base, impairmentCause: 'other' } })).toMatchObject({
      outcome: 'requires_municipal_decision',
      maxDurationMonths: 12,
      provision: 'SEL § 128 b, stk. 2',
    });
  });

  it('relocation: § 129 vs § 136 f by dementia and objection', () => {
    const noObj = { ...base, consent: 'unable' } as const;
    expect(evaluate({ measure: 'relocation', facts: noObj }).outcome).toBe('needs_more_facts');
    expect(
      evaluate({
        measure: 'relocation',
        facts: { ...noObj, impairmentCause: 'dementia', representativeObjects: false },
      }),
    ).toMatchObject({ outcome: 'requires_municipal_decision', complaintTo: 'familieretshuset', lawyerRequired: false });
    expect(
      evaluate({
        measure: 'relocation',
        facts: { ...noObj, impairmentCause: 'dementia', representativeObjects: true },
      }),
    ).toMatchObject({ outcome: 'requires_family_court_decision', complaintTo: 'ankestyrelsen', lawyerRequired: true });
    expect(evaluate({ measure: 'relocation', facts: { ...noObj, impairmentCause: 'other' } }).provision).toBe(
      'SEL § 129',
    );
  });

  it('moves return both registration readings with a conflict note', () => {
    const v = evaluate({ measure: 'relocation_danger_to_others', facts: base });
    expect(v.registration?.regime).toBe('move');
    expect(v.registration?.readings?.map((r) => r.deadline)).toEqual([
      'straks og senest 3 dage efter, at indgrebet har fundet sted',
      'senest med udgangen af den måned, hvor flytningen er påbegyndt',
    ]);
    expect(v.registration?.conflict).toMatch(/selvmodsigende/);
  });

  it('unknown non-routing facts do not change an outcome that names the authority', () => {
    const v = evaluate({ measure: 'lock_own_home_exterior', facts: {} });
    expect(v.outcome).toBe('requires_municipal_decision');
    expect(v.decidedBy).toBe('municipality');
    expect(v.conditions.some((c) => c.status === 'unknown')).toBe(true);
    const facts = v.missingFacts.map((m) => m.fact);
    expect(facts.slice(0, 2)).toEqual(['consent', 'documentedImpairment']);
    expect(facts).toContain('setting');
    expect(facts.indexOf('setting')).toBeLessThan(facts.indexOf('lessIntrusiveTried'));
    for (const m of v.missingFacts) {
      expect(m.question.length).toBeGreaterThan(10);
      expect(m.options.length).toBeGreaterThan(1);
    }
  });

  it('answering a missing fact removes it from missingFacts', () => {
    const before = evaluate({ measure: 'averting_damage', facts: { consent: 'objects' } });
    expect(before.missingFacts.map((m) => m.fact)).toContain('significantPropertyDamage');
    const after = evaluate({
      measure: 'averting_damage',
      facts: { consent: 'objects', significantPropertyDamage: true },
    });
    expect(after.missingFacts.map((m) => m.fact)).not.toContain('significantPropertyDamage');
    expect(after.conditions.find((c) => c.id === 'significant-damage')?.status).toBe('met');
  });

  it('requested period longer than the maximum is not permitted', () => {
    expect(
      evaluate({ measure: 'fabric_belt', facts: { ...base, beltReason: 'fall', requestedMonths: 18 } }).outcome,
    ).toBe('requires_municipal_decision');
    expect(
      evaluate({ measure: 'fabric_belt', facts: { ...base, beltReason: 'fall', requestedMonths: 24 } }).outcome,
    ).toBe('not_permitted');
  });
});

describe('input, period and output contract', () => {
  it('asOf before 2025-01-01 is a RulesPeriodError naming the period', () => {
    expect(() => evaluate({ measure: 'restraint', asOf: '2024-12-31', facts: {} })).toThrow(RulesPeriodError);
    expect(() => evaluate({ measure: 'restraint', asOf: '2024-12-31', facts: {} })).toThrow(/2025-01-01/);
    expect(evaluate({ measure: 'restraint', asOf: '2025-01-01', facts: {} }).validFrom).toBe('2025-01-01');
  });

  it('unknown measures, unknown facts and bad values are zod errors', () => {
    expect(() => evaluate({ measure: 'hidden_medication', facts: {} })).toThrow(z.ZodError);
    expect(() => evaluate({ measure: 'restraint', facts: { consnet: 'given' } })).toThrow(z.ZodError);
    expect(() => evaluate({ measure: 'restraint', facts: { consent: 'maybe' } })).toThrow(z.ZodError);
    expect(() => evaluate({ measure: 'restraint', asOf: '1.1.2025', facts: {} })).toThrow(z.ZodError);
  });

  it('verdicts are deterministic, JSON-serialisable and match the Verdict schema', () => {
    for (const measure of implementedMeasures) {
      const a = evaluate({ measure, facts: base });
      const b = evaluate({ measure, facts: base });
      expect(JSON.parse(JSON.stringify(a))).toEqual(b);
      expect(VerdictSchema.parse(a)).toEqual(a);
      expect(a.rulesVersion).toBe(RULES_VERSION);
      expect(a.reasons.length).toBeGreaterThan(0);
    }
  });

  it('schemas convert to JSON Schema', () => {
    const req = z.toJSONSchema(EvaluateRequestSchema, { io: 'input' }) as { properties: Record<string, unknown> };
    expect(Object.keys(req.properties)).toEqual(['measure', 'asOf', 'facts']);
    const facts = z.toJSONSchema(FactsSchema) as { properties: Record<string, { description?: string }> };
    for (const [name, p] of Object.entries(facts.properties)) expect(p.description, name).toBeTruthy();
    expect(z.toJSONSchema(VerdictSchema)).toHaveProperty('properties.outcome');
  });

  it('measureInfo lists relevant facts with Danish questions and options', () => {
    const info = measureInfo('hygiene_restraint');
    expect(info?.facts.slice(0, 2).map((f) => f.fact)).toEqual([
      'impairmentCause',
      'priorHygieneRestraintsLast6Months',
    ]);
    expect(info?.facts.map((f) => f.fact)).toContain('hygieneTask');
    expect(info?.conditions.length).toBeGreaterThan(3);
  });
});

describe('§ 124 d, stk. 2: restraint is brief', () => {
  it('holding someone for hours is not permitted (fiksering), a brief hold is for the staff to judge', () => {
    const base = {
      consent: 'objects',
      documentedImpairment: true,
      impairmentCause: 'other',
      actor: 'care_staff',
    } as const;
    const long = evaluate({ measure: 'restraint', facts: { ...base, hours: 8 } });
    expect(long.outcome).toBe('not_permitted');
    expect(long.conditions.find((c) => c.id === 'brief')?.status).toBe('unmet');
    const brief = evaluate({ measure: 'restraint', facts: { ...base } });
    expect(brief.outcome).toBe('staff_may_decide');
    expect(brief.conditions.find((c) => c.id === 'brief')?.status).toBe('unknown');
  });
});
