/** The predicate vocabulary of the rule tables: three-valued logic, derived facts, no closures in provisions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainMeasure, explainText } from '../../src/rules/explain.ts';
import { allProvisions, evaluate, measureInfo } from '../../src/rules/index.ts';
import {
  all,
  any,
  atLeast,
  atMost,
  below,
  factsOf,
  fallback,
  describe as formula,
  holds,
  is,
  isNot,
  judged,
  not,
  oneOf,
  orElse,
  test,
} from '../../src/rules/predicates.ts';

describe('predicates', () => {
  it('compare one fact, unknown when the fact is missing', () => {
    expect(test(is('consent', 'objects'), { consent: 'objects' })).toBe(true);
    expect(test(is('consent', 'objects'), { consent: 'given' })).toBe(false);
    expect(test(is('consent', 'objects'), {})).toBeUndefined();
    expect(test(isNot('consent', 'given'), { consent: 'passive' })).toBe(true);
    expect(test(not('locksIndoorCommonAreas'), { locksIndoorCommonAreas: false })).toBe(true);
    expect(test(holds('riskOfHarm'), { riskOfHarm: false })).toBe(false);
    expect(test(oneOf('setting', ['botilbud', 'dagtilbud']), { setting: 'own_home' })).toBe(false);
    expect(test(atLeast('staffPresent', 2), { staffPresent: 2 })).toBe(true);
    expect(test(atLeast('staffPresent', 2), { staffPresent: 1 })).toBe(false);
    expect(test(atMost('hours', 8), { hours: 8.5 })).toBe(false);
    expect(test(below('hours', 1), { hours: 0.5 })).toBe(true);
    expect(test(judged(), { consent: 'objects' })).toBeUndefined();
  });

  it('combine three-valued (Kleene): all is false on one false, any is true on one true', () => {
    const p = all(holds('riskOfHarm'), not('aidsUsed'));
    expect(test(p, { riskOfHarm: false })).toBe(false);
    expect(test(p, { riskOfHarm: true })).toBeUndefined();
    expect(test(p, { riskOfHarm: true, aidsUsed: false })).toBe(true);
    const q = any(not('usesAI'), judged());
    expect(test(q, { usesAI: false })).toBe(true);
    expect(test(q, { usesAI: true })).toBeUndefined();
    expect(test(orElse(holds('urgent'), false), {})).toBe(false);
  });

  it('derive the facts a condition reads, without the ones under orElse', () => {
    expect(factsOf(any(isNot('consent', 'objects'), is('beltReason', 'fall')))).toEqual(['consent', 'beltReason']);
    expect(factsOf(any(holds('lessIntrusiveTried'), orElse(holds('urgent'), false)))).toEqual(['lessIntrusiveTried']);
    expect(factsOf(undefined)).toEqual([]);
    expect(formula(all(isNot('consent', 'given'), atLeast('staffPresent', 2)))).toBe(
      'consent ≠ "given" og staffPresent ≥ 2',
    );
  });
});

describe('numbered items with a summary fact (§ 137 j, stk. 3, nr. 1-5)', () => {
  it('fallback uses its own answer when known, else the stand-in; the summary fact is asked first', () => {
    const item = fallback(not('suicidal'), any(holds('nightLockConditionsMet'), judged()));
    expect(test(item, { suicidal: true, nightLockConditionsMet: true })).toBe(false);
    expect(test(item, { nightLockConditionsMet: true })).toBe(true);
    expect(test(item, { nightLockConditionsMet: false })).toBeUndefined();
    expect(test(item, {})).toBeUndefined();
    expect(factsOf(item)).toEqual(['nightLockConditionsMet', 'suicidal']);
    expect(formula(item)).toBe(
      'ikke suicidal (ukendt: nightLockConditionsMet eller vurderes af den, der træffer afgørelsen)',
    );
  });

  it('each item of stk. 3 is its own row with its own fact, and one failing item makes the act unlawful', () => {
    const base = {
      placedByCriminalJudgment: true,
      boform: '108',
      onLeave: false,
      documentedImpairment: true,
      lessIntrusiveTried: true,
      hours: 8,
      withinNightWindow: true,
    } as const;
    const v = evaluate({
      measure: 'night_lock_in',
      facts: { ...base, nightLockConditionsMet: true, canCallStaff: false },
    });
    expect(v.outcome).toBe('not_permitted');
    const row = v.conditions.find((c) => c.id === 'stk3-nr3-can-call-staff');
    expect(row).toMatchObject({ status: 'unmet', fact: 'canCallStaff' });
    expect(v.conditions.find((c) => c.id === 'stk3-nr1-no-health-risk')?.status).toBe('met');
    const open = evaluate({ measure: 'night_lock_in', facts: base });
    expect(open.missingFacts[0]?.fact).toBe('nightLockConditionsMet');
    const facts = measureInfo('night_lock_in')!.facts.map((f) => f.fact);
    for (const f of ['noHealthRisk', 'suicidal', 'canCallStaff', 'toiletAndWater', 'regularSupervision'])
      expect(facts).toContain(f);
  });
});

describe('rule tables as data', () => {
  it('no provision module contains a closure or a function', () => {
    const dir = join(import.meta.dirname, '../../src/rules/provisions');
    for (const file of readdirSync(dir)) {
      const src = readFileSync(join(dir, file), 'utf8');
      expect(src, file).not.toMatch(/=>|\bfunction\b/);
    }
  });

  it('every condition test is plain JSON data', () => {
    for (const p of allProvisions()) {
      for (const c of p.conditions) if (c.when) expect(JSON.parse(JSON.stringify(c.when)), c.id).toEqual(c.when);
    }
  });

  it('asks whether welfare technology uses AI (the ai-informed condition reads usesAI)', () => {
    expect(measureInfo('welfare_technology')!.facts.map((f) => f.fact)).toContain('usesAI');
    const facts = {
      documentedImpairment: true,
      consent: 'objects',
      setting: 'botilbud',
      actor: 'care_staff',
      justifiedByStaffing: false,
      riskOfHarm: true,
      recordsOrStores: false,
      twoWayAudio: false,
      openFrequency: false,
      recognizableImage: false,
      lessIntrusiveTried: true,
    } as const;
    const open = evaluate({ measure: 'welfare_technology', facts });
    expect(open.missingFacts.map((m) => m.fact)).toContain('usesAI');
    expect(open.conditions.find((c) => c.id === 'ai-informed')).toMatchObject({ status: 'unknown', fact: 'usesAI' });
    const noAi = evaluate({ measure: 'welfare_technology', facts: { ...facts, usesAI: false } });
    expect(noAi.conditions.find((c) => c.id === 'ai-informed')?.status).toBe('met');
    expect(noAi.missingFacts.map((m) => m.fact)).not.toContain('usesAI');
  });

  it('explains a measure: each condition, its formula and the text of the units it cites', () => {
    const units: Record<string, { citation: string; text: string }> = {
      'sel-128c-stk2': { citation: 'SEL § 128 c, stk. 2', text: 'Tekst af stk. 2' },
    };
    const e = explainMeasure('lock_own_home_exterior', (id) => units[id])!;
    const c = e.provisions[0]!.conditions.find((x) => x.cites.some((t) => t.unitId === 'sel-128c-stk2'))!;
    expect(c.formula).toBe('ikke locksIndoorCommonAreas');
    expect(c.facts.map((f) => f.fact)).toEqual(['locksIndoorCommonAreas']);
    expect(explainText(e)).toContain('> SEL § 128 c, stk. 2: Tekst af stk. 2');
  });
});
