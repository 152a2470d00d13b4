/** Runs every rule test case of test/rules/cases/*.json (OpenFisca-style tests as data). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type Verdict } from '../../src/rules/index.ts';

interface Case {
  name: string;
  source: string;
  sourceUnits?: string[];
  request: { measure: string; asOf?: string; facts: Record<string, unknown> };
  expect: Record<string, unknown>;
}

const DIR = join(import.meta.dirname, 'cases');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** A Verdict field; a dotted key ("decisionUse.allowed") reads a nested one (null when absent). */
function actual(v: Verdict, key: string): unknown {
  if (key === 'registrationRegime') return v.registration?.regime ?? null;
  let x: unknown = v;
  for (const part of key.split('.')) x = x && typeof x === 'object' ? (x as Record<string, unknown>)[part] : undefined;
  return x ?? null;
}

describe('rule cases', () => {
  it('has case files', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const cases = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Case[];
    describe(file, () => {
      for (const c of cases) {
        it(c.name, () => {
          const v = evaluate(c.request);
          const got: Record<string, unknown> = {};
          for (const key of Object.keys(c.expect)) got[key] = actual(v, key);
          expect(got, `${c.source}`).toEqual(c.expect);
        });
      }
    });
  }
});
