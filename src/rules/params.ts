/**
 * Dated parameters (OpenFisca style): values that change with the law, each as a list of
 * periods (effective date → value) with the unit ids that state it. The next amendment is a
 * data change here: add a period with its `from` date.
 */
import type { DecidedBy } from './schema.ts';

/** 2025.2.0: kap. 24 c and 24 d added (issue 9). 2025.2.1: kap. 24 d asks for the target group before naming an authority. 2025.2.2: § 124 d, stk. 2 restraint must be brief (hours = fiksering). */
export const RULES_VERSION = '2025.2.2';
/** First day the rules in this module set cover (lov nr. 680 af 11.6.2024, in force 1.1.2025). */
export const VALID_FROM = '2025-01-01';

export interface Period<T> {
  from: string;
  value: T;
  citations: string[];
}

/** Maximum duration in months of a decision (null: the law sets no limit or allows an unlimited decision). */
export const MAX_DURATION_MONTHS = {
  'sel-125': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k15-p5', 'vejl2025-k27-p3'] }],
  'sel-128': [{ from: VALID_FROM, value: 18, citations: ['vejl2025-k16-p5', 'vejl2025-k27-p3'] }],
  'sel-128b-stk1': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k17-p16'] }],
  'sel-128b-stk2': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k17-p5', 'vejl2025-k27-p3'] }],
  'sel-136e-stk5': [{ from: VALID_FROM, value: null, citations: ['sel-136e-stk5'] }],
  'sel-128c': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k18-p2'] }],
  'sel-128d': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k19-p2'] }],
  'sel-128e': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k20-p2'] }],
  'sel-128f': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k21-p2'] }],
  'sel-128g': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k22-p2'] }],
  'sel-128h': [{ from: VALID_FROM, value: 12, citations: ['sel-128h-stk1', 'vejl2025-k23-p2'] }],
  'sel-136a-stk3': [{ from: VALID_FROM, value: 12, citations: ['vejl2025-k25-p3'] }],
} satisfies Record<string, Period<number | null>[]>;
export type DurationKey = keyof typeof MAX_DURATION_MONTHS;

/** Who decides, per provision variant. */
export const DECIDER = {
  'sel-123': [{ from: VALID_FROM, value: 'staff', citations: ['sel-123'] }],
  'sel-124b': [{ from: VALID_FROM, value: 'staff', citations: ['vejl2025-k12-p1'] }],
  'sel-124c': [{ from: VALID_FROM, value: 'staff', citations: ['vejl2025-k13-p1'] }],
  'sel-124d-stk1': [{ from: VALID_FROM, value: 'staff', citations: ['vejl2025-k14-p1'] }],
  'sel-124d-stk2': [{ from: VALID_FROM, value: 'staff', citations: ['vejl2025-k14-p1'] }],
  'sel-125': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-125-stk1'] }],
  'sel-128': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-128-stk1'] }],
  'sel-128a-stk3': [{ from: VALID_FROM, value: 'staff', citations: ['vejl2025-k17-p2'] }],
  'sel-128b-stk1': [{ from: VALID_FROM, value: 'board', citations: ['sel-128b-stk1'] }],
  'sel-128b-stk2': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-128b-stk2'] }],
  'sel-136e': [{ from: VALID_FROM, value: 'staff', citations: ['sel-136e-stk1'] }],
  'sel-136e-stk5': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-136e-stk5'] }],
  'sel-136e-stk5-camera': [{ from: VALID_FROM, value: 'board', citations: ['sel-136e-stk5', 'sel-128b-stk1'] }],
  'sel-128c': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-128c-stk1'] }],
  'sel-128d': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-128d-stk1'] }],
  'sel-128e': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-128e-stk1'] }],
  'sel-128f': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-128f-stk1'] }],
  'sel-128g': [{ from: VALID_FROM, value: 'board', citations: ['sel-128g-stk1'] }],
  'sel-128h': [{ from: VALID_FROM, value: 'board', citations: ['sel-128h-stk1'] }],
  'sel-129': [{ from: VALID_FROM, value: 'family_court', citations: ['sel-129-stk1'] }],
  'sel-129a': [{ from: VALID_FROM, value: 'family_court', citations: ['sel-129a'] }],
  'sel-136f-stk1': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-136f-stk1'] }],
  'sel-136f-stk3': [{ from: VALID_FROM, value: 'family_court', citations: ['sel-136f-stk3'] }],
  'sel-136a-stk1': [{ from: VALID_FROM, value: 'staff', citations: ['sel-136a-stk1'] }],
  'sel-136a-stk3': [{ from: VALID_FROM, value: 'municipality', citations: ['sel-136a-stk3'] }],
  'sel-136c': [{ from: VALID_FROM, value: 'staff', citations: ['sel-136c-stk1'] }],
  'sel-82': [{ from: VALID_FROM, value: 'staff', citations: ['vejl2025-k16-p4'] }],
  // Kap. 24 c: only at a meeting of kommunalbestyrelsen or the standing committee (§ 137 d, stk. 1; not delegable);
  // the administration's interim decision when urgent (§ 137 d, stk. 2-3).
  'sel-137d-stk1': [
    { from: VALID_FROM, value: 'municipal_council', citations: ['vejl2025-k29-p5', 'vejl2025-k29-p6'] },
  ],
  'sel-137d-stk2': [{ from: VALID_FROM, value: 'municipality', citations: ['vejl2025-k29-p5', 'vejl2025-k29-p8'] }],
  // Kap. 24 d: the handlekommune's kommunalbestyrelse (§ 137 f, stk. 1); the leader or stedfortræder when urgent
  // (§ 137 f, stk. 2-3); the driftsherre's general device ban (§ 137 g, stk. 4); scanners without decision (§ 137 h, stk. 2).
  'sel-137f-stk1': [{ from: VALID_FROM, value: 'municipality', citations: ['vejl2025-k30-p7', 'vejl2025-k30-p8'] }],
  'sel-137f-stk2': [{ from: VALID_FROM, value: 'leader', citations: ['vejl2025-k30-p7', 'vejl2025-k30-p8'] }],
  'sel-137g-stk4': [{ from: VALID_FROM, value: 'operator', citations: ['vejl2025-k32', 'vejl2025-k32-p1'] }],
  'sel-137h-stk2': [{ from: VALID_FROM, value: 'staff', citations: ['vejl2025-k32-p1', 'vejl2025-k32-p2'] }],
} satisfies Record<string, Period<DecidedBy>[]>;
export type DeciderKey = keyof typeof DECIDER;

/** The period in force on `asOf` (periods sorted ascending by `from`), or undefined before the first. */
export function periodAt<T>(periods: readonly Period<T>[], asOf: string): Period<T> | undefined {
  let found: Period<T> | undefined;
  for (const p of periods) if (p.from <= asOf) found = p;
  return found;
}
