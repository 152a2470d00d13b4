/**
 * Rule evaluator entry: `evaluate(request): Verdict` for serviceloven kap. 24, 24 a, 24 b, 24 c and 24 d.
 * Deterministic, synchronous, no I/O per call.
 */
import { DomainError } from '../errors/index.ts';
import { evaluateMeasure, usesConsent } from './engine.ts';
import { FACT_QUESTIONS, type FactQuestion } from './facts.ts';
import { MEASURES } from './measures.ts';
import { DECIDER, MAX_DURATION_MONTHS, renderText, today, VALID_FROM } from './params.ts';
import { factsOf as conditionFacts } from './predicates.ts';
import {
  type EvaluateRequest,
  EvaluateRequestSchema,
  type FactName,
  type MeasureId,
  RulesPeriodError,
  type Verdict,
} from './schema.ts';
import type { MeasureDef, Provision } from './types.ts';

export { FACT_QUESTIONS, type FactQuestion } from './facts.ts';
export { param, RULES_VERSION, VALID_FROM } from './params.ts';
export * from './schema.ts';
export type { ConditionDef, MeasureDef, Provision } from './types.ts';

const BY_ID = new Map<MeasureId, MeasureDef>(MEASURES.map((m) => [m.id, m]));

/** Measures this evaluator implements (kap. 24-24 d: every id of MEASURE_IDS). */
export const implementedMeasures: readonly MeasureId[] = MEASURES.map((m) => m.id);

/** Thrown for a valid measure id whose rules are not implemented here (kept for callers; every id is implemented now). */
export class MeasureNotImplementedError extends DomainError {
  constructor(readonly measure: string) {
    super(
      'unprocessable',
      'measure_not_implemented',
      `Indgrebet "${measure}" er ikke implementeret i regelmotoren endnu.`,
    );
  }
}

/**
 * Evaluates one request. Throws a ZodError for an unknown measure or bad facts, and a
 * RulesPeriodError when asOf is before the period the rules cover.
 */
export function evaluate(request: EvaluateRequest | unknown): Verdict {
  const req = EvaluateRequestSchema.parse(request);
  // Default asOf: today, so the parameter periods in force now apply.
  const asOf = req.asOf ?? today();
  if (asOf < VALID_FROM) throw new RulesPeriodError(asOf, VALID_FROM);
  const measure = BY_ID.get(req.measure);
  if (!measure) throw new MeasureNotImplementedError(req.measure);
  return evaluateMeasure(measure, req.facts, asOf);
}

export interface MeasureSummary {
  id: MeasureId;
  title: string;
  provisions: string[];
}

export function listMeasures(): MeasureSummary[] {
  return MEASURES.map((m) => ({
    id: m.id,
    title: m.title,
    provisions: [...new Set(m.provisions.map((p) => p.label).filter((l): l is string => l !== null))],
  }));
}

export interface MeasureInfo extends MeasureSummary {
  /** Facts relevant to the measure, routing facts first, each with its Danish question and options. */
  facts: FactQuestion[];
  conditions: { id: string; text: string; citations: string[]; provision: string | null }[];
}

function factsOf(m: MeasureDef): FactName[] {
  const out: FactName[] = [...m.routingFacts];
  if (m.provisions.some((p) => p.isForce && usesConsent(p))) out.push('consent');
  for (const p of m.provisions) for (const c of p.conditions) for (const f of conditionFacts(c.when)) out.push(f);
  if (m.provisions.some((p) => p.maxDuration)) out.push('requestedMonths');
  return [...new Set(out)];
}

export function measureInfo(id: MeasureId): MeasureInfo | undefined {
  const m = BY_ID.get(id);
  if (!m) return undefined;
  const seen = new Set<string>();
  const conditions: MeasureInfo['conditions'] = [];
  for (const p of m.provisions as Provision[]) {
    for (const c of p.conditions) {
      const key = `${p.label}|${c.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      conditions.push({ id: c.id, text: renderText(c.text, today()), citations: [...c.cite], provision: p.label });
    }
  }
  return {
    ...listMeasures().find((s) => s.id === id)!,
    facts: factsOf(m).map((f) => ({ ...FACT_QUESTIONS[f], options: FACT_QUESTIONS[f].options.map((o) => ({ ...o })) })),
    conditions,
  };
}

/** The facts that decide which of a measure's provisions applies (empty for single-provision measures). */
export function routingFactsOf(id: MeasureId): readonly FactName[] {
  return BY_ID.get(id)?.routingFacts ?? [];
}

/** All provisions (for the citation test and documentation). */
export function allProvisions(): Provision[] {
  return [...new Set(MEASURES.flatMap((m) => m.provisions))];
}

// Every provision's parameter keys exist (checked once at start: a typo in a table or a YAML file fails loudly).
for (const p of allProvisions()) {
  if (p.decider !== null && !DECIDER[p.decider]) throw new Error(`decider.yaml has no ${p.decider} (${p.id})`);
  if (p.maxDuration !== null && !MAX_DURATION_MONTHS[p.maxDuration])
    throw new Error(`max-duration-months.yaml has no ${p.maxDuration} (${p.id})`);
}
