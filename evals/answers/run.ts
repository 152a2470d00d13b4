/**
 * `npm run eval:answers [-- --json] [-- --misses] [-- --sets retrieval/heldout,bank/dev]`: asks every eval
 * question that has an evidence phrase through the offline product (the Conversation behind `cli ask` and
 * /api/v1/chat) and reports, per set, the share whose evidence phrase is in `summary` (folded compare: case,
 * æ/ø/å, punctuation, the guidance's OCR spelling repaired, as the retrieval evaluation does).
 *
 * "Informational" questions are those the set labels as route `retrieval` (the bank), or, for the retrieval
 * sets without labels, those the product routes to retrieval. The share is reported over the informational
 * questions (the target) and over all questions of the set; `top5(info)` is the share whose evidence is in one of
 * the top 5 search hits at all (what summary selection can reach with the present retrieval). Misses are listed for train/dev sets only: the
 * test split (bank/test, heldout-writers) prints aggregates.
 *
 * `--quotes` adds the quote check over every eval answer (these questions and evals/chat): quotes shown, their
 * words, words neither the dictionary nor the clean sources know, words that are known only as a compound of
 * dictionary words (where hidden OCR damage such as "leverandgren" would sit), and damaged quotes by kind.
 */
import { quoteProblems } from '../../src/answer/clean.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { isDirectKnownWord, OCR_CORRECTIONS } from '../../src/corpus/ocr-repair.ts';
import { getSearcher } from '../../src/search/index.ts';
import { ask, chatItems, evidenceItems, hasEvidence, offlineConversation } from './sets.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const showMisses = args.includes('--misses');
const checkQuotes = args.includes('--quotes');
const si = args.indexOf('--sets');
const only = si >= 0 ? new Set((args[si + 1] ?? '').split(',')) : undefined;

const corpus = loadCorpus();
const conversation = await offlineConversation(corpus);
const items = evidenceItems().filter((i) => i.evidence.length && (!only || only.has(i.set)));
const asked = await ask(conversation, items);

interface Row {
  set: string;
  split: string;
  questions: number;
  informational: number;
  /** Evidence in `summary`, over the informational questions. */
  summaryInformational: number;
  /** Evidence anywhere in the answer text, over the informational questions. */
  answerInformational: number;
  /** Evidence in the text of the top 5 search hits for the last message (what the summary can reach at best). */
  top5Informational: number;
  /** Evidence in `summary`, over all questions of the set. */
  summaryAll: number;
}

const searcher = await getSearcher();
const rows = new Map<string, Row & { hitsI: number; hitsA: number; hitsAll: number; hits5: number }>();
const misses: string[] = [];
for (const { item, answers } of asked) {
  const last = answers.at(-1)!;
  const informational = item.route ? item.route === 'retrieval' : last.route === 'retrieval';
  const r = rows.get(item.set) ?? {
    set: item.set,
    split: item.split,
    questions: 0,
    informational: 0,
    summaryInformational: 0,
    answerInformational: 0,
    top5Informational: 0,
    summaryAll: 0,
    hitsI: 0,
    hitsA: 0,
    hitsAll: 0,
    hits5: 0,
  };
  rows.set(item.set, r);
  r.questions++;
  const inSummary = hasEvidence(last.summary ?? '', item.evidence);
  if (inSummary) r.hitsAll++;
  if (!informational) continue;
  r.informational++;
  if (inSummary) r.hitsI++;
  const top5 = searcher.searchSync(item.turns.at(-1)!, { k: 5 });
  if (top5.some((h) => hasEvidence(corpus.unit(h.id)?.text ?? h.text, item.evidence))) r.hits5++;
  if (hasEvidence(last.answer, item.evidence)) r.hitsA++;
  else if (showMisses && item.split !== 'test')
    misses.push(`${item.set} ${item.id} [${last.route}]: ${item.turns.at(-1)}\n    evidence: ${item.evidence[0]}`);
  if (!inSummary && showMisses && item.split !== 'test')
    misses.push(
      `${item.set} ${item.id} [${last.route}] not in summary: ${item.turns.at(-1)}\n    evidence: ${item.evidence[0]}\n    summary: ${last.summary ?? '(none)'}`,
    );
}

const share = (a: number, n: number) => (n ? a / n : 0);
const out: Row[] = [...rows.values()].map((r) => ({
  set: r.set,
  split: r.split,
  questions: r.questions,
  informational: r.informational,
  summaryInformational: share(r.hitsI, r.informational),
  answerInformational: share(r.hitsA, r.informational),
  top5Informational: share(r.hits5, r.informational),
  summaryAll: share(r.hitsAll, r.questions),
}));

if (asJson) {
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`.padStart(8);
  process.stdout.write(
    `${'set'.padEnd(28)}${'split'.padEnd(7)}${'n'.padStart(5)}${'info'.padStart(6)}  summary(info)  answer(info)  top5(info)  summary(all)\n`,
  );
  for (const r of out)
    process.stdout.write(
      `${r.set.padEnd(28)}${r.split.padEnd(7)}${String(r.questions).padStart(5)}${String(r.informational).padStart(6)}  ${pct(r.summaryInformational)}       ${pct(r.answerInformational)}    ${pct(r.top5Informational)}      ${pct(r.summaryAll)}\n`,
    );
  if (showMisses) process.stdout.write(`\n${misses.join('\n')}\n`);
}

if (checkQuotes) {
  const all = [...asked, ...(await ask(conversation, only ? [] : chatItems()))];
  let quotes = 0;
  let words = 0;
  let unknown = 0;
  const compoundOnly = new Map<string, number>();
  const kinds: Record<string, number> = {};
  let listed = 0;
  let summaries = 0;
  let damagedSummaries = 0;
  for (const { answers } of all)
    for (const r of answers) {
      if (r.route === 'retrieval' && r.summary) {
        // The informational summary is a quote as well: whole and verbatim in one cited unit.
        summaries++;
        const home = r.citations.find((c) => corpus.unit(c.unitId)?.text.includes(r.summary!));
        if (!home || quoteProblems(r.summary, corpus.unit(home.unitId)).length) damagedSummaries++;
      }
      for (const c of r.citations) {
        quotes++;
        const ws = (c.quote.replace(/\b(?:https?:\/\/|www\.)\S+/gu, ' ').match(/\p{L}+/gu) ?? []).filter(
          (w) => w.length >= 2,
        );
        words += ws.length;
        for (const w of ws) if (Object.hasOwn(OCR_CORRECTIONS.words, w.toLowerCase())) listed++;
        for (const w of ws)
          if (!isDirectKnownWord(w)) compoundOnly.set(w.toLowerCase(), (compoundOnly.get(w.toLowerCase()) ?? 0) + 1);
        for (const p of quoteProblems(c.quote, corpus.unit(c.unitId))) {
          kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
          if (p.kind === 'unknown_word') unknown++;
        }
      }
    }
  const report = {
    quotes,
    words,
    unknownWords: unknown,
    compoundOnlyWords: [...compoundOnly.values()].reduce((a, b) => a + b, 0),
    compoundOnlyDistinct: compoundOnly.size,
    damagedFormsOfTheCorrectionList: listed,
    informationalSummaries: summaries,
    damagedSummaries,
    damagedByKind: kinds,
  };
  process.stdout.write(`\nQuotes shown in all eval answers: ${JSON.stringify(report)}\n`);
}
