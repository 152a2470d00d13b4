/**
 * Dated parameters (OpenFisca style), read from src/rules/parameters/*.yaml at start and validated with zod:
 * every value that changes with the law is a list of periods (`from` date, `value`, the corpus `units` that
 * state it). The next amendment is a data change: add a period with its `from` date. The period in force on
 * `asOf` is the one used, and every number in a Danish sentence of the rules is rendered from here
 * (`{name}` placeholders, see `renderText`). HJEMMEL_PARAMETERS_DIR points at another folder (used by tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { sourceDir } from '../runtime/index.ts';
import { DECIDERS, type DecidedBy } from './schema.ts';

/** 2025.2.0: kap. 24 c and 24 d added (issue 9). 2025.2.1: kap. 24 d asks for the target group before naming an authority. 2025.2.2: § 124 d, stk. 2 restraint must be brief (hours = fiksering). 2025.3.0: parameters as dated YAML; § 137 j, stk. 3 itemised. 2025.3.1: § 124 d, stk. 2 reads holdMinutes (hours accepted) and dangerToOthers. 2025.4.0: decisionExists/decisionDate give Verdict.decisionUse (§ 128, stk. 2 at use; expiry). */
export const RULES_VERSION = '2025.4.0';
/** First day the rules in this module set cover (lov nr. 680 af 11.6.2024, in force 1.1.2025). */
export const VALID_FROM = '2025-01-01';

export interface Period<T> {
  from: string;
  value: T;
  citations: string[];
}

const PeriodsSchema = <T extends z.ZodType>(value: T) =>
  z
    .array(z.strictObject({ from: z.iso.date(), value, units: z.array(z.string().min(1)).min(1) }))
    .min(1)
    .refine(
      (ps) => ps.every((p, i) => i === 0 || ps[i - 1]!.from < p.from),
      'periods must be sorted by from, no repeats',
    )
    .refine((ps) => ps[0]!.from <= VALID_FROM, `the first period must start on or before ${VALID_FROM}`);

const FILES = {
  'max-duration-months': z.record(z.string(), PeriodsSchema(z.number().int().positive().nullable())),
  decider: z.record(z.string(), PeriodsSchema(z.enum(DECIDERS))),
  durations: z.record(z.string(), PeriodsSchema(z.number().positive())),
} as const;

export interface Parameters {
  maxDurationMonths: Record<string, Period<number | null>[]>;
  decider: Record<string, Period<DecidedBy>[]>;
  durations: Record<string, Period<number>[]>;
}

const DEFAULT_DIR = join(sourceDir(import.meta.dirname), 'parameters');

/** Reads and validates every parameter file of `dir`; throws a clear error naming the file. */
export function loadParameters(dir = DEFAULT_DIR): Parameters {
  const known = new Set(Object.keys(FILES));
  const extra = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !known.has(f.slice(0, -5)));
  if (extra.length) throw new Error(`Ukendt parameterfil / unknown parameter file in ${dir}: ${extra.join(', ')}`);
  const read = <K extends keyof typeof FILES>(name: K) => {
    const file = join(dir, `${name}.yaml`);
    const result = FILES[name].safeParse(parse(readFileSync(file, 'utf8')));
    if (!result.success) {
      const i = result.error.issues[0];
      throw new Error(`Ugyldig parameterfil / invalid parameter file ${file}: ${i?.path.join('.')}: ${i?.message}`);
    }
    return Object.fromEntries(
      Object.entries(result.data).map(([k, ps]) => [
        k,
        (ps as { from: string; value: unknown; units: string[] }[]).map((p) => ({
          from: p.from,
          value: p.value,
          citations: p.units,
        })),
      ]),
    );
  };
  return {
    maxDurationMonths: read('max-duration-months') as Parameters['maxDurationMonths'],
    decider: read('decider') as Parameters['decider'],
    durations: read('durations') as Parameters['durations'],
  };
}

export const PARAMETERS: Parameters = loadParameters(process.env['HJEMMEL_PARAMETERS_DIR'] || DEFAULT_DIR);

/** Maximum duration in months of a decision (null: the law sets no limit or allows an unlimited decision). */
export const MAX_DURATION_MONTHS = PARAMETERS.maxDurationMonths;
export type DurationKey = string;

/** Who decides, per provision variant. */
export const DECIDER = PARAMETERS.decider;
export type DeciderKey = string;

/** The period in force on `asOf` (periods sorted ascending by `from`), or undefined before the first. */
export function periodAt<T>(periods: readonly Period<T>[], asOf: string): Period<T> | undefined {
  let found: Period<T> | undefined;
  for (const p of periods) if (p.from <= asOf) found = p;
  return found;
}

/** A number of durations.yaml in force on `asOf`. */
export function param(name: string, asOf: string): number {
  const periods = PARAMETERS.durations[name];
  const p = periods ? periodAt(periods, asOf) : undefined;
  if (!p) throw new Error(`Ukendt parameter / unknown parameter: ${name} (${asOf})`);
  return p.value;
}

/** The units stating a parameter on `asOf`. */
export function paramCitations(name: string, asOf: string): string[] {
  const periods = PARAMETERS.durations[name];
  return [...((periods && periodAt(periods, asOf)?.citations) ?? [])];
}

const danishNumber = (n: number): string => String(n).replace('.', ',');

/** Renders `{name}` placeholders with the values in force on `asOf` (`{name:clock}` as "21.00"). */
export function renderText(text: string, asOf: string): string {
  return text.replace(/\{(\w+)(?::(clock))?\}/g, (_m, name: string, fmt?: string) => {
    const v = param(name, asOf);
    return fmt === 'clock' ? `${v}.00` : danishNumber(v);
  });
}

/** Today's date (UTC, YYYY-MM-DD): the default asOf. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
