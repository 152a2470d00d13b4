/**
 * The scenario bank and its grading: every question of every served scenario has exactly one option
 * that agrees with the rule evaluator, checked here against the verdict field by field (independently
 * of the key the quiz computes), and the bank covers every implemented measure and every outcome.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { loadBank, servedScenarios, TOPICS, waitingScenarios } from '../src/quiz/bank.ts';
import { provisionSlug, QUESTION_KINDS, questionsFor } from '../src/quiz/questions.ts';
import { EvaluateRequestSchema, evaluate, implementedMeasures, OUTCOMES, type Verdict } from '../src/rules/index.ts';

/** Does option `id` of a question of `kind` state what the verdict says? (The test's own reading of the verdict.) */
function agrees(kind: string, id: string, v: Verdict): boolean {
  switch (kind) {
    case 'is_force':
      return (id === 'yes' && v.isForce === true) || (id === 'no' && v.isForce === false);
    case 'decided_by':
      return id === 'none' ? v.decidedBy === null && v.outcome === 'not_permitted' : id === v.decidedBy;
    case 'must_register':
      return (id === 'yes' && v.mustRegister === true) || (id === 'no' && v.mustRegister === false);
    case 'complaint':
      return id === 'none' ? v.complaintTo === null : id === v.complaintTo;
    case 'provision':
      return id === 'none' ? v.provision === null : v.provision !== null && id === provisionSlug(v.provision);
    case 'permitted':
      return id === v.outcome;
    case 'missing':
      return v.missingFacts.some((m) => m.fact === id);
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

describe('scenario bank', () => {
  const bank = loadBank();
  const served = servedScenarios();
  const waiting = waitingScenarios();
  const corpus = loadCorpus();

  it('has at least 80 served scenarios with unique ids, Danish stories and valid levels and topics', () => {
    expect(served.length).toBeGreaterThanOrEqual(80);
    expect(new Set(bank.map((s) => s.id)).size).toBe(bank.length);
    for (const s of bank) {
      expect(s.story.length, s.id).toBeGreaterThan(40);
      expect(s.story, s.id).toMatch(/[æøå]/i);
      expect([1, 2, 3]).toContain(s.level);
    }
  });

  it('cites sources that exist in the corpus', () => {
    for (const s of bank) {
      expect(s.source.length, s.id).toBeGreaterThan(3);
      expect(s.sourceUnits.length, s.id).toBeGreaterThan(0);
      for (const u of s.sourceUnits) expect(corpus.unit(u), `${s.id}: ${u}`).toBeDefined();
    }
  });

  it('gives the evaluator valid requests for every served scenario', () => {
    for (const s of served) {
      const parsed = EvaluateRequestSchema.safeParse(s.request);
      expect(parsed.success, `${s.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('covers every implemented measure and every outcome', () => {
    const measures = new Set(served.map((s) => s.request.measure));
    for (const m of implementedMeasures) expect(measures.has(m), m).toBe(true);
    const outcomes = new Set(served.map((s) => evaluate(s.request).outcome));
    for (const o of OUTCOMES) expect(outcomes.has(o), o).toBe(true);
  });

  it('has served scenarios for every kap. 24–24 b topic and waiting ones only for unimplemented measures', () => {
    for (const t of TOPICS.filter((t) => t.id !== 'kap24c' && t.id !== 'kap24d'))
      expect(
        served.some((s) => s.topic === t.id),
        t.id,
      ).toBe(true);
    for (const s of waiting) expect(implementedMeasures as readonly string[]).not.toContain(s.request.measure);
    for (const t of ['kap24c', 'kap24d']) expect(bank.some((s) => s.topic === t)).toBe(true);
  });

  it('has exactly one correct option per question under the evaluator, and the key is that option', () => {
    let questions = 0;
    const kinds = new Set<string>();
    for (const s of served) {
      const verdict = evaluate(s.request);
      const qs = questionsFor(s);
      expect(qs.length, s.id).toBeGreaterThan(0);
      for (const q of qs) {
        questions++;
        kinds.add(q.kind);
        expect(q.id).toBe(`${s.id}:${q.kind}`);
        expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
        expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
        expect(new Set(q.options.map((o) => o.label)).size, q.id).toBe(q.options.length);
        const correct = q.options.filter((o) => agrees(q.kind, o.id, verdict));
        expect(
          correct.map((o) => o.id),
          q.id,
        ).toHaveLength(1);
        expect(q.correctOptionId, q.id).toBe(correct[0]!.id);
      }
    }
    expect(questions).toBeGreaterThan(served.length * 2);
    expect([...kinds].sort()).toEqual([...QUESTION_KINDS].sort());
  });

  it('asks only about what is missing when the evaluator needs more facts, and skips indefinite questions', () => {
    for (const s of served) {
      const v = evaluate(s.request);
      const kinds = questionsFor(s).map((q) => q.kind);
      if (v.outcome === 'needs_more_facts')
        expect(
          kinds.every((k) => k === 'missing'),
          s.id,
        ).toBe(true);
      if (v.complaintTo === null) expect(kinds, s.id).not.toContain('complaint');
      if (v.isForce === null) expect(kinds, s.id).not.toContain('is_force');
      if (v.outcome === 'not_permitted') expect(kinds, s.id).not.toContain('must_register');
    }
  });

  it('shows the same options every time a question is built', () => {
    const s = served[0]!;
    expect(questionsFor(s).map((q) => q.options)).toEqual(questionsFor(s).map((q) => q.options));
  });
});
