/**
 * Session ids and CPR masking: stored state is CPR-masked at the store boundary, and a random UUID can hold ten
 * digits that read as a CPR number ("…-2803762394ce"). Such an id must neither be handed out nor break a
 * conversation stored under it (before the fix the next turn got 409 session_conflict, seen once in an eval run).
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { Conversation } from '../src/dialogue/index.ts';
import { containsCpr, cprSafeId } from '../src/privacy/cpr.ts';
import { getSearcher } from '../src/search/index.ts';
import { Store } from '../src/store/index.ts';

const CPR_SHAPED_UUID = '3749f068-5360-4570-bba7-2803762394ce';

describe('session ids and CPR masking', () => {
  it('hands out only ids the masking leaves alone', () => {
    expect(containsCpr(CPR_SHAPED_UUID)).toBe(true);
    for (let i = 0; i < 20_000; i++) expect(containsCpr(cprSafeId())).toBe(false);
  });

  it('continues a conversation stored under a CPR-shaped id, keeping its facts', async () => {
    const store = await Store.open(':memory:');
    const conversation = new Conversation({ corpus: loadCorpus(), retriever: await getSearcher(), store });
    expect(await store.sessions.create(CPR_SHAPED_UUID, { id: CPR_SHAPED_UUID, facts: {}, turns: [] })).toBe(true);
    const first = await conversation.handle({
      sessionId: CPR_SHAPED_UUID,
      message: 'Må vi holde hende fast, mens vi børster hendes tænder? Hun har demens.',
    });
    expect(first.sessionId).toBe(CPR_SHAPED_UUID);
    const second = await conversation.handle({ sessionId: CPR_SHAPED_UUID, message: 'Hun modsætter sig.' });
    expect(second.sessionId).toBe(CPR_SHAPED_UUID);
    const state = await conversation.session(CPR_SHAPED_UUID);
    expect(state?.facts).toMatchObject({ impairmentCause: 'dementia', consent: 'objects' });
    await store.close();
  });
});
