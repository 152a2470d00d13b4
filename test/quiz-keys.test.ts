/**
 * Frozen keys (OpenFisca style): every scenario in the bank stores its expected answer per question kind,
 * and the evaluator must give exactly those. A rules change that moves a key fails here, so the bank is
 * updated consciously (`npm run quiz:freeze -- --update <scenario-id>` after checking the source).
 */
import { describe, expect, it } from 'vitest';
import { loadBank, QUESTION_KINDS, type Scenario, servedScenarios } from '../src/quiz/bank.ts';
import { questionsFor } from '../src/quiz/questions.ts';
import { MEASURE_IDS } from '../src/rules/index.ts';

function evaluatorKeys(s: Scenario): Record<string, string> {
  return Object.fromEntries(questionsFor(s).map((q) => [q.kind, q.correctOptionId]));
}

describe('frozen quiz keys', () => {
  it('stores an expected answer for every question kind asked of every scenario', () => {
    for (const s of loadBank()) {
      expect(s.expected, `${s.id} has no frozen key`).toBeDefined();
      for (const k of Object.keys(s.expected ?? {})) expect(QUESTION_KINDS as readonly string[]).toContain(k);
    }
  });

  it("agrees with the evaluator's key for every scenario and question kind", () => {
    const diffs: string[] = [];
    for (const s of servedScenarios()) {
      const got = evaluatorKeys(s);
      const want = s.expected ?? {};
      for (const k of new Set([...Object.keys(got), ...Object.keys(want)]))
        if (got[k] !== (want as Record<string, string>)[k])
          diffs.push(`${s.id}:${k}: frozen ${(want as Record<string, string>)[k] ?? '–'} ≠ evaluator ${got[k] ?? '–'}`);
    }
    expect(diffs).toEqual([]);
  });

  it('detects a changed key: the same scenario with one decisive fact changed no longer matches', () => {
    const s = servedScenarios().find(
      (x) => x.request.facts['consent'] === 'objects' && x.expected?.is_force === 'yes',
    )!;
    expect(s).toBeDefined();
    const changed: Scenario = { ...s, request: { ...s.request, facts: { ...s.request.facts, consent: 'given' } } };
    expect(evaluatorKeys(changed)).not.toEqual(s.expected);
  });

  it('has at least 4 scenarios for every measure', () => {
    const count = new Map<string, number>();
    for (const s of loadBank()) count.set(s.request.measure, (count.get(s.request.measure) ?? 0) + 1);
    const thin = MEASURE_IDS.filter((m) => (count.get(m) ?? 0) < 4).map((m) => `${m}: ${count.get(m) ?? 0}`);
    expect(thin).toEqual([]);
  });
});
