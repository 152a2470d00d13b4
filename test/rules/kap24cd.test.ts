/** Semantics of kap. 24 c (visitor restrictions) and kap. 24 d (persons placed by criminal judgment). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DecidedBySchema,
  evaluate,
  FACT_QUESTIONS,
  type Facts,
  implementedMeasures,
  type MeasureId,
  measureInfo,
  RegistrationRegimeSchema,
  VerdictSchema,
} from '../../src/rules/index.ts';

const KAP24D: MeasureId[] = [
  'monitor_communication',
  'block_communication',
  'device_ban',
  'search_room',
  'scanner',
  'body_search',
  'check_post',
  'search_visitor',
  'confiscation',
  'night_lock_in',
  'seclusion_room',
];
const KAP24C: MeasureId[] = ['visitor_restriction_common_areas', 'visitor_restriction_own_home'];
const SECURE_ONLY: MeasureId[] = [
  'device_ban',
  'scanner',
  'body_search',
  'check_post',
  'search_visitor',
  'seclusion_room',
];

const placed = { placedByCriminalJudgment: true, boform: '108', onLeave: false, lessIntrusiveTried: true } as const;
const secure = { ...placed, secureUnit: true } as const;
const visitor = { setting: 'almen_plejebolig', lessIntrusiveTried: true, decidedAtCouncilMeeting: true } as const;

const ev = (measure: MeasureId, facts: Facts) => evaluate({ measure, facts });
const unmet = (v: ReturnType<typeof evaluate>) => v.conditions.filter((c) => c.status === 'unmet').map((c) => c.id);

describe('contract', () => {
  it('implements all 13 kap. 24 c/d measure ids', () => {
    for (const m of [...KAP24C, ...KAP24D]) expect(implementedMeasures).toContain(m);
  });

  it('adds leader, operator, municipal_council and the kap24d regime; schemas still convert to JSON Schema', () => {
    expect(DecidedBySchema.options).toEqual(expect.arrayContaining(['leader', 'operator', 'municipal_council']));
    expect(RegistrationRegimeSchema.options).toContain('kap24d');
    expect(z.toJSONSchema(VerdictSchema)).toHaveProperty('properties.decidedBy');
  });

  it('every verdict matches the Verdict schema and cites conditions; every relevant fact has a Danish question', () => {
    for (const m of [...KAP24C, ...KAP24D]) {
      for (const facts of [{}, secure, { ...visitor, visitorBehaviour: 'violence_or_threats' } as Facts]) {
        const v = ev(m, facts);
        expect(VerdictSchema.parse(v)).toEqual(v);
        for (const c of v.conditions) expect(c.citations.length, `${m}/${c.id}`).toBeGreaterThan(0);
      }
      const info = measureInfo(m);
      expect(info?.conditions.length).toBeGreaterThan(2);
      for (const f of info?.facts ?? []) {
        expect(FACT_QUESTIONS[f.fact].question.length).toBeGreaterThan(10);
        expect(f.options.length).toBeGreaterThan(1);
      }
      expect(info?.facts.map((f) => f.fact)).not.toContain('consent');
    }
  });
});

describe('kap. 24 d target group and scope', () => {
  it('outside the target group (not placed by judgment, § 107, on leave): not permitted, for every measure', () => {
    for (const m of KAP24D) {
      for (const facts of [
        { ...secure, placedByCriminalJudgment: false },
        { ...secure, boform: '107' },
        { ...secure, onLeave: true },
      ] as Facts[]) {
        const v = ev(m, facts);
        expect(v.outcome, `${m} ${JSON.stringify(facts)}`).toBe('not_permitted');
        expect(v.reasons.some((r) => r.text.includes('kapitel 24-24 c'))).toBe(true);
      }
    }
  });

  it('some measures only in a § 108 boform with sikrede afdelinger', () => {
    for (const m of SECURE_ONLY) expect(unmet(ev(m, { ...placed, secureUnit: false }))).toContain('secure-unit');
    for (const m of KAP24D.filter((x) => !SECURE_ONLY.includes(x))) {
      expect(unmet(ev(m, { ...placed, secureUnit: false }))).not.toContain('secure-unit');
    }
  });

  it('consent neither short-circuits nor is asked for (kap. 24 d needs no consent; police if the person resists)', () => {
    const v = ev('confiscation', { ...placed, consent: 'given' });
    expect(v.outcome).toBe('requires_municipal_decision');
    expect(v.reasons.some((r) => r.text.includes('politiet'))).toBe(true);
    expect(ev('confiscation', {}).missingFacts.map((m) => m.fact)).not.toContain('consent');
    expect(ev('confiscation', {}).missingFacts[0]?.fact).toBe('placedByCriminalJudgment');
  });
});

describe('kap. 24 d: who decides', () => {
  it('kommunalbestyrelsen by default; urgent → the leader’s interim decision (staff_may_decide), to be approved', () => {
    for (const m of KAP24D.filter((x) => x !== 'device_ban' && x !== 'scanner')) {
      const main = ev(m, secure);
      expect(main).toMatchObject({ decidedBy: 'municipality', outcome: 'requires_municipal_decision' });
      expect(main.missingFacts.at(-1)?.fact).toBe('urgent');
      const interim = ev(m, { ...secure, urgent: true });
      expect(interim).toMatchObject({ decidedBy: 'leader', outcome: 'staff_may_decide', mustRegister: true });
      expect(interim.registration?.regime).toBe('kap24d');
      expect(interim.conditions.map((c) => c.id)).toContain('submitted-for-approval');
    }
  });

  it('the general device ban is the driftsherre’s; scanners need no decision; neither is registered or appealable', () => {
    expect(ev('device_ban', secure)).toMatchObject({
      decidedBy: 'operator',
      outcome: 'staff_may_decide',
      mustRegister: false,
      complaintTo: null,
    });
    expect(ev('device_ban', secure).conditions.map((c) => c.id)).toContain('in-house-rules');
    expect(ev('scanner', secure)).toMatchObject({
      decidedBy: 'staff',
      outcome: 'staff_may_decide',
      mustRegister: false,
      complaintTo: null,
    });
  });

  it('kap24d registration: within 24 hours, monthly copies, the person is told and may add an account', () => {
    const v = ev('search_room', { ...placed, staffPresent: 2 });
    expect(v.registration).toMatchObject({ regime: 'kap24d', personInformed: true, relativesInformed: false });
    expect(v.registration?.deadline).toContain('24 timer');
    expect(v.registration?.reportTo).toContain('socialtilsynet');
    expect(v.reasons.some((r) => r.text.includes('egen redegørelse'))).toBe(true);
  });

  it('less intrusive means: required unless the matter is urgent', () => {
    expect(ev('confiscation', { ...placed, lessIntrusiveTried: false }).outcome).toBe('not_permitted');
    expect(ev('confiscation', { ...placed, lessIntrusiveTried: false, urgent: true }).outcome).toBe('staff_may_decide');
  });
});

describe('kap. 24 d hard limits', () => {
  it('never communication with authorities, lawyers, værger, bistandsværger', () => {
    for (const m of ['monitor_communication', 'block_communication', 'check_post'] as const) {
      const v = ev(m, { ...secure, suspicion: 'reasonable', protectedCorrespondent: true });
      expect(v.outcome).toBe('not_permitted');
      expect(unmet(v)).toContain('not-protected-correspondent');
    }
  });

  it('post is opened, never read; needs at least reasonable suspicion', () => {
    const base = { ...secure, protectedCorrespondent: false } as const;
    expect(unmet(ev('check_post', { ...base, suspicion: 'reasonable', readsLetters: true }))).toEqual(['not-read']);
    expect(ev('check_post', { ...base, suspicion: 'none' }).outcome).toBe('not_permitted');
    expect(ev('check_post', { ...base, suspicion: 'reasonable', readsLetters: false }).outcome).toBe(
      'requires_municipal_decision',
    );
  });

  it('body search: founded suspicion, scanner first, two staff, same sex when undressing, never body cavities', () => {
    const ok = {
      ...secure,
      suspicion: 'founded',
      scannerTriedFirst: true,
      staffPresent: 2,
      sameSexStaff: true,
      bodyCavity: false,
    } as const;
    expect(ev('body_search', ok).outcome).toBe('requires_municipal_decision');
    expect(unmet(ev('body_search', { ...ok, suspicion: 'reasonable' }))).toEqual(['founded-suspicion']);
    expect(unmet(ev('body_search', { ...ok, scannerTriedFirst: false }))).toEqual(['scanner-first']);
    expect(unmet(ev('body_search', { ...ok, staffPresent: 1 }))).toEqual(['two-staff']);
    expect(unmet(ev('body_search', { ...ok, bodyCavity: true }))).toEqual(['no-body-cavities']);
    expect(unmet(ev('body_search', { ...ok, sameSexStaff: false, undressing: true }))).toEqual(['undressing-same-sex']);
    expect(ev('body_search', { ...ok, sameSexStaff: false, undressing: false }).outcome).toBe(
      'requires_municipal_decision',
    );
  });

  it('room search needs two staff; visitor search: suspicion, scanner first, never undressing; refusal → visit refused', () => {
    expect(unmet(ev('search_room', { ...placed, staffPresent: 1 }))).toEqual(['two-staff']);
    const vis = { ...secure, suspicion: 'reasonable', scannerTriedFirst: true } as const;
    const v = ev('search_visitor', vis);
    expect(v.outcome).toBe('requires_municipal_decision');
    expect(v.reasons.some((r) => r.text.includes('afvise besøget'))).toBe(true);
    expect(unmet(ev('search_visitor', { ...vis, undressing: true }))).toEqual(['no-undressing']);
    expect(unmet(ev('search_visitor', { ...vis, suspicion: 'none' }))).toEqual(['suspicion']);
  });

  it('night lock-in: at most 8 hours, 21-08, every § 137 j, stk. 3 condition', () => {
    const ok = { ...placed, hours: 8, withinNightWindow: true, nightLockConditionsMet: true } as const;
    expect(ev('night_lock_in', ok).outcome).toBe('requires_municipal_decision');
    expect(unmet(ev('night_lock_in', { ...ok, hours: 8.5 }))).toEqual(['max-8-hours']);
    expect(unmet(ev('night_lock_in', { ...ok, withinNightWindow: false }))).toEqual(['night-window']);
    expect(unmet(ev('night_lock_in', { ...ok, nightLockConditionsMet: false }))).toEqual(['stk3-conditions']);
  });

  it('seclusion: at most 2 hours, a fitted room, never the person’s own room, stk. 3 conditions', () => {
    const ok = { ...secure, hours: 2, nightLockConditionsMet: true, inOwnRoom: false } as const;
    expect(ev('seclusion_room', ok).outcome).toBe('requires_municipal_decision');
    expect(unmet(ev('seclusion_room', { ...ok, hours: 2.5 }))).toEqual(['max-2-hours']);
    expect(unmet(ev('seclusion_room', { ...ok, inOwnRoom: true }))).toEqual(['fitted-room']);
    expect(unmet(ev('seclusion_room', { ...ok, nightLockConditionsMet: false }))).toEqual(['stk3-conditions']);
  });
});

describe('kap. 24 c visitor restrictions', () => {
  it('decided at a meeting (municipal_council), complaint to Ankestyrelsen, nothing registered', () => {
    for (const m of KAP24C) {
      const v = ev(m, { ...visitor, visitorBehaviour: 'violence_or_threats', towardsStaffDuringCare: true });
      expect(v).toMatchObject({
        outcome: 'requires_municipal_decision',
        decidedBy: 'municipal_council',
        complaintTo: 'ankestyrelsen',
        mustRegister: false,
        isForce: false,
      });
      expect(v.conditions.map((c) => c.id)).toEqual(
        expect.arrayContaining(['scope-areas-duration', 'both-parties', 'less-intrusive-first']),
      );
    }
  });

  it('not delegable: the administration only when urgent (interim), otherwise not permitted', () => {
    const f = { ...visitor, visitorBehaviour: 'repeated_harassment', decidedAtCouncilMeeting: false } as const;
    expect(unmet(ev('visitor_restriction_common_areas', { ...f, urgent: false }))).toEqual(['urgent']);
    expect(ev('visitor_restriction_common_areas', { ...f, urgent: true })).toMatchObject({
      outcome: 'requires_municipal_decision',
      decidedBy: 'municipality',
    });
  });

  it('never for criticism; the own home only for nr. 1-2 towards staff while help is delivered', () => {
    expect(unmet(ev('visitor_restriction_common_areas', { ...visitor, visitorBehaviour: 'criticism_only' }))).toContain(
      'not-criticism',
    );
    expect(
      ev('visitor_restriction_common_areas', { ...visitor, visitorBehaviour: 'strongly_disturbing' }).outcome,
    ).toBe('requires_municipal_decision');
    const home = { ...visitor, towardsStaffDuringCare: true } as const;
    expect(unmet(ev('visitor_restriction_own_home', { ...home, visitorBehaviour: 'strongly_disturbing' }))).toEqual([
      'visitor-behaviour',
    ]);
    expect(
      unmet(
        ev('visitor_restriction_own_home', {
          ...home,
          visitorBehaviour: 'violence_or_threats',
          towardsStaffDuringCare: false,
        }),
      ),
    ).toEqual(['towards-staff-during-care']);
  });

  it('less intrusive initiatives must have been tried (PA 12-17)', () => {
    const v = ev('visitor_restriction_common_areas', {
      ...visitor,
      visitorBehaviour: 'violence_or_threats',
      lessIntrusiveTried: false,
    });
    expect(unmet(v)).toEqual(['less-intrusive-first']);
    expect(v.reasons.some((r) => r.text.includes('12-17'))).toBe(true);
  });
});

describe('kap. 24 d never names an authority before the target group is known', () => {
  // device_ban is the operator's general house rule and scanner needs no decision; both still need the target group.
  it.each(KAP24D)('%s: unknown placement → needs_more_facts, asking about the placement first', (measure) => {
    const v = evaluate({ measure, facts: { boform: '108', secureUnit: true } });
    expect(v.outcome).toBe('needs_more_facts');
    expect(v.missingFacts[0]?.fact).toBe('placedByCriminalJudgment');
  });

  it('an ordinary bosted resident locked in at night: not permitted', () => {
    const v = evaluate({ measure: 'night_lock_in', facts: { placedByCriminalJudgment: false } });
    expect(v.outcome).toBe('not_permitted');
    expect(v.conditions.find((c) => c.id === 'placed-by-criminal-judgment')?.status).toBe('unmet');
  });
});
