/**
 * The literate view of the rule tables: for one measure, every provision it may route to and each condition's
 * Danish text, its test as a formula (src/rules/predicates.ts), the facts it reads and the text of every unit it
 * cites. Used by `cli explain <measure>` and the page /kilder/regler/<measure>. The corpus is passed in as a
 * look-up, so the rules stay free of I/O.
 */
import { FACT_QUESTION_TEMPLATES as FACT_QUESTIONS } from './facts.ts';
import { MEASURES } from './measures.ts';
import { renderText, today } from './params.ts';
import { describe, factsOf } from './predicates.ts';
import type { FactName, MeasureId } from './schema.ts';
import type { ConditionKind } from './types.ts';

export interface CitedText {
  unitId: string;
  citation: string | null;
  text: string | null;
}

export interface ExplainedCondition {
  id: string;
  kind: ConditionKind;
  text: string;
  /** The test as a formula over the facts, or "vurderes af den, der træffer afgørelsen". */
  formula: string;
  facts: { fact: FactName; question: string }[];
  unmet: string | null;
  cites: CitedText[];
}

export interface ExplainedMeasure {
  measure: MeasureId;
  title: string;
  provisions: {
    id: string;
    label: string | null;
    title: string;
    cites: CitedText[];
    conditions: ExplainedCondition[];
  }[];
}

export type UnitLookup = (unitId: string) => { citation: string; text: string } | undefined;

export const KIND_LABELS: Record<ConditionKind, string> = {
  target: 'målgruppe',
  prohibition: 'forbud',
  scope: 'anvendelsesområde',
  actor: 'hvem må handle',
  statutory: 'lovens betingelse',
  authority: 'myndighedens vurdering',
};

/** `asOf` (default today) picks the parameter periods the texts are rendered with. */
export function explainMeasure(id: MeasureId, lookup: UnitLookup, asOf = today()): ExplainedMeasure | undefined {
  const t = (s: string) => renderText(s, asOf);
  const m = MEASURES.find((x) => x.id === id);
  if (!m) return undefined;
  const cited = (ids: string[]): CitedText[] =>
    ids.map((unitId) => {
      const u = lookup(unitId);
      return { unitId, citation: u?.citation ?? null, text: u?.text ?? null };
    });
  return {
    measure: m.id,
    title: m.title,
    provisions: m.provisions.map((p) => ({
      id: p.id,
      label: p.label,
      title: p.title,
      cites: cited(p.cite),
      conditions: p.conditions.map((c) => ({
        id: c.id,
        kind: c.kind,
        text: t(c.text),
        formula: t(describe(c.when)),
        facts: factsOf(c.when, { accepted: true }).map((fact) => ({
          fact,
          question: t(FACT_QUESTIONS[fact].question),
        })),
        unmet: c.unmet ? t(c.unmet) : null,
        cites: cited(c.cite),
      })),
    })),
  };
}

/** Plain-text rendering for the terminal. */
export function explainText(e: ExplainedMeasure): string {
  const out: string[] = [`${e.title} (${e.measure})`, ''];
  for (const p of e.provisions) {
    out.push(`== ${p.label ?? 'Ingen hjemmel'}: ${p.title} [${p.id}]`);
    for (const c of p.conditions) {
      out.push('', `- ${c.text}`, `  [${c.id}, ${KIND_LABELS[c.kind]}] opfyldt når: ${c.formula}`);
      for (const t of c.cites) {
        const text = (t.text ?? '(enheden findes ikke i korpus)').replace(/\n+/g, '\n    ');
        out.push(`  > ${t.citation ?? t.unitId}: ${text}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}
