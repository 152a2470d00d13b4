/** The evaluate CLI contract: --json prints one Verdict, --jsonl one Verdict or {"error": …} per line, in order. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function cli(args: string[], input: string) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'evaluate', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('evaluate CLI', () => {
  it('--json prints one verdict', () => {
    const r = cli(
      ['--json'],
      JSON.stringify({ measure: 'lock_own_home_exterior', facts: { consent: 'objects', setting: 'botilbud' } }),
    );
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({ measure: 'lock_own_home_exterior', provision: 'SEL § 128 c', decidedBy: 'municipality' });
  });

  it('--json with asOf before the rules period exits 2 with an error naming the period', () => {
    const r = cli(['--json'], JSON.stringify({ measure: 'restraint', asOf: '2023-06-01', facts: {} }));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('rules_period');
    expect(r.stderr).toMatch(/2025-01-01/);
  });

  it('--jsonl answers every line in order, an invalid line with {"error": …} in place', () => {
    const lines = [
      JSON.stringify({ measure: 'physical_guidance', facts: { documentedImpairment: true } }),
      '{ not json',
      JSON.stringify({ measure: 'no_such_measure', facts: {} }),
      JSON.stringify({ measure: 'relocation_danger_to_others', facts: { consent: 'objects' } }),
    ];
    const r = cli(['--jsonl'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(2);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].outcome).toBe('not_force');
    expect(out[1].error.code).toBe('invalid_json');
    expect(out[2].error.code).toBe('invalid_request');
    expect(out[3].outcome).toBe('requires_family_court_decision');
  });
});

describe('explain CLI', () => {
  const explain = (args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli/main.ts', 'explain', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('prints each condition with its formula and the cited unit text; unknown measure exits 2', () => {
    const r = explain(['welfare_technology', '--json']);
    expect(r.status).toBe(0);
    const e = JSON.parse(r.stdout);
    const ai = e.provisions[0].conditions.find((c: { id: string }) => c.id === 'ai-informed');
    expect(ai.formula).toBe('ikke usesAI eller vurderes af den, der træffer afgørelsen');
    expect(ai.cites[0]).toMatchObject({ unitId: 'bek1412-7' });
    expect(ai.cites[0].text.length).toBeGreaterThan(20);
    const bad = explain(['no_such_measure']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Ukendt');
  });
});
