/** Types of the literate rule tables: provisions with their conditions as data, and measures routing to them. */
import type { DeciderKey, DurationKey } from './params.ts';
import type { Predicate } from './predicates.ts';
import type { ComplaintTo, FactName, Facts, MeasureId, Reason, RegistrationRegime } from './schema.ts';

/**
 * How a condition is used: all kinds make the outcome not_permitted when a known fact fails them;
 * the kind orders `missingFacts` (most decisive first) and tells staff who judges it.
 * - target: target group (§ 124 a); prohibition: absolute prohibition; scope: physical scope;
 * - actor: who may act; statutory: a requirement of the provision; authority: judged by the deciding authority.
 */
export type ConditionKind = 'target' | 'prohibition' | 'scope' | 'actor' | 'statutory' | 'authority';

export interface ConditionDef {
  id: string;
  /** Danish: the condition as staff read it. */
  text: string;
  /** Corpus unit ids of the text this condition implements. */
  cite: string[];
  kind: ConditionKind;
  /**
   * When the condition is met, as data (src/rules/predicates.ts): true = met, false = unmet, undefined = unknown.
   * The facts it reads (asked for in missingFacts) are derived from it. Absent: only the authority can judge.
   */
  when?: Predicate;
  /** Danish sentence used as reason when the condition is unmet. */
  unmet?: string;
  /**
   * The condition must hold every time an existing decision is used (e.g. § 128, stk. 2: not when the person
   * objects). With `decisionExists` the engine reads it for Verdict.decisionUse; the other conditions were judged
   * by the authority when it decided (unless the facts show one is no longer met).
   */
  atUse?: AtUse;
}

export interface AtUse {
  /** Danish, when unmet now: why the decision may not be used in this situation. */
  unmet: string;
  /** Danish, when still unknown: what staff must check before using the decision. */
  unknown: string;
  /** Danish sentences said when met, the first whose predicate holds. */
  met?: Array<{ when: Predicate; text: string }>;
}

export type Chapter = '24' | '24a' | '24b' | '24c' | '24d';

export interface Provision {
  /** Variant id, e.g. "sel-136a-stk3". */
  id: string;
  /** Primary legal basis as users cite it, e.g. "SEL § 128 c" (null: no legal basis). */
  label: string | null;
  /** Danish title. */
  title: string;
  chapter: Chapter | null;
  isForce: boolean;
  /** Key into the dated DECIDER parameter (null: nobody may decide, no legal basis). */
  decider: DeciderKey | null;
  registrationRegime: RegistrationRegime;
  /** Relatives/representative are informed regularly (§ 135 a, stk. 3). */
  relativesInformed: boolean;
  complaintTo: ComplaintTo | null;
  complaintCite: string[];
  maxDuration: DurationKey | null;
  lawyerRequired: boolean;
  actionPlanRequired: boolean;
  /** Requires documented impairment (§ 124 a target group). */
  targetGroup: boolean;
  /** Citations of the provision itself. */
  cite: string[];
  conditions: ConditionDef[];
  /** Reasons always given with this provision (Danish). */
  notes?: Reason[];
  /** Danish sentence on who decides, replacing the engine's default text for the decider. */
  deciderText?: string;
}

/**
 * A route: one provision (with `ask`: unknown facts that would change who decides without changing whether the
 * measure is permitted, appended to missingFacts), or several candidates when a deciding fact is unknown.
 */
export type Route =
  | { provision: Provision; ask?: FactName[] }
  | { undecided: FactName[]; candidates: Provision[]; reason: Reason };

export interface MeasureDef {
  id: MeasureId;
  /** Danish title. */
  title: string;
  /** Every provision the measure may route to. */
  provisions: Provision[];
  /** Facts that decide which provision applies or who decides. */
  routingFacts: FactName[];
  route(f: Facts): Route;
}
