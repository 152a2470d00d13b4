/**
 * The labelled message bank's line format (the writers' contract, evals/bank/writers/BRIEF.md) as zod schemas,
 * checked with the rules' own measure ids, outcomes and fact schemas. Facts the rules' schema does not know yet
 * (the five agreed new facts, before they land in src/rules) are checked by type.
 */
import { z } from 'zod';
import { QUESTION_TYPES as DIRECT_QUESTION_TYPES } from '../../src/answer/direct.ts';
import { FactsSchema, MEASURE_IDS, OUTCOMES } from '../../src/rules/schema.ts';

export const NEW_FACT_TYPES = {
  under18: 'boolean',
  decisionExists: 'boolean',
  decisionDate: 'string',
  holdMinutes: 'number',
  dangerToOthers: 'boolean',
} as const;

/** The direct-answer question types of src/answer plus the kinds retrieval answers from passages. */
export const QUESTION_TYPES = [...DIRECT_QUESTION_TYPES, 'definition', 'old_rules', 'other'] as const;

const TurnSchema = z.object({
  message: z.string().trim().min(1),
  context: z
    .object({ measure: z.enum(MEASURE_IDS).optional(), facts: z.record(z.string(), z.unknown()).optional() })
    .optional(),
});

export const BankLineSchema = z.object({
  id: z.string().min(1),
  writer: z.string().min(1),
  scenario: z.string().min(1),
  style: z.array(z.string()).optional(),
  turns: z.array(TurnSchema).min(1),
  expect: z.object({
    route: z.enum(['rule_evaluator', 'retrieval', 'out_of_scope']),
    measure: z.enum(MEASURE_IDS).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    tense: z.enum(['planned', 'past']).optional(),
    questionType: z.enum(QUESTION_TYPES).optional(),
  }),
  evidence: z.unknown().optional(),
});
export type BankLine = z.infer<typeof BankLineSchema>;

function factProblem(name: string, value: unknown): string | undefined {
  if (name in NEW_FACT_TYPES) {
    const t = NEW_FACT_TYPES[name as keyof typeof NEW_FACT_TYPES];
    return typeof value === t && !(t === 'number' && !Number.isFinite(value)) ? undefined : `fact ${name} must be ${t}`;
  }
  const shape = (FactsSchema.shape as Record<string, z.ZodType>)[name];
  if (!shape) return `unknown fact ${name}`;
  return shape.safeParse(value).success ? undefined : `fact ${name}: invalid value`;
}

export function validateBankLine(text: string): { ok: true; line: BankLine } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'invalid JSON' };
  }
  const parsed = BankLineSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
  const e = parsed.data.expect;
  if (e.route === 'rule_evaluator' && (!e.measure || !e.outcome || !e.tense))
    return { ok: false, error: `${parsed.data.id}: rule_evaluator needs measure, outcome and tense` };
  if (e.route === 'retrieval' && !e.questionType) return { ok: false, error: `${parsed.data.id}: needs questionType` };
  const facts = { ...(e.facts ?? {}) };
  for (const t of parsed.data.turns) Object.assign(facts, t.context?.facts ?? {});
  for (const [k, v] of Object.entries(facts)) {
    const p = factProblem(k, v);
    if (p) return { ok: false, error: `${parsed.data.id}: ${p}` };
  }
  return { ok: true, line: parsed.data };
}
