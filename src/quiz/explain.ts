/**
 * Feedback after an answer, in the scenario's own terms:
 *
 * - `whyWrong`: one sentence on why the chosen option is wrong, derived from the rule data that separates
 *   it from the right one. The evaluator is asked which single fact of the scenario would have to be
 *   different for the chosen option to be the key; the condition tied to that fact (or the fact's own
 *   question) is the reason. When no single fact separates them, the verdict's decisive rule for the
 *   question kind is used.
 * - `rightAnswer` and `summary`: what is right. whyWrong + rightAnswer + summary are at most MAX_WORDS words.
 * - `citations`: at most MAX_CITATIONS, each quoting one verbatim sentence (never a heading) of the unit
 *   that says it.
 * - `details`: the full reasoning (reasons, conditions, registration, complaint, source), behind "Læs mere".
 */

import { COMPLAINT_LABEL, DECIDED_BY_LABEL, STATUS_LABEL, verdictHeadline } from '../answer/labels.ts';
import { sentences } from '../answer/quote.ts';
import type { CorpusIndex } from '../corpus/index.ts';
import {
  type ConditionResult,
  evaluate,
  FACT_QUESTIONS,
  type FactName,
  type FactOption,
  type Verdict,
} from '../rules/index.ts';
import { requestOf, type Scenario } from './bank.ts';
import { buildQuestion, type KeyedQuestion, type QuizOption } from './questions.ts';

export const MAX_WORDS = 80;
export const MAX_CITATIONS = 3;
/** A quoted sentence has at least this many words (headings and captions are shorter). */
const MIN_QUOTE_WORDS = 6;

export interface QuizCitation {
  n: number;
  unitId: string;
  citation: string;
  quote: string;
}

export interface DetailPoint {
  kind: 'reason' | 'condition' | 'registration' | 'complaint' | 'missing' | 'source';
  text: string;
  status?: 'met' | 'unmet' | 'unknown';
  /** Sources of the point (open them with GET /api/v1/units/:id). */
  sources: Array<{ unitId: string; citation: string }>;
}

export interface Explanation {
  /** Why the chosen option is wrong (one sentence naming it); null when the answer was right. */
  whyWrong: string | null;
  /** The right option's label. */
  rightAnswer: string;
  /** What is right, e.g. "Personalet kan beslutte — skal registreres (SEL § 124 c)." */
  summary: string;
  /** Citation numbers backing whyWrong and summary. */
  refs: number[];
  /** The full reasoning, shown behind "Læs mere". */
  details: DetailPoint[];
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function lcFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** A condition's text up to its first aside ("(", " – ", ": ", "; "), without a closing full stop. */
function core(text: string): string {
  // Short conditions stay whole: their aside is often the point ("– fiksering er aldrig lovlig").
  if (wordCount(text) <= 20) return text.replace(/[.\s]+$/, '');
  const cut = text.search(/\s\(|\s–\s|:\s|;\s/);
  return (cut > 20 ? text.slice(0, cut) : text).replace(/[.\s]+$/, '');
}

function firstSentence(text: string): string {
  const s = sentences(text)[0];
  return (s ? text.slice(s.start, s.end) : text).replace(/[.\s]+$/, '');
}

function optionLabel(o: FactOption): string {
  return lcFirst(o.label);
}

interface Separation {
  fact: FactName;
  /** The scenario's value (undefined: not stated). */
  actual: unknown;
  alt: FactOption;
  condition?: ConditionResult;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b;
}

/**
 * The single fact whose change would make `chosen` the key: first stated facts tied to a condition,
 * then other stated facts, then facts the scenario does not state.
 */
function separate(q: KeyedQuestion, s: Scenario, chosen: string): Separation | undefined {
  const req = requestOf(s);
  const hits: Array<Separation & { rank: number }> = [];
  for (const [fact, fq] of Object.entries(FACT_QUESTIONS) as Array<[FactName, (typeof FACT_QUESTIONS)[FactName]]>) {
    const actual = req.facts[fact];
    for (const alt of fq.options) {
      if (sameValue(actual, alt.value)) continue;
      let v: Verdict;
      try {
        v = evaluate({ ...req, facts: { ...req.facts, [fact]: alt.value } });
      } catch {
        continue;
      }
      const alternative = buildQuestion(s, q.kind, v);
      if (alternative?.correctOptionId !== chosen) continue;
      const condition = q.verdict.conditions.find((c) => c.fact === fact && c.status !== 'unknown');
      const rank = actual === undefined ? 2 : condition ? 0 : 1;
      hits.push({ fact, actual, alt, ...(condition ? { condition } : {}), rank });
    }
  }
  hits.sort((a, b) => a.rank - b.rank);
  return hits[0];
}

/** Per question kind: what the deciding sentence of a reason says, strongest pattern first. */
const WHO_DECIDES = /kræver|uden (?:forudgående )?afgørelse|kan selv|foreløbig afgørelse|ikke tilladt|må ikke|aldrig/i;
const DECISIVE: Record<string, RegExp[]> = {
  is_force: [/ikke (?:tale om )?magtanvendelse|samtykke/i],
  decided_by: [WHO_DECIDES, /afgørelse|beslutning|beslutte/i],
  permitted: [WHO_DECIDES, /ikke magtanvendelse/i, /afgørelse|beslutning|beslutte/i],
  must_register: [/registreres|registrering|indberet/i],
  complaint: [/klage/i],
  provision: [/.*/],
};

function patterns(q: KeyedQuestion): RegExp[] {
  return DECISIVE[q.kind] ?? [/.*/];
}

/** The verdict's reason that decides this kind of question (the headline-only "SEL § x: title" line skipped). */
function decisiveReason(q: KeyedQuestion): Verdict['reasons'][number] | undefined {
  const reasons = q.verdict.reasons.filter((r) => !/^SEL § [^:]+: [^.]+\.$/.test(r.text));
  for (const re of patterns(q)) {
    const r = reasons.find((x) => sentences(x.text).some(({ start, end }) => re.test(x.text.slice(start, end))));
    if (r) return r;
  }
  return reasons[0];
}

/** The sentence of a reason that decides the question kind (else its first sentence). */
function decisiveSentence(q: KeyedQuestion, text: string): string {
  for (const re of patterns(q))
    for (const { start, end } of sentences(text)) {
      const sent = text.slice(start, end);
      if (re.test(sent)) return sent.replace(/[.\s]+$/, '');
    }
  return firstSentence(text);
}

interface WhyWrong {
  text: string;
  /** Unit ids that say it. */
  units: readonly string[];
  /** The text a quote should match. */
  claim: string;
}

function whyWrongFor(q: KeyedQuestion, s: Scenario, chosen: QuizOption, right: QuizOption): WhyWrong {
  const name = `«${chosen.label}»`;
  const v = q.verdict;
  if (q.kind === 'missing') {
    const first = v.missingFacts[0];
    return {
      text: `${name} står allerede i scenariet, så det er ikke det, der mangler; spørg i stedet: ${first?.question ?? right.label}`,
      units: v.conditions.find((c) => c.fact === first?.fact)?.citations ?? [],
      claim: right.label,
    };
  }
  const sep = separate(q, s, chosen.id);
  if (sep?.condition) {
    const c = sep.condition;
    const text =
      c.status === 'met'
        ? `${name} passer ikke, for i scenariet gælder: ${core(c.text)}.`
        : `${name} passer ikke, for i scenariet er denne betingelse ikke opfyldt: ${core(c.text)}.`;
    return { text, units: c.citations, claim: c.text };
  }
  if (sep) {
    const fq = FACT_QUESTIONS[sep.fact];
    const actual = fq.options.find((o) => sameValue(o.value, sep.actual));
    const text = actual
      ? `${name} ville kun passe, hvis svaret på «${fq.question}» var «${optionLabel(sep.alt)}», men her er det «${optionLabel(actual)}».`
      : `${name} ville kun passe, hvis svaret på «${fq.question}» var «${optionLabel(sep.alt)}», og det oplyser scenariet ikke.`;
    const cond = v.conditions.find((c) => c.fact === sep.fact);
    return { text, units: cond?.citations ?? decisiveReason(q)?.citations ?? [], claim: cond?.text ?? fq.question };
  }
  if (q.kind === 'provision' && chosen.detail) {
    const rightName = right.detail ? `${lcFirst(right.label)} (${right.detail})` : lcFirst(right.label);
    return {
      text: `${name} (${chosen.detail}) handler om noget andet: situationen her hører under ${rightName}.`,
      units: v.reasons[0]?.citations ?? [],
      claim: right.label,
    };
  }
  const unmet = v.conditions.find((c) => c.status === 'unmet');
  if (unmet && (v.outcome === 'not_permitted' || q.kind === 'permitted')) {
    return {
      text: `${name} passer ikke, for i scenariet er denne betingelse ikke opfyldt: ${core(unmet.text)}.`,
      units: unmet.citations,
      claim: unmet.text,
    };
  }
  const r = decisiveReason(q);
  if (r) {
    const sent = decisiveSentence(q, r.text);
    return { text: `${name} passer ikke: ${sent}.`, units: r.citations, claim: sent };
  }
  return { text: `${name} passer ikke; det rigtige svar er «${right.label}».`, units: [], claim: right.label };
}

/** Cuts a sentence to `max` words, ending it with an ellipsis. */
function fitWords(text: string, max: number): string {
  if (wordCount(text) <= max) return text;
  const words = text.split(/\s+/);
  const out: string[] = [];
  let n = 0;
  for (const w of words) {
    if (/[\p{L}\p{N}]/u.test(w)) n++;
    if (n > max) break;
    out.push(w);
  }
  return `${out.join(' ').replace(/[,;:.\s]+$/, '')} …`;
}

/** The sentence of a unit that best says `claim` (verbatim), or null when the unit has none (a heading). */
function quoteSentence(corpus: CorpusIndex, unitId: string, claim: string): string | null {
  const unit = corpus.unit(unitId);
  if (!unit) return null;
  const headings = new Set(unit.headingPath.map((h) => h.trim()));
  const claimWords = new Set(wordsOf(claim));
  let best: string | null = null;
  let bestScore = -1;
  for (const { start, end } of sentences(unit.text)) {
    // Without the paragraph's own number ("§ 124 a. ", "Stk. 2. "): still a verbatim substring.
    const sent = unit.text.slice(start, end).replace(/^(?:§\s*\d+\s*[a-z]?\.\s+|Stk\.\s*\d+\.\s+)+/, '');
    const ws = wordsOf(sent);
    if (ws.length < MIN_QUOTE_WORDS || headings.has(sent.trim()) || !/[.!?:)]$/.test(sent)) continue;
    const score = ws.filter((w) => claimWords.has(w)).length / Math.sqrt(ws.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = sent;
    }
  }
  return best;
}

function wordsOf(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2);
}

class Citations {
  readonly list: QuizCitation[] = [];
  constructor(private readonly corpus: CorpusIndex) {}

  /** Cites the first of `ids` that has a quotable sentence; returns its number (or none when full). */
  add(ids: readonly string[], claim: string): number[] {
    for (const id of ids) {
      const existing = this.list.find((c) => c.unitId === id);
      if (existing) return [existing.n];
      if (this.list.length >= MAX_CITATIONS) return [];
      const quote = quoteSentence(this.corpus, id, claim);
      if (!quote) continue;
      const n = this.list.length + 1;
      this.list.push({ n, unitId: id, citation: this.corpus.unit(id)!.citation, quote });
      return [n];
    }
    return [];
  }
}

function sourcesOf(corpus: CorpusIndex, ids: readonly string[]): DetailPoint['sources'] {
  return ids.flatMap((id) => {
    const u = corpus.unit(id);
    return u ? [{ unitId: id, citation: u.citation }] : [];
  });
}

/** The full reasoning: the verdict's reasons, the conditions, registration, complaint and the scenario's source. */
function detailsOf(q: KeyedQuestion, scenario: Scenario, corpus: CorpusIndex): DetailPoint[] {
  const v = q.verdict;
  const points: DetailPoint[] = [];
  const add = (kind: DetailPoint['kind'], text: string, ids: readonly string[], status?: DetailPoint['status']) =>
    points.push({ kind, text, sources: sourcesOf(corpus, ids), ...(status ? { status } : {}) });
  for (const r of v.reasons) add('reason', r.text, r.citations);
  const reg = v.registration;
  if (reg && reg.regime !== 'none') {
    const parts = [
      reg.registeredBy ? `Registreres af ${reg.registeredBy}` : null,
      reg.deadline ? `frist: ${reg.deadline}` : null,
      reg.reportTo ? `indberettes til ${reg.reportTo}` : null,
    ].filter((p): p is string => p !== null);
    if (parts.length) add('registration', `${parts.join(', ')}.`, reg.citations);
  }
  if (v.complaintTo) add('complaint', `Borgeren (eller værgen) kan klage til ${COMPLAINT_LABEL[v.complaintTo]}.`, []);
  for (const m of v.missingFacts.slice(0, 3)) add('missing', m.question, []);
  for (const c of v.conditions) add('condition', `${c.text} (${STATUS_LABEL[c.status]})`, c.citations, c.status);
  if (scenario.sourceUnits.length) add('source', `Scenariet bygger på ${scenario.source}.`, scenario.sourceUnits);
  return points;
}

function summaryOf(q: KeyedQuestion): { text: string; units: readonly string[]; claim: string } {
  const v = q.verdict;
  const basis = v.provision ?? 'ingen hjemmel i serviceloven';
  // "Personalet kan beslutte" is wrong when the leader decides (kap. 24 d interim decisions) or the operator.
  const decider = v.decidedBy && v.decidedBy !== 'staff' ? DECIDED_BY_LABEL[v.decidedBy] : undefined;
  const headline =
    v.outcome === 'staff_may_decide' && decider
      ? `${decider[0]!.toUpperCase()}${decider.slice(1)} kan beslutte${v.mustRegister ? ' — skal registreres' : ''}`
      : verdictHeadline(v);
  const head = `${headline} (${basis})`;
  const reg = v.registration;
  if (q.kind === 'must_register' && reg && reg.regime !== 'none' && reg.deadline)
    return {
      text: `${head}; registreres ${reg.deadline}.`,
      units: reg.citations,
      claim: `registreres ${reg.deadline}`,
    };
  const r = decisiveReason(q);
  return { text: `${head}.`, units: r?.citations ?? v.reasons[0]?.citations ?? [], claim: r?.text ?? head };
}

export function explain(
  q: KeyedQuestion,
  scenario: Scenario,
  corpus: CorpusIndex,
  chosenOptionId: string,
): { explanation: Explanation; citations: QuizCitation[] } {
  const right = q.options.find((o) => o.id === q.correctOptionId)!;
  const chosen = q.options.find((o) => o.id === chosenOptionId) ?? right;
  const rightAnswer = right.detail ? `${right.label} (${right.detail})` : right.label;
  const cites = new Citations(corpus);
  const summary = summaryOf(q);
  let whyWrong: string | null = null;
  const refs: number[] = [];
  if (chosen.id !== right.id) {
    const w = whyWrongFor(q, scenario, chosen, right);
    const budget = MAX_WORDS - wordCount(rightAnswer) - wordCount(summary.text);
    whyWrong = fitWords(w.text, budget);
    refs.push(...cites.add(w.units, w.claim));
  }
  // An act with no legal basis is explained by the scenario's own source passage (e.g. the guidance on
  // fiksering), not by the general "udtømmende liste" units; otherwise the decisive units come first.
  const noBasis = q.verdict.provision === null;
  let summaryRefs = noBasis ? cites.add(scenario.sourceUnits, `${scenario.story} ${summary.claim}`) : [];
  if (!summaryRefs.length) summaryRefs = cites.add(summary.units, summary.claim);
  // No quotable sentence in the decisive units: the first reason or condition whose unit has one.
  if (!summaryRefs.length)
    for (const ids of [...q.verdict.reasons.map((r) => r.citations), ...q.verdict.conditions.map((c) => c.citations)]) {
      summaryRefs = cites.add(ids, summary.claim);
      if (summaryRefs.length) break;
    }
  for (const n of summaryRefs) if (!refs.includes(n)) refs.push(n);
  return {
    explanation: { whyWrong, rightAnswer, summary: summary.text, refs, details: detailsOf(q, scenario, corpus) },
    citations: cites.list,
  };
}
