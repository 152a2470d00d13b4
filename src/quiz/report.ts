/**
 * `npx tsx src/quiz/report.ts [--every N]`: the quiz bank per measure and outcome, and the feedback's size
 * for every wrong option of every served question (words of whyWrong + rightAnswer + summary, citations).
 * With --every N, every N-th feedback is printed for review.
 */

import { loadCorpus } from '../corpus/index.ts';
import { evaluate } from '../rules/index.ts';
import { requestOf, servedScenarios } from './bank.ts';
import { explain, wordCount } from './explain.ts';
import { questionsFor } from './questions.ts';

const corpus = loadCorpus();
const i = process.argv.indexOf('--every');
const every = i >= 0 ? Number(process.argv[i + 1]) : 0;

const bank = new Map<string, Map<string, number>>();
for (const s of servedScenarios()) {
  const outcome = evaluate(requestOf(s)).outcome;
  const m = bank.get(s.request.measure) ?? new Map<string, number>();
  m.set(outcome, (m.get(outcome) ?? 0) + 1);
  bank.set(s.request.measure, m);
}
console.log('| measure | scenarios | outcomes |\n|---|---|---|');
for (const [measure, m] of [...bank].sort()) {
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  const outcomes = [...m].map(([o, n]) => `${o} ${n}`).join(', ');
  console.log(`| ${measure} | ${total} | ${outcomes} |`);
}

const words: number[] = [];
const cites: number[] = [];
for (const s of servedScenarios())
  for (const q of questionsFor(s))
    for (const o of q.options) {
      if (o.id === q.correctOptionId) continue;
      const { explanation: e, citations } = explain(q, s, corpus, o.id);
      const w = wordCount(e.whyWrong ?? '') + wordCount(e.rightAnswer) + wordCount(e.summary);
      words.push(w);
      cites.push(citations.length);
      if (every && words.length % every === 0)
        console.log(`\n${q.id} (chose ${o.id}, ${w} words)\n  ${e.whyWrong}\n  ${e.rightAnswer}\n  ${e.summary}`);
    }
const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
const median = (a: number[]) => sorted(a)[Math.floor(a.length / 2)];
console.log(
  `\nscenarios ${servedScenarios().length}; wrong-answer feedbacks ${words.length}: words median ${median(words)}, max ${Math.max(...words)}; citations median ${median(cites)}, max ${Math.max(...cites)}, none ${cites.filter((c) => c === 0).length}`,
);
