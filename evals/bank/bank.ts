/**
 * Scoring the conversation on the labelled bank. The expected outcome is the rule evaluator's outcome on the
 * labelled measure and labelled facts (the evaluator is the legal oracle); agreement with the writers' own outcome
 * labels is reported alongside. Decisive-fact precision counts every decisive fact the session holds at the end
 * (a fact the conversation does not support is a defect); recall counts the labelled decisive facts found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusIndex } from '../../src/corpus/index.ts';
import type { Conversation } from '../../src/dialogue/index.ts';
import { evaluate, FactsSchema, type MeasureId, measureInfo } from '../../src/rules/index.ts';
import type { BankLine } from './schema.ts';

export const SPLITS = ['train', 'dev', 'test'] as const;

/** Facts that change the provision, who decides or the outcome (issue 12). */
export const DECISIVE_FACTS = [
  'impairmentCause',
  'consent',
  'representativeObjects',
  'representativeConsents',
  'placedByCriminalJudgment',
  'secureUnit',
  'boform',
  'under18',
  'setting',
  'decisionExists',
  'priorHygieneRestraintsLast6Months',
  'significantPropertyDamage',
  'dangerToOthers',
] as const;

export function loadSplit(split: string): BankLine[] {
  const file = join(import.meta.dirname, `${split}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as BankLine);
}

/** Only what the rules' schema accepts (new facts are dropped until src/rules knows them). */
export function ruleFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const shape = FactsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  for (const [k, v] of Object.entries(facts)) if (shape[k]?.safeParse(v).success) out[k] = v;
  return out;
}

/** The oracle: the evaluator's outcome for the labelled measure and facts. */
export function oracleOutcome(line: BankLine): string | undefined {
  const e = line.expect;
  if (e.route !== 'rule_evaluator' || !e.measure) return undefined;
  const facts: Record<string, unknown> = {};
  for (const t of line.turns) Object.assign(facts, t.context?.facts ?? {});
  Object.assign(facts, e.facts ?? {});
  try {
    return evaluate({ measure: e.measure as MeasureId, facts: ruleFacts(facts) }).outcome;
  } catch {
    return undefined;
  }
}

export interface BankResult {
  conversations: number;
  multiTurn: number;
  route: number;
  measure: number;
  outcome: number;
  final: number;
  finalMultiTurn: number;
  writerOutcomeAgreement: number;
  oracleWriterAgreement: number;
  factPrecision: number;
  /**
   * Precision over the facts the labelled measure's rules read: a held fact the measure's rules never read (a
   * setting next to a kap. 24 d measure, which reads the boform) cannot change the verdict, and writers did not
   * label it. Reported beside `factPrecision`, never instead of it.
   */
  factPrecisionRead: number;
  factRecall: number;
  maxFollowUpOptions: number;
  counts: Record<string, number>;
  byRoute: Record<string, { n: number; ok: number }>;
  byMeasure: Record<string, { n: number; ok: number }>;
  byWriter: Record<string, number>;
  failures: string[];
}

/**
 * How much an outcome lets staff do, from most (not force) to least (not permitted). A question back
 * (needs_more_facts) allows nothing yet and is never counted as too permissive.
 */
const PERMISSIVENESS: Record<string, number> = {
  not_force: 3,
  staff_may_decide: 2,
  requires_municipal_decision: 1,
  requires_board_decision: 1,
  requires_family_court_decision: 1,
  not_permitted: 0,
};

/** True when `got` allows staff more than `expected` (both known, neither a question back). */
export function isMorePermissive(got: string | undefined, expected: string | undefined): boolean {
  const g = got === undefined ? undefined : PERMISSIVENESS[got];
  const e = expected === undefined ? undefined : PERMISSIVENESS[expected];
  return g !== undefined && e !== undefined && g > e;
}

export async function runBank(
  conversation: Conversation,
  corpus: CorpusIndex,
  lines: BankLine[],
  listFailures: boolean,
): Promise<BankResult> {
  const c = {
    routeOk: 0,
    measureN: 0,
    measureOk: 0,
    outcomeN: 0,
    outcomeOk: 0,
    finalOk: 0,
    multi: 0,
    multiOk: 0,
    writerN: 0,
    writerOk: 0,
    oracleWriterOk: 0,
    factsPredicted: 0,
    factsPredictedOk: 0,
    factsPredictedRead: 0,
    factsPredictedReadOk: 0,
    factsLabelled: 0,
    factsFound: 0,
    quotes: 0,
    quotesOk: 0,
    tooPermissive: 0,
  };
  let maxOptions = 0;
  const byRoute: BankResult['byRoute'] = {};
  const byMeasure: BankResult['byMeasure'] = {};
  const byWriter: Record<string, number> = {};
  const failures: string[] = [];
  for (const line of lines) {
    byWriter[line.writer] = (byWriter[line.writer] ?? 0) + 1;
    let sessionId: string | undefined;
    let last: Awaited<ReturnType<Conversation['handle']>> | undefined;
    for (const t of line.turns) {
      const context = t.context ? { context: t.context as never } : {};
      try {
        last = await conversation.handle({ message: t.message, ...(sessionId ? { sessionId } : {}), ...context });
      } catch {
        // An invalid context from the bank: send the message alone.
        last = await conversation.handle({ message: t.message, ...(sessionId ? { sessionId } : {}) });
      }
      sessionId = last.sessionId;
      maxOptions = Math.max(maxOptions, last.followUp?.options.length ?? 0);
      for (const cit of last.citations) {
        c.quotes++;
        if (corpus.unit(cit.unitId)?.text.includes(cit.quote)) c.quotesOk++;
      }
    }
    if (!last) continue;
    const e = line.expect;
    const problems: string[] = [];
    const routeOk = last.route === e.route;
    if (routeOk) c.routeOk++;
    else problems.push(`route ${last.route} ≠ ${e.route}`);
    let measureOk = true;
    let outcomeOk = true;
    if (e.route === 'rule_evaluator' && e.measure) {
      c.measureN++;
      measureOk = last.verdict?.measure === e.measure;
      if (measureOk) c.measureOk++;
      else problems.push(`measure ${last.verdict?.measure} ≠ ${e.measure}`);
      const oracle = oracleOutcome(line);
      c.outcomeN++;
      outcomeOk = oracle !== undefined && last.verdict?.outcome === oracle;
      if (outcomeOk) c.outcomeOk++;
      else problems.push(`outcome ${last.verdict?.outcome} ≠ ${oracle}`);
      // The defect that can hurt a citizen: a final verdict that allows more than the oracle does.
      if (isMorePermissive(last.verdict?.outcome, oracle)) {
        c.tooPermissive++;
        problems.push('TOO PERMISSIVE');
      }
      if (e.outcome) {
        c.writerN++;
        if (last.verdict?.outcome === e.outcome) c.writerOk++;
        if (oracle === e.outcome) c.oracleWriterOk++;
      }
    }
    const finalOk = routeOk && measureOk && outcomeOk;
    if (finalOk) c.finalOk++;
    if (line.turns.length > 1) {
      c.multi++;
      if (finalOk) c.multiOk++;
    }
    byRoute[e.route] ??= { n: 0, ok: 0 };
    const r = byRoute[e.route]!;
    r.n++;
    if (finalOk) r.ok++;
    if (e.measure) {
      byMeasure[e.measure] ??= { n: 0, ok: 0 };
      const m = byMeasure[e.measure]!;
      m.n++;
      if (finalOk) m.ok++;
    }
    // Decisive facts: precision over what the session holds (rule_evaluator lines), recall over the labels.
    if (e.route === 'rule_evaluator') {
      const labelled: Record<string, unknown> = {};
      for (const t of line.turns) Object.assign(labelled, t.context?.facts ?? {});
      Object.assign(labelled, e.facts ?? {});
      const held = ((await conversation.session(last.sessionId))?.facts ?? {}) as Record<string, unknown>;
      const read = e.measure ? new Set(measureInfo(e.measure as MeasureId)?.facts.map((q) => q.fact as string)) : null;
      for (const f of DECISIVE_FACTS) {
        if (held[f] !== undefined) {
          c.factsPredicted++;
          if (labelled[f] === held[f]) c.factsPredictedOk++;
          else problems.push(`fact ${f}=${JSON.stringify(held[f])} unsupported (label ${JSON.stringify(labelled[f])})`);
          if (!read || read.has(f)) {
            c.factsPredictedRead++;
            if (labelled[f] === held[f]) c.factsPredictedReadOk++;
          }
        }
        if (labelled[f] !== undefined) {
          c.factsLabelled++;
          if (labelled[f] === held[f]) c.factsFound++;
          else if (held[f] === undefined) problems.push(`fact ${f} missed (${JSON.stringify(labelled[f])})`);
        }
      }
    }
    if (problems.length && listFailures) failures.push(`${line.id}: ${problems.join('; ')}`);
  }
  const pct = (a: number, b: number) => (b ? a / b : 1);
  return {
    conversations: lines.length,
    multiTurn: c.multi,
    route: pct(c.routeOk, lines.length),
    measure: pct(c.measureOk, c.measureN),
    outcome: pct(c.outcomeOk, c.outcomeN),
    final: pct(c.finalOk, lines.length),
    finalMultiTurn: pct(c.multiOk, c.multi),
    writerOutcomeAgreement: pct(c.writerOk, c.writerN),
    oracleWriterAgreement: pct(c.oracleWriterOk, c.writerN),
    factPrecision: pct(c.factsPredictedOk, c.factsPredicted),
    factPrecisionRead: pct(c.factsPredictedReadOk, c.factsPredictedRead),
    factRecall: pct(c.factsFound, c.factsLabelled),
    maxFollowUpOptions: maxOptions,
    counts: c,
    byRoute,
    byMeasure,
    byWriter,
    failures,
  };
}

export function formatBankReport(split: string, r: BankResult, verbose: boolean): string {
  const f = (x: number) => `${(x * 100).toFixed(1)} %`;
  const c = r.counts;
  const lines = [
    `Bank split ${split}: ${r.conversations} conversations (${r.multiTurn} multi-turn), writers ${JSON.stringify(r.byWriter)}`,
    `  route                          ${f(r.route)}  (${c['routeOk']}/${r.conversations})`,
    `  measure                        ${f(r.measure)}  (${c['measureOk']}/${c['measureN']})`,
    `  outcome (evaluator oracle)     ${f(r.outcome)}  (${c['outcomeOk']}/${c['outcomeN']})`,
    `  final turn route+measure+outc. ${f(r.final)}  (${c['finalOk']}/${r.conversations})  target ≥ 90 %`,
    `    of which multi-turn          ${f(r.finalMultiTurn)}  (${c['multiOk']}/${c['multi']})`,
    `  outcome = writer's label       ${f(r.writerOutcomeAgreement)}  (oracle = writer's label: ${f(r.oracleWriterAgreement)})`,
    `  too permissive final verdict   ${c['tooPermissive']} of ${c['outcomeN']}  (allows more than the evaluator on the labelled facts)`,
    `  decisive-fact precision        ${f(r.factPrecision)}  (${c['factsPredictedOk']}/${c['factsPredicted']})  target ≥ 98 %`,
    `    over facts the measure reads ${f(r.factPrecisionRead)}  (${c['factsPredictedReadOk']}/${c['factsPredictedRead']})`,
    `  decisive-fact recall           ${f(r.factRecall)}  (${c['factsFound']}/${c['factsLabelled']})`,
    `  max follow-up options          ${r.maxFollowUpOptions}  (must be ≤ 4)`,
    `  citation validity              ${f(c['quotes'] ? c['quotesOk']! / c['quotes'] : 1)}`,
    `  final-turn accuracy by route   ${Object.entries(r.byRoute)
      .map(([k, v]) => `${k} ${v.ok}/${v.n}`)
      .join(', ')}`,
  ];
  if (verbose)
    lines.push(
      `  by measure: ${Object.entries(r.byMeasure)
        .sort()
        .map(([k, v]) => `${k} ${v.ok}/${v.n}`)
        .join(', ')}`,
    );
  if (r.failures.length) {
    lines.push(`  ${r.failures.length} conversation(s) with differences:`);
    for (const x of verbose ? r.failures : r.failures.slice(0, 15)) lines.push(`    - ${x}`);
  }
  return lines.join('\n');
}
