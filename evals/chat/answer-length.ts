/**
 * Word counts of `answer` (and `summary`) over every reply in the chat eval sets (evals/chat/*.jsonl):
 * median and max, for all replies and for rule-evaluator replies. `npx tsx evals/chat/answer-length.ts [--json]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/index.ts';
import { Conversation } from '../../src/dialogue/index.ts';
import { getSearcher } from '../../src/search/index.ts';
import { Store } from '../../src/store/index.ts';

const dir = import.meta.dirname;
const conversations = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { turns: { message: string }[] }),
  );

const conversation = new Conversation({
  corpus: loadCorpus(),
  retriever: await getSearcher(),
  store: await Store.open(':memory:'),
});
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const markers = (s: string) => (s.match(/\[\d+\]/g) ?? []).length;
const all: number[] = [];
const verdict: number[] = [];
const cites: number[] = [];
const summaries: number[] = [];
for (const c of conversations) {
  let sessionId: string | undefined;
  for (const t of c.turns) {
    const r = await conversation.handle({ message: t.message, ...(sessionId ? { sessionId } : {}) });
    sessionId = r.sessionId;
    all.push(words(r.answer));
    if (process.env['SHOW_LONG'] && words(r.answer) > Number(process.env['SHOW_LONG']))
      console.error(`--- ${words(r.answer)}\n${r.answer}`);
    cites.push(markers(r.answer));
    if (r.verdict) verdict.push(words(r.answer));
    const s = (r as { summary?: string }).summary;
    if (s) summaries.push(s.length);
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : 0;
};
const stat = (xs: number[]) => ({ n: xs.length, median: median(xs), max: Math.max(0, ...xs) });
const result = {
  answerWords: stat(all),
  verdictAnswerWords: stat(verdict),
  citationMarkers: stat(cites),
  summaryChars: stat(summaries),
};
process.stdout.write(`${JSON.stringify(result, null, process.argv.includes('--json') ? 2 : undefined)}\n`);
