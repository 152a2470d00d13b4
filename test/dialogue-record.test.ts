import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { Conversation, type TurnRecord } from '../src/dialogue/index.ts';
import { getSearcher } from '../src/search/index.ts';
import { Store } from '../src/store/index.ts';

describe('decision record made by the conversation service', () => {
  it('hands every answered turn to onRecord with its record id, masked question, facts and verdict', async () => {
    const records: TurnRecord[] = [];
    const store = await Store.open(':memory:');
    const conversation = new Conversation({
      corpus: loadCorpus(),
      retriever: await getSearcher(),
      store,
      onRecord: (r) => {
        records.push(r);
      },
    });
    const caller = { owner: 'key:k1', tokenId: null };
    const first = await conversation.handle(
      { message: 'Må vi holde Lone (010286-6036) fast, når hun slår?', context: { facts: { consent: 'objects' } } },
      caller,
    );
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r.recordId).toBe(first.recordId);
    expect(r.sessionId).toBe(first.sessionId);
    expect(r.caller).toEqual(caller);
    expect(r.question).not.toContain('010286-6036');
    expect(r.facts).toMatchObject({ consent: 'objects' });
    expect(r.verdict?.measure ?? null).toBe(first.verdict?.measure ?? null);
    expect(r.citations).toEqual(first.citations);

    const second = await conversation.handle({ sessionId: first.sessionId, message: 'Hvad er reglerne?' }, caller);
    expect(records).toHaveLength(2);
    expect(records[1]!.recordId).toBe(second.recordId);
    expect(records[1]!.recordId).not.toBe(first.recordId);
  });
});
