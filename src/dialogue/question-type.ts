/**
 * The kind of an informational question ("hvornår skal det registreres?", "hvem kan klage?", "hvor længe gælder
 * afgørelsen?" …), from a supervised head trained on the labelled bank (the writers' `questionType` on
 * informational lines) with the same features as the route and measure heads (classifier.ts). The answer layer
 * gives a direct answer from the rules' data for the kinds it knows (src/answer/direct.ts) only when this head is
 * confident; otherwise the answer is extractive. Trained by `npm run bank:train` (evals/bank/train-question-type.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from '../runtime/index.ts';
import { features, type HeadModel, predict, type Scored } from './classifier.ts';

export const QUESTION_TYPE_MODEL_FILE = join(sourceDir(import.meta.dirname), 'model', 'question-type.json');

export interface QuestionTypeModel {
  version: 1;
  trainedOn: { examples: number; sha1: string };
  /** Accept the top kind only at this probability or above (chosen on dev for precision). */
  threshold: number;
  head: HeadModel;
}

let loaded: QuestionTypeModel | null | undefined;

export function questionTypeModel(): QuestionTypeModel | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(QUESTION_TYPE_MODEL_FILE)
    ? (JSON.parse(readFileSync(QUESTION_TYPE_MODEL_FILE, 'utf8')) as QuestionTypeModel)
    : null;
  return loaded;
}

/** All kinds with their probabilities, best first (empty without a model). */
export function questionTypeScores(message: string): Scored[] {
  const m = questionTypeModel();
  return m ? predict(m.head, features(message)) : [];
}

/** The question's kind when the head is confident (at or above the model's threshold), else undefined. */
export function questionTypeOf(message: string): { type: string; p: number } | undefined {
  const m = questionTypeModel();
  const top = questionTypeScores(message)[0];
  return m && top && top.p >= m.threshold ? { type: top.label, p: top.p } : undefined;
}
