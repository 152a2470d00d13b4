/**
 * Answer composition. Offline answers are built from the rule evaluator's verdict or from retrieved
 * passages; every quote is a verbatim substring of its unit. An LLM may only add explanation, which
 * `verifyExplanation` checks before it is shown.
 */
import type { CorpusIndex } from '../corpus/index.ts';
import type { Unit } from '../corpus/types.ts';
import type { Verdict } from '../rules/index.ts';
import { COMPLAINT_LABEL, DECIDED_BY_LABEL, STATUS_MARK, verdictHeadline } from './labels.ts';
import { contentTerms, isHeadingOnly, quotable, quoteFor, sentenceScore } from './quote.ts';
import {
  askFacts,
  danishDate,
  notPermittedLine,
  openConditions,
  registerIfDoneDays,
  summaryFor,
  type Todo,
  todoFor,
} from './shape.ts';
import {
  handWeights,
  pick,
  RULE_UNITS_MAX,
  SUMMARY_MAX,
  summaryCandidates,
  summaryModel,
  summaryObserver,
} from './summary.ts';

export * from './labels.ts';
export { isHeadingOnly, quotable, quoteFor, sentences } from './quote.ts';
export * from './shape.ts';
export { SUMMARY_MAX } from './summary.ts';

export interface Citation {
  n: number;
  unitId: string;
  citation: string;
  quote: string;
}

export interface Composed {
  answer: string;
  citations: Citation[];
  /** One or two sentences that answer the question (verbatim from a cited source for informational answers). */
  summary?: string;
  /** Concrete next steps, with an ISO `due` date where the rules give a deadline (verdict answers). */
  todo?: Todo[];
  /** Markdown with everything the short answer leaves out (verdict answers). */
  details?: string;
}

export const DISCLAIMER = '_Hjemmel giver vejledning, ikke en afgørelse. Kontakt din leder eller kommunen ved tvivl._';
export const NOT_FOUND = 'Det kan jeg ikke finde i kilderne.';

/** Collects cited units in order of first use and numbers them [1], [2], … */
export class CitationList {
  private readonly byId = new Map<string, Citation>();

  constructor(private readonly corpus: CorpusIndex) {}

  /** Returns "[n]" markers for the ids that exist in the corpus ('' if none). */
  cite(ids: readonly string[], context = '', max = 2): string {
    const ns: number[] = [];
    for (const id of ids) {
      if (ns.length >= max) break;
      const unit = this.quotableUnit(id, context);
      if (!unit) continue;
      let c = this.byId.get(unit.id);
      if (!c) {
        c = { n: this.byId.size + 1, unitId: unit.id, citation: unit.citation, quote: quoteFor(unit, context) };
        this.byId.set(unit.id, c);
      }
      if (!ns.includes(c.n)) ns.push(c.n);
    }
    return ns.length ? ` ${ns.map((n) => `[${n}]`).join('')}` : '';
  }

  get list(): Citation[] {
    return [...this.byId.values()];
  }

  /** The citation already made for a unit (after heading-only units were replaced by their best child). */
  for(id: string): Citation | undefined {
    return this.byId.get(id) ?? this.byId.get(this.quotableUnit(id, '')?.id ?? '');
  }

  /**
   * The unit to quote for an id: the unit itself, or, when its text is only a heading (a chapter title),
   * the child that best matches the context, so no citation quotes a bare title.
   */
  private quotableUnit(id: string, context: string): Unit | undefined {
    const unit = this.corpus.unit(id);
    if (!unit || !isHeadingOnly(unit)) return unit;
    const kids = unit.childIds.map((k) => this.corpus.unit(k)).filter((u): u is Unit => !!u && !isHeadingOnly(u));
    if (!kids.length) return unit;
    const q = new Set(contentTerms(context));
    let best = kids[0]!;
    let bestScore = q.size ? sentenceScore(best.text, q) : 0;
    for (const k of kids.slice(1)) {
      const sc = q.size ? sentenceScore(k.text, q) : 0;
      if (sc > bestScore) {
        best = k;
        bestScore = sc;
      }
    }
    return best;
  }
}

/** Marks a citation label of a draft source, so the answer text itself says what the side panel says. */
export function labelWithStatus(unit: Unit): string {
  return unit.status === 'udkast' ? `${unit.citation} (udkast)` : unit.citation;
}

/**
 * Whether an answer rests mainly on draft sources: the summary's unit (first) weighs as much as two further
 * quotes, and the drafts carry more than half of the weight.
 */
export function restsOnDraft(shown: readonly Unit[]): boolean {
  let draft = 0;
  let total = 0;
  shown.forEach((u, i) => {
    const w = i === 0 ? 2 : 1;
    total += w;
    if (u.status === 'udkast') draft += w;
  });
  return draft * 2 > total;
}

export const DRAFT_NOTE = 'Svaret bygger mest på udkastet til den nye vejledning (2025), som endnu ikke er endelig.';

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

/** A to-do as a markdown list item: "- Registrér … (senest 6. december 2026)". */
export function todoLine(t: Todo): string {
  return `- ${t.text}${t.due ? ` **Frist: ${danishDate(t.due)}.**` : ''}`;
}

/** Reasons already said by the summary or the to-dos (registration, complaint, duration, …): details only. */
const DETAIL_REASON =
  /registreres|indberettes|klage|måneder ad gangen|advokat|handleplan|betingelse\(r\)|bekendt med registreringen|selvmodsigende/u;

const MAX_ANSWER_MARKERS = 5;
const MAX_BODY_WORDS = 150;
const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The offline answer for a verdict. `answer` is short: headline, summary, to-dos and a few reasons (≤ ~150
 * words, ≤ 5 citation markers); `details` holds everything else (reasons, facts, registration, checklist);
 * `citations` carries every source of both. `date` (ISO) is the incident date or today, for the to-dos' dates.
 */
export function verdictAnswer(
  verdict: Verdict,
  corpus: CorpusIndex,
  date = new Date().toISOString().slice(0, 10),
  past = false,
): Composed {
  const cites = new CitationList(corpus);
  const summary = summaryFor(verdict, { past, date });
  const todo = todoFor(verdict, date, past);
  const basis = verdict.provision ?? 'ingen hjemmel i serviceloven';
  const out: string[] = [`**${verdictHeadline(verdict, past)}** (${basis})`, summary];
  if (todo.length) out.push(`**Det skal du gøre:**\n${todo.map(todoLine).join('\n')}`);

  // Then, within ~150 words and 5 citation markers: a few reasons (the provision, why not, who decides),
  // the open conditions and what to clarify. Everything else is in the details.
  const FOOTER = '_Alle betingelser, registrering, klageadgang og varighed står under detaljer._';
  let markers = 0;
  let words = wordCount(FOOTER);
  const fits = (text: string) => words + wordCount(text) <= MAX_BODY_WORDS;
  const cite = (ids: readonly string[], text: string) => {
    if (markers >= MAX_ANSWER_MARKERS) return '';
    const m = cites.cite(ids, text, 1);
    if (m) markers++;
    return m;
  };
  const said: string[] = [];
  // With a decision in hand, "Det kræver en forudgående afgørelse" is not news: only the provision is said.
  const maxSaid = verdict.decisionUse ? 1 : 2;
  if (verdict.decisionUse) {
    const u = verdict.decisionUse;
    const m = cite(u.citations, u.text);
    if (m) out[1] = `${out[1]}${m}`;
  }
  for (const r of verdict.reasons) {
    if (DETAIL_REASON.test(r.text) || said.length >= maxSaid) continue;
    if (said.length && !fits(r.text)) continue;
    said.push(`${sentence(r.text)}${cite(r.citations, r.text)}`);
    words += wordCount(r.text);
  }
  if (said.length) out.push(said.join(' '));
  // The staff to-do already names the open conditions; for the other outcomes the answer lists them.
  const listed = new Set<string>();
  if (
    verdict.certainty === 'conditional' &&
    !verdict.decisionUse &&
    verdict.outcome !== 'needs_more_facts' &&
    verdict.outcome !== 'not_permitted' &&
    verdict.outcome !== 'staff_may_decide'
  ) {
    const lines: string[] = [];
    for (const c of openConditions(verdict)) {
      if (!fits(c.text)) break;
      words += wordCount(c.text);
      if (c.fact) listed.add(c.fact);
      lines.push(`- ${c.text}${cite(c.citations, c.text)}`);
    }
    if (lines.length) out.push(`**Kan være lovligt, hvis:**\n${lines.join('\n')}`);
  }
  const ask: string[] = [];
  for (const m of askFacts(verdict)) {
    if (listed.has(m.fact) || !fits(m.question)) continue;
    words += wordCount(m.question);
    ask.push(`- ${m.question}`);
  }
  if (ask.length) out.push(`**Afklar også:**\n${ask.join('\n')}`);
  out.push(FOOTER);
  out.push(DISCLAIMER);
  const details = verdictDetails(verdict, cites, past);
  return { answer: out.join('\n\n'), citations: cites.list, summary, todo, details };
}

/** Everything else, as markdown: all reasons, who decides, registration, checklist, next step. */
function verdictDetails(verdict: Verdict, cites: CitationList, past = false): string {
  const out: string[] = [];
  if (verdict.reasons.length) {
    out.push(verdict.reasons.map((r) => `${sentence(r.text)}${cites.cite(r.citations, r.text)}`).join(' '));
  }

  if (verdict.outcome === 'needs_more_facts' && verdict.missingFacts.length) {
    out.push(`**Det skal jeg vide for at kunne svare:** ${verdict.missingFacts[0]!.question}`);
  }

  const facts: string[] = [];
  if (verdict.decidedBy)
    facts.push(`- **Hvem beslutter:** ${DECIDED_BY_LABEL[verdict.decidedBy] ?? verdict.decidedBy}`);
  if (verdict.isForce !== null)
    facts.push(`- **Magtanvendelse:** ${verdict.isForce ? 'ja, det er et indgreb i selvbestemmelsesretten' : 'nej'}`);
  if (verdict.maxDurationMonths !== null)
    facts.push(`- **Varighed:** en afgørelse kan højst gælde ${verdict.maxDurationMonths} måneder ad gangen`);
  if (verdict.complaintTo)
    facts.push(`- **Klageadgang:** borgeren (eller værgen) kan klage til ${COMPLAINT_LABEL[verdict.complaintTo]}`);
  if (verdict.lawyerRequired) facts.push('- **Advokat:** borgeren skal have beskikket en advokat (SEL § 132)');
  if (verdict.actionPlanRequired)
    facts.push('- **Handleplan:** indgrebet skal indgå i en handleplan (SEL § 135 a, stk. 4, og § 141)');
  if (facts.length) out.push(facts.join('\n'));

  const reg = verdict.registration;
  const ifDone = registerIfDoneDays(verdict);
  if (reg && reg.regime !== 'none') {
    const lines = [`**Registrering og indberetning:**${cites.cite(reg.citations, reg.deadline ?? '')}`];
    if (reg.registeredBy) lines.push(`- Registreres af: ${reg.registeredBy}`);
    if (reg.deadline) lines.push(`- Frist: ${reg.deadline}`);
    if (reg.reportTo) lines.push(`- Indberettes til: ${reg.reportTo}`);
    if (reg.reportEvery) lines.push(`- ${reg.reportEvery}`);
    if (reg.relativesInformed) lines.push('- Pårørende/værge skal orienteres');
    for (const r of reg.readings ?? [])
      lines.push(`- Anden læsning: ${r.deadline}${cites.cite(r.citations, r.deadline)}`);
    if (reg.conflict) lines.push(`- ⚠️ ${reg.conflict}`);
    out.push(lines.join('\n'));
  } else if (ifDone !== null) {
    out.push(`**Registrering:** ${notPermittedLine(ifDone)}`);
  } else if (verdict.mustRegister === false) {
    out.push('**Registrering:** skal ikke registreres eller indberettes som magtanvendelse.');
  }

  if (verdict.conditions.length) {
    const lines = ['**Betingelser (tjekliste):**'];
    for (const c of verdict.conditions)
      lines.push(`- ${STATUS_MARK[c.status]} ${c.text}${cites.cite(c.citations, c.text)}`);
    out.push(lines.join('\n'));
  }

  const open = verdict.missingFacts.slice(verdict.outcome === 'needs_more_facts' ? 1 : 0, 4);
  if (open.length) out.push(`**Afklar også:**\n${open.map((m) => `- ${m.question}`).join('\n')}`);

  out.push(`**Næste skridt:** ${past ? pastNextStep(verdict) : nextStep(verdict)}`);
  return out.join('\n\n');
}

/** The next step after an incident that already happened (never a forward-looking permission). */
function pastNextStep(v: Verdict): string {
  const u = v.decisionUse;
  if (u?.allowed === false || v.outcome === 'not_permitted')
    return 'Registrér og indberet hændelsen inden fristen, og find sammen med din leder en mindre indgribende, socialpædagogisk løsning til næste gang.';
  switch (v.outcome) {
    case 'staff_may_decide':
      return v.mustRegister
        ? 'Registrér og indberet hændelsen inden fristen, og tal med din leder om, hvordan den kan undgås fremover.'
        : 'Skriv i journalen, hvad der skete, og tal med din leder om, hvordan det kan undgås fremover.';
    case 'requires_municipal_decision':
    case 'requires_board_decision':
    case 'requires_family_court_decision':
      return u
        ? 'Registrér brugen efter reglerne for afgørelsen, og tal med din leder, hvis du er i tvivl om, at den var inden for afgørelsen.'
        : 'Forelå der ingen afgørelse, var der ikke hjemmel: registrér og indberet hændelsen straks, og tal med din leder.';
    case 'not_force':
      return 'Reglerne om magtanvendelse gjaldt ikke. Skriv i journalen, hvad der skete.';
    default:
      return 'Besvar spørgsmålet ovenfor, så kan jeg vurdere hændelsen.';
  }
}

function nextStep(v: Verdict): string {
  switch (v.outcome) {
    case 'not_force':
      return 'Reglerne om magtanvendelse gælder ikke her. Dokumentér samtykket eller aftalen i journalen.';
    case 'staff_may_decide':
      return v.mustRegister
        ? 'Brug kun indgrebet, når betingelserne er opfyldt, så kortvarigt og skånsomt som muligt, og registrér det inden fristen.'
        : 'Brug kun indgrebet, når betingelserne er opfyldt, og dokumentér det efter stedets praksis.';
    case 'requires_municipal_decision':
    case 'requires_board_decision':
    case 'requires_family_court_decision':
      return 'Indgrebet må ikke bruges, før der foreligger en afgørelse. Tal med din leder om at rette henvendelse til kommunen.';
    case 'not_permitted':
      return registerIfDoneDays(v) !== null
        ? `${notPermittedLine(registerIfDoneDays(v)!)} Find en mindre indgribende, socialpædagogisk løsning, og tal med din leder.`
        : 'Brug ikke indgrebet. Find en mindre indgribende, socialpædagogisk løsning, og tal med din leder.';
    default:
      return 'Besvar spørgsmålet ovenfor, så kan jeg give et svar.';
  }
}

/** Content words for a light relevance check (lower-cased, ≥ 4 letters, first 5 letters as a cheap stem). */
function stems(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(/[^\p{L}\d]+/u)) if (w.length >= 4) out.add(w.slice(0, 5));
  return out;
}

export interface PassageHit {
  id: string;
  score: number;
}

/**
 * The offline answer for an informational question: a short extractive summary and the best passages
 * quoted with citations; or the fixed "cannot find it" answer with the nearest topics.
 */
export function retrievalAnswer(
  question: string,
  hits: readonly PassageHit[],
  corpus: CorpusIndex,
  /** Units the rules' data cites for what the question asks (see `ruleUnitsFor`): summary candidates first. */
  ruleUnits: readonly string[] = [],
): Composed {
  const q = stems(question);
  const units = hits.map((h) => corpus.unit(h.id)).filter((u): u is Unit => !!u);
  const relevant = units.filter((u) => [...stems(`${u.headingPath.join(' ')} ${u.text}`)].some((s) => q.has(s)));
  if (!relevant.length) {
    const near = units
      .slice(0, 3)
      .map((u) => `- ${u.headingPath.at(-1) ?? u.citation}`)
      .join('\n');
    const topics = near ? `\n\nNærmeste emner i kilderne:\n${near}` : '';
    return { answer: `${NOT_FOUND} Prøv at spørge mere konkret, fx om et bestemt indgreb.${topics}`, citations: [] };
  }
  const cites = new CitationList(corpus);
  const top = relevant.slice(0, 5);
  const fromRules = ruleUnits
    .map((id) => corpus.unit(id))
    .filter((u): u is Unit => !!u && !top.some((t) => t.id === u.id));
  const topScore = hits[0]?.score ?? 0;
  const hitScores = new Map(hits.map((h) => [h.id, topScore > 0 ? h.score / topScore : 0]));
  const best = bestSentence(
    question,
    [...fromRules.slice(0, RULE_UNITS_MAX), ...top],
    corpus,
    fromRules.length,
    hitScores,
  );
  const summaryUnit = best?.unit ?? relevant[0]!;
  const summary = best?.sentence ?? quoteFor(summaryUnit, question, SUMMARY_MAX);
  const mark = cites.cite([summaryUnit.id], question);
  // The summary is the chosen sentence, verbatim; its citation quotes the passage around it.
  const sc = cites.for(summaryUnit.id);
  if (sc && !sc.quote.includes(summary)) sc.quote = summary;
  const draftMark = summaryUnit.status === 'udkast' ? ' (udkast)' : '';
  const out = [`**Kort fortalt:** ${summary}${mark}${draftMark}`];
  const quotes: string[] = [];
  const shown: Unit[] = [summaryUnit];
  for (const u of relevant) {
    if (quotes.length >= 2) break;
    if (u.id === summaryUnit.id) continue;
    const m = cites.cite([u.id], question);
    const n = Number(/\[(\d+)\]/.exec(m)?.[1] ?? 0);
    const c = cites.list.find((x) => x.n === n);
    if (!c || c.quote === summary || shown.some((x) => x.id === c.unitId) || !quotable(c.quote)) continue;
    const shownUnit = corpus.unit(c.unitId) ?? u;
    shown.push(shownUnit);
    quotes.push(`> ${c.quote}${m}\n> — ${labelWithStatus(shownUnit)}`);
  }
  if (quotes.length) out.push(`**Mere fra kilderne:**\n\n${quotes.join('\n\n')}`);
  const stale = shown.filter((u) => u.status === 'ophævet');
  if (stale.length) out.push('⚠️ Et af uddragene stammer fra en ophævet kilde og beskriver de tidligere regler.');
  if (restsOnDraft(shown)) out.push(DRAFT_NOTE);
  out.push(DISCLAIMER);
  // A summary that is longer than the field allows is shown in the answer only, never cut.
  return { answer: out.join('\n\n'), citations: cites.list, ...(summary.length <= SUMMARY_MAX ? { summary } : {}) };
}

/**
 * The sentence (or two) among the top passages that best answers the question (see summary.ts): scored on the
 * question's stemmed terms (inverse document frequency, damped by length) and the passage's rank, source and
 * answer-type cues. The scorer is the learned one (`src/answer/model/summary.json`, `npm run train:summary`)
 * when it is shipped, else the hand-set priors chosen in the first round of `npm run eval:answers`.
 */
export function bestSentence(
  question: string,
  units: readonly Unit[],
  corpus?: CorpusIndex,
  /** The first `ranked0` units are not ranked by search (the rule data's citations): no rank discount. */
  ranked0 = 0,
  /** Search scores by unit id, relative to the top hit's (a feature of the learned scorer). */
  hitScores?: ReadonlyMap<string, number>,
): { unit: Unit; sentence: string } | undefined {
  const cands = summaryCandidates(question, units, corpus, ranked0, hitScores);
  summaryObserver.observe?.(question, cands);
  const best = pick(cands, summaryModel()?.weights ?? handWeights());
  return best ? { unit: best.unit, sentence: best.sentence } : undefined;
}

export const OUT_OF_SCOPE_ANSWER =
  'Jeg kan kun hjælpe med reglerne om magtanvendelse og andre indgreb i selvbestemmelsesretten over for voksne (serviceloven kap. 24–24 d). Spørg fx: "Må vi låse hoveddøren om natten på vores botilbud?" eller "Hvem klager man til over en afgørelse om stofseler?"';

// ------------------------------------------------------------------------------------------------
// Verification of LLM-written explanation.

/** Phrases that state a legality conclusion; allowed only when they agree with the verdict. */
const CONCLUSIONS: Array<{ re: RegExp; allowed: readonly string[] }> = [
  { re: /\b(ulovlig|ikke (?:er )?(?:lovligt?|tilladt)|må ikke|forbudt)\b/iu, allowed: ['not_permitted'] },
  {
    re: /\b(?:er|være) (?:helt )?(?:lovligt?|tilladt)\b|\bmå gerne\b|\bhar (?:I|du|vi) lov\b|\bdet er i orden\b/iu,
    allowed: [],
  },
  { re: /^\s*(?:ja|nej)\b/iu, allowed: [] },
  { re: /\bikke magtanvendelse\b/iu, allowed: ['not_force'] },
  {
    re: /\bkræver (?:en )?afgørelse\b/iu,
    allowed: ['requires_municipal_decision', 'requires_board_decision', 'requires_family_court_decision'],
  },
];

const QUOTE_RE = /[„"»“]([^"“”«»]{20,})["”«“]/gu;

export interface Verification {
  ok: boolean;
  problems: string[];
}

/**
 * Checks LLM-written explanation: every [n] refers to a given passage, every quotation is verbatim in
 * its passage's unit, and no legality conclusion other than the verdict's is asserted.
 */
export function verifyExplanation(
  text: string,
  passages: readonly Citation[],
  corpus: CorpusIndex,
  outcome?: string,
): Verification {
  const problems: string[] = [];
  const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (!markers.length) problems.push('no citation markers');
  for (const n of markers) if (!passages.some((p) => p.n === n)) problems.push(`unknown citation [${n}]`);
  const texts = passages.map((p) => corpus.unit(p.unitId)?.text ?? '');
  for (const m of text.matchAll(QUOTE_RE)) {
    const q = m[1]!.trim();
    if (!texts.some((t) => t.includes(q))) problems.push(`quote not found verbatim: "${q.slice(0, 60)}"`);
  }
  for (const c of CONCLUSIONS) {
    if (c.re.test(text) && !(outcome && c.allowed.includes(outcome))) problems.push(`asserts a conclusion: ${c.re}`);
  }
  return { ok: problems.length === 0, problems };
}
