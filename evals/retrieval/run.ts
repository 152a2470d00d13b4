/**
 * Retrieval evaluation: `npm run eval:retrieval [-- --json] [-- --misses]`.
 * Hjemmel vs MiniSearch, Orama and lunr (all configured for Danish) over the same units and questions,
 * plus an ablation showing what each part of Hjemmel earns.
 */
import { loadCorpus } from '../../src/corpus/index.ts';
import { DEFAULT_ANALYZER_OPTIONS } from '../../src/search/analyzer.ts';
import { buildSearcher, getSearcher } from '../../src/search/index.ts';
import {
  buildLunr,
  buildMiniSearch,
  buildOrama,
  type Engine,
  evaluate,
  hjemmelEngine,
  loadQuestions,
  lunrEngine,
  type Metrics,
  miniSearchEngine,
  oramaEngine,
} from './engines.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const showMisses = args.includes('--misses');

const corpus = loadCorpus();
// `--questions <file>` evaluates another set, e.g. the held-out set written after tuning ended.
const qi = args.indexOf('--questions');
const questions = qi >= 0 && args[qi + 1] ? loadQuestions(args[qi + 1]) : loadQuestions();
const units = corpus.units;
// Unit ids drift while the parsers evolve; evidence phrases still count, but say so.
const unknown = [...new Set(questions.flatMap((q) => q.relevant).filter((id) => !corpus.unit(id)))];
if (unknown.length)
  process.stderr.write(`Advarsel: ${unknown.length} relevante id'er findes ikke i korpusset: ${unknown.join(', ')}\n`);

const hjemmel = await getSearcher();
const engines: Engine[] = [
  hjemmelEngine('Hjemmel', hjemmel),
  miniSearchEngine(buildMiniSearch(units), units),
  oramaEngine(await buildOrama(units), units),
  lunrEngine(buildLunr(units), units),
];

const results: { name: string; metrics: Metrics }[] = engines.map((e) => ({
  name: e.name,
  metrics: evaluate(e, questions),
}));

// Ablation: each row switches one part off (or swaps the fusion), everything else as in Hjemmel.
const noStem = await buildSearcher(corpus, { analyzer: { ...DEFAULT_ANALYZER_OPTIONS, stem: false } });
const noCompounds = await buildSearcher(corpus, { analyzer: { ...DEFAULT_ANALYZER_OPTIONS, compounds: false } });
const ablations: { name: string; engine: Engine }[] = [
  { name: 'Hjemmel (all parts)', engine: hjemmelEngine('all', hjemmel) },
  { name: '- stemming', engine: hjemmelEngine('no-stem', noStem) },
  { name: '- compound splitting', engine: hjemmelEngine('no-compounds', noCompounds) },
  { name: '+ staff vocabulary', engine: hjemmelEngine('vocab', hjemmel.withRanking({ vocabulary: true })) },
  { name: '- dense (BM25 only)', engine: hjemmelEngine('lexical', hjemmel.withRanking({ fusion: 'lexical' })) },
  { name: '- fusion (dense only)', engine: hjemmelEngine('dense', hjemmel.withRanking({ fusion: 'dense' })) },
  { name: 'RRF instead of score fusion', engine: hjemmelEngine('rrf', hjemmel.withRanking({ fusion: 'rrf' })) },
  { name: '- learnt expansions', engine: hjemmelEngine('no-learned', hjemmel.withRanking({ learned: false })) },
  { name: '+ pseudo-relevance feedback', engine: hjemmelEngine('prf', hjemmel.withRanking({ prfDocs: 5 })) },
  { name: '- reference parsing', engine: hjemmelEngine('no-refs', hjemmel.withRanking({ refs: false })) },
  { name: '- duplicate collapse', engine: hjemmelEngine('no-collapse', hjemmel.withRanking({ collapse: false })) },
  {
    name: '- dense, refs, expansions',
    engine: hjemmelEngine('bm25-plain', hjemmel.withRanking({ learned: false, fusion: 'lexical', refs: false })),
  },
];
const ablationResults = ablations.map((a) => ({ name: a.name, metrics: evaluate(a.engine, questions) }));

const best = results.slice(1).reduce((a, b) => (b.metrics.recall5 > a.metrics.recall5 ? b : a));
const hj = results[0]!.metrics;
const summary = {
  questions: questions.length,
  units: units.length,
  corpusHash: corpus.hash,
  engines: results,
  ablation: ablationResults,
  targets: {
    recall5AtLeast090: hj.recall5 >= 0.9,
    fifteenPointsAboveBestLibrary: hj.recall5 - best.metrics.recall5 >= 0.15,
    bestLibrary: best.name,
    marginPoints: Math.round((hj.recall5 - best.metrics.recall5) * 1000) / 10,
  },
};

if (asJson) {
  process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
} else {
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, m: Metrics) =>
    `${name.padEnd(30)} ${f(m.recall1)}  ${f(m.recall5)}  ${f(m.recall10)}  ${f(m.mrr10)}`;
  const head = `${'engine'.padEnd(30)} R@1    R@5    R@10   MRR@10`;
  const out = [
    `Retrieval evaluation: ${questions.length} questions, ${units.length} units (corpus ${corpus.hash})`,
    '',
    head,
    ...results.map((r) => row(r.name, r.metrics)),
    '',
    `Ablation (R@5 delta vs all parts)`,
    head,
    ...ablationResults.map((r) => {
      const d = r.metrics.recall5 - ablationResults[0]!.metrics.recall5;
      return `${row(r.name, r.metrics)}  ${d === 0 ? '' : `${d > 0 ? '+' : ''}${(d * 100).toFixed(1)} pt`}`;
    }),
    '',
    `Targets: R@5 >= 0.90: ${summary.targets.recall5AtLeast090 ? 'ja' : 'NEJ'}; ` +
      `>= 15 pt over best library (${best.name}): ${summary.targets.fifteenPointsAboveBestLibrary ? 'ja' : 'NEJ'} (${summary.targets.marginPoints} pt)`,
  ];
  if (showMisses) {
    for (const r of results) out.push('', `Misses (top 10) for ${r.name}:`, ...r.metrics.misses.map((m) => `  - ${m}`));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
