import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const env = { ...process.env, HJEMMEL_DB: join(mkdtempSync(join(tmpdir(), 'hjemmel-cli-')), 'cli.sqlite') };

function ask(args: string[], input?: string) {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', 'ask', ...args], { encoding: 'utf8', env, input });
}

describe('ask CLI contract', () => {
  it('prints the /api/v1/chat JSON for a new session and continues it with --session', () => {
    const first = JSON.parse(
      execFileSync(
        'npx',
        ['tsx', 'src/cli/main.ts', 'ask', 'Må vi holde hende fast under tandbørstning? Hun nægter.', '--json'],
        {
          encoding: 'utf8',
          env,
        },
      ),
    );
    expect(first.route).toBe('rule_evaluator');
    expect(first.followUp.fact).toBe('impairmentCause');
    const second = ask(['Hun har demens', '--session', first.sessionId, '--json']);
    expect(second.status).toBe(0);
    const body = JSON.parse(second.stdout);
    expect(body.sessionId).toBe(first.sessionId);
    expect(body.verdict.provision).toBe('SEL § 136 c');
  });

  it('answers one JSON line per input line with --jsonl, errors in place', () => {
    const r = ask(['--jsonl'], '{"message": "Hvad bliver vejret i morgen?"}\n{"message": ""}\nikke json\n');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].route).toBe('out_of_scope');
    expect(lines[1].error.code).toBe('invalid_request');
    expect(lines[2].error.code).toBe('invalid_json');
  });

  it('exits non-zero with a JSON error for an unknown session', () => {
    const r = ask(['Må vi låse døren?', '--session', 'findes-ikke', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('unknown_session');
  });
});
