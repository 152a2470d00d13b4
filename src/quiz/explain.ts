/**
 * Feedback after an answer: the right answer and the explanation taken from the verdict (reasons and
 * the conditions relevant to the question), with numbered citations whose quotes are verbatim
 * substrings of their corpus units.
 */
import { type Citation, CitationList } from '../answer/index.ts';
import { COMPLAINT_LABEL, STATUS_LABEL, verdictHeadline } from '../answer/labels.ts';
import type { CorpusIndex } from '../corpus/index.ts';
import type { Scenario } from './bank.ts';
import type { KeyedQuestion } from './questions.ts';

export interface ExplanationPoint {
  kind: 'reason' | 'condition' | 'registration' | 'complaint' | 'missing' | 'source';
  text: string;
  /** For conditions: met, unmet or unknown. */
  status?: 'met' | 'unmet' | 'unknown';
  /** Citation numbers ([n]) in `citations`. */
  refs: number[];
}

export interface Explanation {
  /** The right answer's label. */
  rightAnswer: string;
  /** The verdict's headline and basis, e.g. "Personalet kan beslutte — skal registreres (SEL § 124 d, stk. 2)". */
  summary: string;
  points: ExplanationPoint[];
}

function refsOf(marks: string): number[] {
  return [...marks.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

const MAX_CONDITIONS = 5;

export function explain(
  q: KeyedQuestion,
  scenario: Scenario,
  corpus: CorpusIndex,
): { explanation: Explanation; citations: Citation[] } {
  const v = q.verdict;
  const cites = new CitationList(corpus);
  const points: ExplanationPoint[] = [];
  const add = (
    kind: ExplanationPoint['kind'],
    text: string,
    ids: readonly string[],
    status?: ExplanationPoint['status'],
  ) => points.push({ kind, text, refs: refsOf(cites.cite(ids, text)), ...(status ? { status } : {}) });

  for (const r of v.reasons) add('reason', r.text, r.citations);

  if (q.kind === 'must_register' || q.kind === 'complaint') {
    const reg = v.registration;
    if (reg && reg.regime !== 'none') {
      const parts = [
        reg.registeredBy ? `Registreres af ${reg.registeredBy}` : null,
        reg.deadline ? `frist: ${reg.deadline}` : null,
        reg.reportTo ? `indberettes til ${reg.reportTo}` : null,
      ].filter((p): p is string => p !== null);
      if (parts.length) add('registration', `${parts.join(', ')}.`, reg.citations);
    } else if (v.mustRegister === false) {
      add('registration', 'Skal ikke registreres eller indberettes som magtanvendelse.', []);
    }
  }
  if (q.kind === 'complaint' && v.complaintTo) {
    add('complaint', `Borgeren (eller værgen) kan klage til ${COMPLAINT_LABEL[v.complaintTo]}.`, []);
  }
  if (q.kind === 'missing') {
    for (const m of v.missingFacts.slice(0, 3)) add('missing', m.question, []);
  }

  // Conditions: the unmet ones explain a "no"; otherwise the checklist the answer rests on.
  const unmet = v.conditions.filter((c) => c.status === 'unmet');
  const shown = (unmet.length ? unmet : v.conditions).slice(0, MAX_CONDITIONS);
  for (const c of shown) add('condition', `${c.text} (${STATUS_LABEL[c.status]})`, c.citations, c.status);

  if (scenario.sourceUnits.length) add('source', `Scenariet bygger på ${scenario.source}.`, scenario.sourceUnits);

  const correct = q.options.find((o) => o.id === q.correctOptionId)!;
  const basis = v.provision ?? 'ingen hjemmel i serviceloven';
  return {
    explanation: { rightAnswer: correct.label, summary: `${verdictHeadline(v)} (${basis})`, points },
    citations: cites.list,
  };
}
