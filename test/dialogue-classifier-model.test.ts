import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('shipped dialogue classifier', () => {
  it('is the model a fresh `bank:train` on the bank produces (same bank, same bytes)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hjemmel-clf-')), 'classifier.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'evals/bank/train.ts', '--out', out], {
      cwd: root,
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(join(root, 'src', 'dialogue', 'model', 'classifier.json'), 'utf8'),
    );
  }, 120_000);
});
