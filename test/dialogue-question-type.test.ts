import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '../src/answer/direct.ts';
import {
  QUESTION_TYPE_MODEL_FILE,
  questionTypeModel,
  questionTypeOf,
  questionTypeScores,
} from '../src/dialogue/question-type.ts';

const root = join(import.meta.dirname, '..');
const bankText = ['train', 'dev']
  .map((s) => readFileSync(join(root, 'evals', 'bank', `${s}.jsonl`), 'utf8'))
  .join('\n');

describe('question kind head', () => {
  it('is the model a fresh training on the bank produces (same bank, same bytes)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hjemmel-qtype-')), 'question-type.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'evals/bank/train-question-type.ts', '--out', out], {
      cwd: root,
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(QUESTION_TYPE_MODEL_FILE, 'utf8'));
  }, 60_000);

  it('gives probabilities over the writers’ kinds and a threshold chosen on dev', () => {
    const m = questionTypeModel()!;
    expect(m.threshold).toBeGreaterThan(0);
    expect(m.threshold).toBeLessThan(1);
    const s = questionTypeScores('Hvornår skal vi registrere en fastholdelse?');
    expect(s.length).toBe(m.head.labels.length);
    expect(s.reduce((a, b) => a + b.p, 0)).toBeCloseTo(1, 5);
  });

  // Messages written for this test, not in the bank: the kinds staff ask most are recognised.
  it.each([
    ['Hvor lang tid har vi til at registrere, når vi har holdt en beboer fast?', 'registration_deadline'],
    ['Hvem kan klage over en afgørelse om stofsele, og hvor skal klagen sendes hen?', 'complaint'],
    ['Hvor mange måneder kan kommunen give tilladelse til en døralarm ad gangen?', 'max_duration'],
  ])('%s -> %s', (message, kind) => {
    expect(bankText.includes(message)).toBe(false);
    expect(questionTypeOf(message)?.type).toBe(kind);
  });

  it('does not give a kind that leads to a direct answer to a definition question or to small talk', () => {
    for (const m of ['Hvad betyder mindsteindgrebsprincippet?', 'Tak for hjælpen, hav en god aften']) {
      const kind = questionTypeOf(m)?.type;
      expect(kind === undefined || !(QUESTION_TYPES as readonly string[]).includes(kind)).toBe(true);
    }
  });
});
