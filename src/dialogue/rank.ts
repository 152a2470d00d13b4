/**
 * Ranked route and measure candidates from several signals combined into one score per candidate:
 * - the lexicon (extract.ts / route.ts): a high-precision feature — a recognised act or question form adds a fixed
 *   weight to its candidate, it no longer decides alone;
 * - the supervised classifier (classifier.ts, trained on the bank's train split): a probability per candidate.
 * Scores are normalised to sum to 1. The top measure is accepted only above a threshold and with a margin to the
 * second; otherwise the conversation asks "Drejer det sig om …?" with the top 3 candidates and "Noget andet".
 * The weights are fit on the bank's dev split (never on test).
 */
import { classify, type Scored } from './classifier.ts';
import { detectMeasure } from './extract.ts';
import type { MeasureId } from './lexicon.ts';
import { isMeasureId } from './lexicon.ts';
import { route as lexiconRoute, type Route } from './route.ts';

export const RANK_PARAMS = {
  /** Weight of a lexicon measure hit against the classifier's probability (0–1). */
  lexiconMeasureWeight: 0.7,
  /** Weight of the lexicon's route against the classifier's route probability. */
  lexiconRouteWeight: 0.4,
  /** Accept the top measure only with at least this score … */
  threshold: 0.45,
  /** … and this margin to the second. */
  margin: 0.15,
};

export interface Ranking {
  route: Route;
  routeScores: Scored[];
  measures: Scored[];
  /** The accepted measure, when the top candidate clears threshold and margin. */
  measure?: MeasureId;
  lexiconMeasure?: MeasureId;
  lexiconRoute: Route;
}

function combine(base: Scored[], boost: string | undefined, weight: number): Scored[] {
  const m = new Map(base.map((s) => [s.label, s.p * (1 - weight)]));
  if (boost) m.set(boost, (m.get(boost) ?? 0) + weight);
  const z = [...m.values()].reduce((a, b) => a + b, 0) || 1;
  return [...m.entries()]
    .map(([label, p]) => ({ label, p: p / z }))
    .sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
}

export function rank(message: string): Ranking {
  const lex = lexiconRoute(message);
  const found = detectMeasure(message);
  const clf = classify(message);
  const lexiconMeasure = found?.measure;
  if (!clf) {
    return {
      route: lex.route,
      routeScores: [{ label: lex.route, p: 1 }],
      measures: lexiconMeasure ? [{ label: lexiconMeasure, p: 1 }] : [],
      ...(lexiconMeasure ? { measure: lexiconMeasure } : {}),
      ...(lexiconMeasure ? { lexiconMeasure } : {}),
      lexiconRoute: lex.route,
    };
  }
  // Small talk and clearly other subjects are high-precision lexicon signals: they stay out of scope.
  const offTopic = lex.route === 'out_of_scope' && /^(?:small talk|off-topic|empty)/u.test(lex.reason);
  const routeScores = offTopic
    ? [{ label: 'out_of_scope', p: 1 }]
    : combine(clf.route, lex.route, RANK_PARAMS.lexiconRouteWeight);
  const measures = combine(clf.measure, lexiconMeasure, lexiconMeasure ? RANK_PARAMS.lexiconMeasureWeight : 0).filter(
    (s) => isMeasureId(s.label),
  );
  const [a, b] = measures;
  const accepted =
    a && a.p >= RANK_PARAMS.threshold && a.p - (b?.p ?? 0) >= RANK_PARAMS.margin ? (a.label as MeasureId) : undefined;
  return {
    route: routeScores[0]!.label as Route,
    routeScores,
    measures,
    ...(accepted ? { measure: accepted } : {}),
    ...(lexiconMeasure ? { lexiconMeasure } : {}),
    lexiconRoute: lex.route,
  };
}
