import { describe, expect, it } from 'vitest';
import {
  directAnswer,
  QUESTION_TYPES,
  questionTypeFromWording,
  ruleUnitsFor,
  variantsOf,
  withRuleStatement,
} from '../src/answer/direct.ts';
import { retrievalAnswer } from '../src/answer/index.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { evaluate, implementedMeasures } from '../src/rules/index.ts';

const corpus = loadCorpus();

/** Every unit id any verdict of the measure cites (conditions, reasons, registration). */
function citedByRules(measure: (typeof implementedMeasures)[number]): Set<string> {
  const ids = new Set<string>();
  for (const { verdict: v } of variantsOf(measure)) {
    for (const c of v.conditions) for (const id of c.citations) ids.add(id);
    for (const r of v.reasons) for (const id of r.citations) ids.add(id);
    for (const id of v.registration?.citations ?? []) ids.add(id);
  }
  ids.add('sel-124a');
  ids.add('sel-141-stk1');
  return ids;
}

describe('direct answers from the rules data', () => {
  it('answers every question type per measure with a short summary and citations the rule data cites', () => {
    let answered = 0;
    for (const m of implementedMeasures) {
      const allowed = citedByRules(m);
      for (const t of QUESTION_TYPES) {
        const a = directAnswer(t, m, corpus);
        if (!a) continue;
        answered++;
        expect(a.summary?.length ?? 0, `${m}/${t}`).toBeGreaterThan(10);
        expect(a.summary!.length, `${m}/${t}`).toBeLessThanOrEqual(300);
        for (const c of a.citations) {
          expect(corpus.unit(c.unitId), c.unitId).toBeDefined();
          // A heading-only unit is replaced by its child: accept the child of a cited unit too.
          const parent = corpus.unit(c.unitId)?.parentId ?? '';
          expect(allowed.has(c.unitId) || allowed.has(parent), `${m}/${t}: ${c.unitId}`).toBe(true);
        }
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('states the same maximum duration and registration deadline as the evaluator', () => {
    for (const m of implementedMeasures) {
      const variants = variantsOf(m);
      if (variants.length !== 1) continue;
      const v = evaluate({ measure: m, facts: {} });
      const dur = directAnswer('max_duration', m, corpus);
      if (v.maxDurationMonths !== null) expect(dur?.summary, m).toContain(`${v.maxDurationMonths} måneder`);
      const reg = directAnswer('registration_deadline', m, corpus);
      if (v.registration && v.registration.regime !== 'none')
        expect(reg?.summary ?? '', m).toContain(v.registration.deadline!.slice(0, 40));
    }
  });

  it('distinguishes the provisions of a routed measure', () => {
    const a = directAnswer('complaint', 'hygiene_restraint', corpus)!;
    const variants = variantsOf('hygiene_restraint');
    expect(variants.length).toBeGreaterThan(1);
    for (const { verdict } of variants) expect(a.answer).toContain(verdict.provision!);
  });

  it('answers in general, grouped by measure in the order of the law', () => {
    const a = directAnswer('registration_deadline', undefined, corpus)!;
    const acute = evaluate({ measure: 'restraint', facts: {} }).registration!.deadline!;
    expect(a.summary).toContain(acute.slice(0, 30));
    expect(a.citations.length).toBeGreaterThan(0);
  });
});

describe('rule data behind informational summaries', () => {
  it("reads the question type off plain wording (the language layer's head comes first in the chat)", () => {
    expect(questionTypeFromWording('Hvor længe kan en tilladelse til stofsele gælde?')).toBe('max_duration');
    expect(questionTypeFromWording('Hvem kan man klage til over en afgørelse om stofsele?')).toBe('complaint');
    expect(questionTypeFromWording('Hvornår skal en fastholdelse indberettes?')).toBe('registration_deadline');
    expect(questionTypeFromWording('Hvem træffer afgørelse om besøgsrestriktioner?')).toBe('who_decides');
    expect(questionTypeFromWording('Hvad er nødret?')).toBeUndefined();
  });

  it('gives the units the rule data cites for the asked fact of a measure, and the summary quotes them', () => {
    const q = 'Hvor længe kan en tilladelse til stofsele gælde?';
    const ids = ruleUnitsFor(questionTypeFromWording(q), 'fabric_belt');
    expect(ids.length).toBeGreaterThan(0);
    const months = variantsOf('fabric_belt')[0]!.verdict.maxDurationMonths;
    expect(ids.some((id) => corpus.unit(id)?.text.includes(`${months} måneder`))).toBe(true);
    expect(ruleUnitsFor('max_duration', undefined)).toEqual([]);
    expect(ruleUnitsFor(questionTypeFromWording('Hvad er nødret?'), 'fabric_belt')).toEqual([]);
    // With search hits that do not state the duration, the rule-cited unit supplies the summary.
    const a = retrievalAnswer(q, [{ id: 'sel-128-stk1', score: 1 }], corpus, ids);
    expect(a.summary).toContain(`${months} måneder`);
    expect(corpus.unit(a.citations[0]!.unitId)!.text).toContain(a.summary!);
  });
});

describe("the rules' statement below an informational answer", () => {
  const base = {
    answer: '**Kort fortalt:** Et citat. [1]\n\n**Mere fra kilderne:**\n\n> Noget. [2]\n\n_disclaimer_',
    citations: [
      { n: 1, unitId: 'sel-128-stk1', citation: 'SEL § 128, stk. 1', quote: 'q1' },
      { n: 2, unitId: 'vejl2025-k16-p5', citation: 'Vejledning kap. 16', quote: 'q2' },
    ],
    summary: 'Et citat.',
  };

  it('adds the duration from the rule data after the summary, reusing shown citations and numbering new ones after', () => {
    const out = withRuleStatement(base, 'max_duration', 'fabric_belt', corpus);
    const parts = out.answer.split('\n\n');
    expect(parts[0]).toBe('**Kort fortalt:** Et citat. [1]');
    expect(parts[1]).toMatch(/^\*\*Efter reglerne:\*\* .*18 måneder/);
    expect(out.summary).toBe('Et citat.');
    // vejl2025-k16-p5 is already [2]: reused, not repeated; any new unit continues the numbering.
    expect(out.citations.filter((c) => c.unitId === 'vejl2025-k16-p5')).toHaveLength(1);
    expect(parts[1]).toContain('[2]');
    out.citations.forEach((c, i) => {
      expect(c.n).toBe(i + 1);
    });
    for (const n of parts[1]!.match(/\[(\d+)\]/g)!.map((m) => Number(m.slice(1, -1))))
      expect(n).toBeLessThanOrEqual(out.citations.length);
  });

  it('adds nothing when the provisions of the measure differ on the point', () => {
    expect(withRuleStatement(base, 'who_decides', 'hygiene_restraint', corpus)).toEqual(base);
  });
});
