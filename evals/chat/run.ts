/**
 * `npm run eval:chat [-- --json] [-- --verbose] [-- --split train,dev,test]`: runs every conversation in
 * evals/chat/*.jsonl through the offline conversation (same code as /api/v1/chat) and prints routing, measure and
 * outcome accuracy and citation validity (share of quotes found verbatim in their unit; must be 100 %).
 * Then the labelled bank (evals/bank/{train,dev,test}.jsonl), each split reported separately (see bank.ts).
 * Failures are listed for the project's own sets and for train/dev only: the test split prints aggregates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/index.ts';
import { Conversation } from '../../src/dialogue/index.ts';
import { getSearcher } from '../../src/search/index.ts';
import { Store } from '../../src/store/index.ts';
import { formatBankReport, loadSplit, runBank, SPLITS } from '../bank/bank.ts';

interface EvalConversation {
  id: string;
  turns: Array<{ message: string }>;
  expect: { route: string; measure?: string; outcome?: string; facts?: Record<string, unknown> };
}

const dir = import.meta.dirname;
const json = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');

const conversations: EvalConversation[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as EvalConversation),
  );

const corpus = loadCorpus();
const conversation = new Conversation({ corpus, retriever: await getSearcher(), store: await Store.open(':memory:') });

let routeOk = 0;
let measureN = 0;
let measureOk = 0;
let outcomeN = 0;
let outcomeOk = 0;
let factsN = 0;
let factsOk = 0;
let quotes = 0;
let quotesOk = 0;
const failures: string[] = [];

for (const c of conversations) {
  let sessionId: string | undefined;
  let last: Awaited<ReturnType<Conversation['handle']>> | undefined;
  for (const t of c.turns) {
    last = await conversation.handle({ message: t.message, ...(sessionId ? { sessionId } : {}) });
    sessionId = last.sessionId;
    for (const cit of last.citations) {
      quotes++;
      if (corpus.unit(cit.unitId)?.text.includes(cit.quote)) quotesOk++;
      else failures.push(`${c.id}: quote not verbatim in ${cit.unitId}`);
    }
  }
  if (!last) continue;
  const problems: string[] = [];
  if (last.route === c.expect.route) routeOk++;
  else problems.push(`route ${last.route} ≠ ${c.expect.route}`);
  if (c.expect.measure) {
    measureN++;
    if (last.verdict?.measure === c.expect.measure) measureOk++;
    else problems.push(`measure ${last.verdict?.measure} ≠ ${c.expect.measure}`);
  }
  if (c.expect.outcome) {
    outcomeN++;
    if (last.verdict?.outcome === c.expect.outcome) outcomeOk++;
    else problems.push(`outcome ${last.verdict?.outcome} ≠ ${c.expect.outcome}`);
  }
  if (c.expect.facts) {
    const state = await conversation.session(last.sessionId);
    for (const [k, v] of Object.entries(c.expect.facts)) {
      factsN++;
      if ((state?.facts as Record<string, unknown> | undefined)?.[k] === v) factsOk++;
      else
        problems.push(
          `fact ${k}=${JSON.stringify((state?.facts as Record<string, unknown>)?.[k])} ≠ ${JSON.stringify(v)}`,
        );
    }
  }
  if (problems.length) failures.push(`${c.id}: ${problems.join('; ')}`);
}

const pct = (a: number, b: number) => (b ? a / b : 1);
const result = {
  conversations: conversations.length,
  multiTurn: conversations.filter((c) => c.turns.length > 1).length,
  routingAccuracy: pct(routeOk, conversations.length),
  measureAccuracy: pct(measureOk, measureN),
  outcomeAccuracy: pct(outcomeOk, outcomeN),
  factAccuracy: pct(factsOk, factsN),
  citationValidity: pct(quotesOk, quotes),
  counts: { routeOk, measureOk, measureN, outcomeOk, outcomeN, factsOk, factsN, quotes, quotesOk },
  failures,
};

const splitArg = process.argv.find((a) => a.startsWith('--split='))?.slice(8);
const splits = splitArg ? splitArg.split(',') : [...SPLITS];
const bank: Record<string, Awaited<ReturnType<typeof runBank>>> = {};
for (const split of SPLITS) {
  if (!splits.includes(split)) continue;
  const lines = loadSplit(split);
  if (!lines.length) continue;
  if (split === 'dev') {
    // Dev holds the train writers' held-back scenarios and a writer the classifier never trains on (w4):
    // reported apart, the second says how the tuning carries to a new writer.
    const newWriter = lines.filter((l) => l.writer === 'w4');
    const trainWriters = lines.filter((l) => l.writer !== 'w4');
    if (trainWriters.length) bank['dev (w1, w2)'] = await runBank(conversation, corpus, trainWriters, true);
    if (newWriter.length) bank['dev (w4, new writer)'] = await runBank(conversation, corpus, newWriter, true);
  } else bank[split] = await runBank(conversation, corpus, lines, split !== 'test');
}

if (json) process.stdout.write(`${JSON.stringify({ ...result, bank }, null, 2)}\n`);
else {
  const f = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`Chat evaluation (offline): ${result.conversations} conversations, ${result.multiTurn} multi-turn`);
  console.log(`  routing accuracy   ${f(result.routingAccuracy)}  (${routeOk}/${conversations.length})`);
  console.log(`  measure accuracy   ${f(result.measureAccuracy)}  (${measureOk}/${measureN})`);
  console.log(`  outcome accuracy   ${f(result.outcomeAccuracy)}  (${outcomeOk}/${outcomeN})  target ≥ 95 %`);
  console.log(`  fact accuracy      ${f(result.factAccuracy)}  (${factsOk}/${factsN})`);
  console.log(
    `  citation validity  ${f(result.citationValidity)}  (${quotesOk}/${quotes} quotes verbatim)  must be 100 %`,
  );
  if (failures.length) {
    console.log(`\n${failures.length} conversation(s) with differences:`);
    for (const x of verbose ? failures : failures.slice(0, 25)) console.log(`  - ${x}`);
  }
  for (const [split, r] of Object.entries(bank)) console.log(`\n${formatBankReport(split, r, verbose)}`);
}
