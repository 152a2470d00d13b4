/**
 * The predicate vocabulary of the rule tables: a condition's test is a small tree of plain data objects, not a
 * closure, so a lawyer can read it next to the cited text (`cli explain <measure>`, /kilder/regler), and the facts
 * a condition depends on are derived from it instead of declared beside it.
 *
 * Evaluation is three-valued (Kleene): true = met, false = unmet, undefined = unknown (a fact is missing or the
 * authority must judge). `all` is false as soon as one part is false, true only when every part is true; `any` is
 * true as soon as one part is true, false only when every part is false.
 */
import type { FactName, Facts } from './schema.ts';

export type Scalar = string | number | boolean;

/** A bound: a number, or a dated parameter of src/rules/parameters/durations.yaml (resolved for asOf). */
export type Bound = number | { param: string };

export type Predicate =
  /** The fact has this value (`is('consent', 'objects')`; `holds(f)` = is(f, true); `not(f)` = is(f, false)). */
  | { op: 'is'; fact: FactName; value: Scalar }
  /** The fact is known and has another value. */
  | { op: 'isNot'; fact: FactName; value: Scalar }
  /** The fact has one of these values. */
  | { op: 'oneOf'; fact: FactName; values: Scalar[] }
  /** Numeric comparisons of a known fact with a bound. */
  | { op: 'atLeast' | 'atMost' | 'below'; fact: FactName; value: Bound }
  | { op: 'all'; of: Predicate[] }
  | { op: 'any'; of: Predicate[] }
  /** `p`, but `whenUnknown` instead of unknown: the facts inside are never asked for. */
  | { op: 'orElse'; p: Predicate; whenUnknown: boolean }
  /** `p` when it is known, else `otherwise` (a summary fact standing in for the items it summarises). */
  | { op: 'fallback'; p: Predicate; otherwise: Predicate }
  /**
   * `p` when it is known, else `alt`: an older or coarser fact accepted in its place (API callers may send it, the
   * extraction may find it), but never asked for — the question is `p`'s.
   */
  | { op: 'orAccept'; p: Predicate; alt: Predicate }
  /** Only the deciding authority can judge it: always unknown. */
  | { op: 'judged' };

export const is = (fact: FactName, value: Scalar): Predicate => ({ op: 'is', fact, value });
export const isNot = (fact: FactName, value: Scalar): Predicate => ({ op: 'isNot', fact, value });
export const holds = (fact: FactName): Predicate => is(fact, true);
export const not = (fact: FactName): Predicate => is(fact, false);
export const oneOf = (fact: FactName, values: Scalar[]): Predicate => ({ op: 'oneOf', fact, values });
export const atLeast = (fact: FactName, value: Bound): Predicate => ({ op: 'atLeast', fact, value });
export const atMost = (fact: FactName, value: Bound): Predicate => ({ op: 'atMost', fact, value });
export const below = (fact: FactName, value: Bound): Predicate => ({ op: 'below', fact, value });
/** A bound read from the dated parameters (`atMost('hours', parameter('night_lock_max_hours'))`). */
export const parameter = (param: string): Bound => ({ param });
export const all = (...of: Predicate[]): Predicate => ({ op: 'all', of });
export const any = (...of: Predicate[]): Predicate => ({ op: 'any', of });
export const orElse = (p: Predicate, whenUnknown: boolean): Predicate => ({ op: 'orElse', p, whenUnknown });
export const fallback = (p: Predicate, otherwise: Predicate): Predicate => ({ op: 'fallback', p, otherwise });
export const orAccept = (p: Predicate, alt: Predicate): Predicate => ({ op: 'orAccept', p, alt });
export const judged = (): Predicate => ({ op: 'judged' });

export type ParamResolver = (name: string) => number;

const noParams: ParamResolver = (name) => {
  throw new Error(`Parameter ${name} needs a date (asOf) to resolve`);
};

/** Three-valued evaluation against the facts; `params` resolves parameter bounds for the evaluation date. */
export function test(p: Predicate, f: Facts, params: ParamResolver = noParams): boolean | undefined {
  const bound = (b: Bound): number => (typeof b === 'number' ? b : params(b.param));
  switch (p.op) {
    case 'all': {
      let unknown = false;
      for (const q of p.of) {
        const r = test(q, f, params);
        if (r === false) return false;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case 'any': {
      let unknown = false;
      for (const q of p.of) {
        const r = test(q, f, params);
        if (r === true) return true;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case 'orElse':
      return test(p.p, f, params) ?? p.whenUnknown;
    case 'fallback':
      return test(p.p, f, params) ?? test(p.otherwise, f, params);
    case 'orAccept':
      return test(p.p, f, params) ?? test(p.alt, f, params);
    case 'judged':
      return undefined;
    default: {
      const v = f[p.fact] as Scalar | undefined;
      if (v === undefined) return undefined;
      switch (p.op) {
        case 'is':
          return v === p.value;
        case 'isNot':
          return v !== p.value;
        case 'oneOf':
          return p.values.includes(v);
        case 'atLeast':
          return typeof v === 'number' && v >= bound(p.value);
        case 'atMost':
          return typeof v === 'number' && v <= bound(p.value);
        case 'below':
          return typeof v === 'number' && v < bound(p.value);
      }
    }
  }
}

/**
 * The facts whose absence can leave the predicate unknown, in order of appearance (asked for when missing).
 * For `fallback` the summary fact comes first: one question can settle all the items it stands in for.
 * With `{ accepted: true }` also the facts accepted in place of another (`orAccept`), never asked for: every fact
 * the condition depends on, as a form lists them.
 */
export function factsOf(p: Predicate | undefined, opts: { accepted?: boolean } = {}): FactName[] {
  const out: FactName[] = [];
  const walk = (q: Predicate): void => {
    if (q.op === 'all' || q.op === 'any') q.of.forEach(walk);
    else if (q.op === 'fallback') {
      walk(q.otherwise);
      walk(q.p);
    } else if (q.op === 'orAccept') {
      walk(q.p);
      if (opts.accepted) walk(q.alt);
    } else if (q.op === 'orElse' || q.op === 'judged') return;
    else if (!out.includes(q.fact)) out.push(q.fact);
  };
  if (p) walk(p);
  return out;
}

/**
 * The one fact a form places a condition beside: the first fact it reads, except that a `fallback` row of a single
 * fact is placed beside that fact (a numbered item), and a `fallback` over several facts beside its summary fact.
 */
export function primaryFact(p: Predicate | undefined): FactName | undefined {
  if (p?.op === 'fallback') {
    const own = factsOf(p.p);
    return own.length === 1 ? own[0] : primaryFact(p.otherwise);
  }
  return factsOf(p)[0];
}

const showBound = (b: Bound): string => (typeof b === 'number' ? String(b) : `{${b.param}}`);

const show = (v: Scalar): string => (typeof v === 'string' ? `"${v}"` : String(v));

/** The predicate as a lawyer-readable formula (fact names as in the API), e.g. `consent ≠ "given" og …`. */
export function describe(p: Predicate | undefined): string {
  if (!p) return 'vurderes af den, der træffer afgørelsen';
  switch (p.op) {
    case 'is':
      return p.value === true ? p.fact : p.value === false ? `ikke ${p.fact}` : `${p.fact} = ${show(p.value)}`;
    case 'isNot':
      return `${p.fact} ≠ ${show(p.value)}`;
    case 'oneOf':
      return `${p.fact} ∈ {${p.values.map(show).join(', ')}}`;
    case 'atLeast':
      return `${p.fact} ≥ ${showBound(p.value)}`;
    case 'atMost':
      return `${p.fact} ≤ ${showBound(p.value)}`;
    case 'below':
      return `${p.fact} < ${showBound(p.value)}`;
    case 'all':
      return p.of.map((q) => (q.op === 'any' ? `(${describe(q)})` : describe(q))).join(' og ');
    case 'any':
      return p.of.map((q) => (q.op === 'all' ? `(${describe(q)})` : describe(q))).join(' eller ');
    case 'orElse':
      return `${describe(p.p)} (ukendt: ${p.whenUnknown ? 'opfyldt' : 'ikke opfyldt'})`;
    case 'fallback':
      return `${describe(p.p)} (ukendt: ${describe(p.otherwise)})`;
    case 'orAccept':
      return `${describe(p.p)} (eller: ${describe(p.alt)})`;
    case 'judged':
      return 'vurderes af den, der træffer afgørelsen';
  }
}
