/** Dated parameters in YAML: validated at start, the period in force on asOf is used, sentences render from them. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/index.ts';
import { loadParameters, PARAMETERS, param, renderText, today } from '../../src/rules/params.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PARAM_DIR = join(ROOT, 'src/rules/parameters');

function copyParams(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hjemmel-params-'));
  cpSync(PARAM_DIR, dir, { recursive: true });
  return dir;
}

const nightLock = {
  measure: 'night_lock_in',
  facts: {
    placedByCriminalJudgment: true,
    boform: '108',
    onLeave: false,
    hours: 9,
    withinNightWindow: true,
    nightLockConditionsMet: true,
    lessIntrusiveTried: true,
  },
};

describe('parameters', () => {
  it('are read from YAML with units per period, and render the numbers in Danish sentences', () => {
    expect(PARAMETERS.durations['night_lock_max_hours']![0]).toMatchObject({
      value: 8,
      citations: ['vejl2025-k31-p3', 'vejl2025-k31-p4'],
    });
    expect(param('night_window_start_hour', today())).toBe(21);
    expect(renderText('kl. {night_window_start_hour:clock}-{night_window_end_hour:clock}', '2025-06-01')).toBe(
      'kl. 21.00-8.00',
    );
    const v = evaluate({ ...nightLock, asOf: '2025-06-01' });
    expect(v.outcome).toBe('not_permitted');
    expect(v.reasons.map((r) => r.text).join(' ')).toContain('højst låses inde i sin bolig i 8 timer');
    expect(JSON.stringify(v)).not.toMatch(/\{\w+(:clock)?\}/);
  });

  it('asOf defaults to today', () => {
    const v = evaluate({ measure: 'night_lock_in', facts: {} });
    expect(v.validFrom).toBe('2025-01-01');
    // The default equals an explicit asOf of today (the period in force now).
    expect(v).toEqual(evaluate({ measure: 'night_lock_in', facts: {}, asOf: today() }));
  });

  it('reject a bad file with an error naming it', () => {
    const dir = copyParams();
    const file = join(dir, 'durations.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 8\n', 'value: -8\n'));
    expect(() => loadParameters(dir)).toThrow(/durations\.yaml/);
    const unsorted = copyParams();
    writeFileSync(
      join(unsorted, 'durations.yaml'),
      `${readFileSync(join(unsorted, 'durations.yaml'), 'utf8')}\nextra:\n  - { from: 2030-01-01, value: 1, units: [x] }\n  - { from: 2029-01-01, value: 2, units: [x] }\n`,
    );
    expect(() => loadParameters(unsorted)).toThrow(/sorted/);
  });

  it('a fictitious future period changes the answer from its date on (night lock up to 10 hours from 2031-01-01)', () => {
    const dir = copyParams();
    const file = join(dir, 'durations.yaml');
    const yaml = readFileSync(file, 'utf8').replace(
      /(night_lock_max_hours:\n(?: {2}- .*\n(?: {4}.*\n)*)+)/,
      '$1  - from: 2031-01-01\n    value: 10\n    units: [vejl2025-k31-p3]\n',
    );
    expect(yaml).toContain('2031-01-01');
    writeFileSync(file, yaml);
    expect(loadParameters(dir).durations['night_lock_max_hours']!.map((p) => p.value)).toEqual([8, 10]);
    const lines = ['2030-12-31', '2031-01-01'].map((asOf) => JSON.stringify({ ...nightLock, asOf })).join('\n');
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'evaluate', '--jsonl'], {
      cwd: ROOT,
      input: `${lines}\n`,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, HJEMMEL_PARAMETERS_DIR: dir },
    });
    expect(r.status, r.stderr).toBe(0);
    const [before, after] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(before.outcome).toBe('not_permitted');
    expect(before.reasons.map((x: { text: string }) => x.text).join(' ')).toContain('i 8 timer');
    expect(after.outcome).toBe('requires_municipal_decision');
    const maxHours = after.conditions.find((c: { id: string }) => c.id === 'max-8-hours');
    expect(maxHours).toMatchObject({ status: 'met', text: 'Aflåsningen varer højst 10 timer.' });
  });
});
