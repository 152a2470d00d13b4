import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { features, trainLogistic, trainNaiveBayes } from '../src/dialogue/classifier.ts';
import { Conversation } from '../src/dialogue/index.ts';
import { restoreDanishLetters } from '../src/dialogue/lexicon.ts';
import { rank } from '../src/dialogue/rank.ts';
import { isUnder18 } from '../src/dialogue/scope.ts';
import { getSearcher } from '../src/search/index.ts';
import { Store } from '../src/store/index.ts';

const bankLines = readFileSync(join(import.meta.dirname, '..', 'evals', 'bank', 'train.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .slice(0, 80)
  .map((l) => JSON.parse(l) as { turns: { message: string }[]; expect: { route: string } });
const examples = bankLines.map((l) => ({ text: l.turns[0]!.message, label: l.expect.route }));

describe('classifier training', () => {
  it('is deterministic: the same bank gives the same model, for both model kinds', () => {
    expect(JSON.stringify(trainNaiveBayes(examples))).toBe(JSON.stringify(trainNaiveBayes(examples)));
    expect(JSON.stringify(trainLogistic(examples, 5))).toBe(JSON.stringify(trainLogistic(examples, 5)));
  });
  it('shares features between æ/ø/å and aa/oe/ae spellings', () => {
    const a = new Set(features('låse døren'));
    const b = features('laase doeren');
    expect(b.every((f) => a.has(f))).toBe(true);
  });
});

describe('spelling and scope', () => {
  it('reads messages typed without æ/ø/å as Danish, leaving names and mixed text alone', () => {
    expect(restoreDanishLetters('maa vi laase doeren')).toBe('må vi låse døren');
    expect(restoreDanishLetters('Michael skal vaere paa plejehjem')).toBe('Michael skal være på plejehjem');
    expect(restoreDanishLetters('må vi laase')).toBe('må vi laase');
  });
  it('recognises persons under 18 but not durations or adult ages', () => {
    expect(isUnder18('Må vi holde en 13-årig dreng fast på børneinstitutionen?')).toBe(true);
    expect(isUnder18('She is 15 years old and lives in our unit')).toBe(true);
    expect(isUnder18('Hun har boet her i 3 år og har demens')).toBe(false);
    expect(isUnder18('Må vi holde Inger (89) fast?')).toBe(false);
  });
});

describe('ranked measure detection in the conversation', () => {
  it('never offers more than 4 options and answers a child case without a verdict', async () => {
    const conversation = new Conversation({
      corpus: loadCorpus(),
      retriever: await getSearcher(),
      store: await Store.open(':memory:'),
    });
    const vague = await conversation.handle({ message: 'Må vi gøre det ved hende igen i aften?' });
    if (vague.followUp) expect(vague.followUp.options.length).toBeLessThanOrEqual(4);
    const ranked = rank('Må vi gøre det ved hende igen i aften?');
    expect(ranked.measures.length).toBeGreaterThan(0);
    const child = await conversation.handle({
      message: 'Må vi holde en 13-årig fast på børneinstitutionen, når han slår?',
    });
    expect(child.route).toBe('out_of_scope');
    expect(child.verdict).toBeUndefined();
    expect(child.answer).toContain('voksne');
  });
  it('honours journal context for a message that names no act', async () => {
    const conversation = new Conversation({
      corpus: loadCorpus(),
      retriever: await getSearcher(),
      store: await Store.open(':memory:'),
    });
    const r = await conversation.handle({
      message: 'Hvad skal vi gøre nu?',
      context: { measure: 'restraint', facts: { consent: 'objects' } },
    });
    expect(r.route).toBe('rule_evaluator');
    expect(r.verdict?.measure).toBe('restraint');
  });
});
