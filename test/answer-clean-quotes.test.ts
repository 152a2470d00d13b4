/**
 * Every quote of every eval answer is clean: asked through the offline product (the Conversation behind
 * `cli ask`), no citation quote and no informational summary carries a placeholder, quotes only a heading,
 * is empty, is cut mid-sentence or holds a word that neither the Danish dictionary nor the clean sources know.
 * Test-split questions are asked too, but a failure names only the quote and its unit, never the question.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Asked, ask, chatItems, evidenceItems, offlineConversation } from '../evals/answers/sets.ts';
import { quoteProblems, unknownWords } from '../src/answer/clean.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import type { Unit } from '../src/corpus/types.ts';

const corpus = loadCorpus();
const unit = (id: string) => corpus.unit(id)!;

describe('quoteProblems', () => {
  // A real unit with a long text, so cut quotes can be made from it.
  const long: Unit = corpus.units.find((u) => u.text.length > 600 && /\. \p{Lu}/u.test(u.text) && !u.childIds.length)!;
  const first = long.text.slice(0, long.text.indexOf('. ') + 1);

  it('accepts a whole sentence of its unit', () => {
    expect(quoteProblems(first, long)).toEqual([]);
  });

  it('finds a quote cut at its end or its start', () => {
    const cut = first.slice(0, first.lastIndexOf(' '));
    expect(quoteProblems(cut, long).map((p) => p.kind)).toContain('cut_end');
    const mid = first.slice(first.indexOf(' ') + 1);
    expect(quoteProblems(mid, long).map((p) => p.kind)).toContain('cut_start');
  });

  it('finds placeholders, empty quotes, heading-only citations and unknown words', () => {
    expect(quoteProblems('Se pkt. x-x om registrering.', undefined).map((p) => p.kind)).toEqual(['placeholder']);
    expect(quoteProblems('§21.[..]', undefined).map((p) => p.kind)).toContain('placeholder');
    expect(quoteProblems('  ', undefined).map((p) => p.kind)).toEqual(['empty']);
    const heading = corpus.units.find(
      (u) => u.text.trim().length > 0 && u.text.length < 160 && !/[.!?:;]/.test(u.text),
    )!;
    expect(quoteProblems(heading.text, heading).map((p) => p.kind)).toContain('heading_only');
    expect(unknownWords('Den afthangige hjlpen blev givet.')).toEqual(['afthangige', 'hjlpen']);
    expect(unknownWords('Se https://www.sbst.dk/tvaergaendeomrader/magtanvendelse om reglerne.')).toEqual([]);
  });

  it('finds a quote that is not verbatim in its unit', () => {
    const u = unit('sel-128-stk1');
    expect(quoteProblems('Kommunalbestyrelsen kan aldrig tillade stofseler.', u).map((p) => p.kind)).toContain(
      'not_verbatim',
    );
  });
});

describe('every quote of every eval answer is clean', () => {
  let asked: Asked[] = [];
  beforeAll(async () => {
    const conversation = await offlineConversation(corpus);
    asked = await ask(conversation, [...evidenceItems(), ...chatItems()]);
  }, 600_000);

  it('asks every eval question', () => {
    expect(asked.length).toBeGreaterThan(2000);
    const informational = asked.filter((a) => a.answers.some((r) => r.route === 'retrieval')).length;
    expect(informational).toBeGreaterThan(300);
  });

  it('has no damaged quote in any citation or informational summary', () => {
    const damaged = new Map<string, number>();
    let quotes = 0;
    for (const { answers } of asked) {
      for (const r of answers) {
        const shown = r.citations.map((c) => ({ quote: c.quote, unitId: c.unitId }));
        if (r.route === 'retrieval' && r.summary) {
          // The informational summary is a quote too: verbatim from the unit of its first citation.
          const home = r.citations.find((c) => corpus.unit(c.unitId)?.text.includes(r.summary!));
          shown.push({ quote: r.summary, unitId: home?.unitId ?? r.citations[0]?.unitId ?? '' });
        }
        for (const s of shown) {
          quotes++;
          for (const p of quoteProblems(s.quote, corpus.unit(s.unitId))) {
            const key = `${p.kind} in ${s.unitId}${p.detail ? ` (${p.detail})` : ''}: ${s.quote.slice(0, 120)}`;
            damaged.set(key, (damaged.get(key) ?? 0) + 1);
          }
        }
      }
    }
    expect(quotes).toBeGreaterThan(10_000);
    expect([...damaged.keys()].slice(0, 20)).toEqual([]);
  });
});
