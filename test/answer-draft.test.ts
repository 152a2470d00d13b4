/**
 * Draft status in the answer text: every quote from a draft source (the 2025 guidance is a hearing draft) is
 * marked "(udkast)", and an answer that rests mainly on drafts says so in one line (DRAFT_NOTE).
 */
import { describe, expect, it } from 'vitest';
import { ask, evidenceItems, offlineConversation } from '../evals/answers/sets.ts';
import { DRAFT_NOTE, restsOnDraft, retrievalAnswer } from '../src/answer/index.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import type { Unit } from '../src/corpus/types.ts';

const corpus = loadCorpus();
const hits = (...ids: string[]) => ids.map((id, i) => ({ id, score: 1 - i / 10 }));
const QUESTION = 'Hvor længe kan en tilladelse til stofseler gælde?';

/** The "> quote [n]" blocks of an answer with the label line under each. */
function quoteBlocks(answer: string): Array<{ quote: string; n: number; label: string }> {
  return [...answer.matchAll(/^> (.+)\[(\d+)\]\n> — (.+)$/gmu)].map((m) => ({
    quote: m[1]!,
    n: Number(m[2]),
    label: m[3]!,
  }));
}

describe('draft status in informational answers', () => {
  it('marks the summary and every quote from the draft guidance, and says the answer rests on it', () => {
    const a = retrievalAnswer(QUESTION, hits('vejl2025-k16-p5', 'vejl2025-k16-p2', 'sel-128-stk3'), corpus);
    const summaryUnit = corpus.unit(a.citations[0]!.unitId)!;
    expect(summaryUnit.status).toBe('udkast');
    expect(a.answer).toMatch(/^\*\*Kort fortalt:\*\* .+\[1\] \(udkast\)$/mu);
    const blocks = quoteBlocks(a.answer);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) {
      const c = a.citations.find((x) => x.n === b.n)!;
      const draft = corpus.unit(c.unitId)!.status === 'udkast';
      expect(b.label.endsWith('(udkast)'), b.label).toBe(draft);
    }
    expect(blocks.some((b) => b.label.endsWith('(udkast)'))).toBe(true);
    expect(a.answer).toContain(DRAFT_NOTE);
  });

  it('does not mark quotes from the law and the handbook, nor add the note', () => {
    const a = retrievalAnswer(
      QUESTION,
      hits('sel-128-stk3', 'sel-128-stk1', 'hb2025-128-anvendelse-af-stofseler'),
      corpus,
    );
    expect(a.citations.length).toBeGreaterThan(1);
    expect(a.answer).not.toContain('(udkast)');
    expect(a.answer).not.toContain(DRAFT_NOTE);
  });

  it('weighs the summary as two quotes when deciding what the answer rests on', () => {
    const draft = { status: 'udkast' } as Unit;
    const law = { status: 'gældende' } as Unit;
    expect(restsOnDraft([draft, law])).toBe(true);
    expect(restsOnDraft([draft, law, law])).toBe(false);
    expect(restsOnDraft([law, draft, draft])).toBe(false);
    expect(restsOnDraft([law, draft, draft, draft])).toBe(true);
  });

  it('marks every draft quote in the informational answers to the train and dev questions', async () => {
    const conversation = await offlineConversation(corpus);
    const items = evidenceItems().filter((i) => i.split !== 'test' && i.set.startsWith('retrieval/'));
    let drafts = 0;
    for (const { answers } of await ask(conversation, items)) {
      const r = answers.at(-1)!;
      if (r.route !== 'retrieval') continue;
      for (const b of quoteBlocks(r.answer)) {
        const c = r.citations.find((x) => x.n === b.n);
        expect(c, b.quote).toBeDefined();
        const draft = corpus.unit(c!.unitId)!.status === 'udkast';
        if (draft) drafts++;
        expect(b.label.endsWith('(udkast)'), b.label).toBe(draft);
      }
      const first = r.citations[0] && corpus.unit(r.citations[0].unitId);
      if (first?.status === 'udkast') expect(r.answer).toMatch(/^\*\*Kort fortalt:\*\*.*\(udkast\)$/mu);
    }
    expect(drafts).toBeGreaterThan(10);
  }, 300_000);
});
