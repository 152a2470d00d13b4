/**
 * Direct answers from the rules' own data for the questions staff ask most (registration deadline, who
 * registers and receives the report, complaint route, maximum duration, who decides, whether it is force,
 * relatives informed, action plan, target group) — per measure or in general. Nothing here is written by
 * hand per measure: every sentence is rendered from the rule evaluator's verdicts, and every citation is a
 * unit the rule data cites. The question type and the measure come from the language layer.
 */
import type { CorpusIndex } from '../corpus/index.ts';
import {
  evaluate,
  FACT_QUESTIONS,
  type FactName,
  implementedMeasures,
  listMeasures,
  type MeasureId,
  routingFactsOf,
  type Verdict,
} from '../rules/index.ts';
import { type Citation, CitationList, type Composed, DISCLAIMER } from './index.ts';
import { COMPLAINT_LABEL, DECIDED_BY_LABEL } from './labels.ts';

export const QUESTION_TYPES = [
  'registration_deadline',
  'who_registers_reports',
  'complaint',
  'max_duration',
  'who_decides',
  'is_force',
  'target_group',
  'relatives_informed',
  'action_plan',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One way a measure can come out: the verdict for one completion of its routing facts. */
export interface Variant {
  /** Danish description of the routing facts that lead here ("demens", "ikke demens, 1 gang før"). */
  when: string;
  verdict: Verdict;
}

const variantCache = new Map<string, Variant[]>();

/**
 * The distinct provisions a measure routes to, each with the verdict of the first completion of its routing
 * facts that reaches it (facts from the measure's own routing facts and their answer options).
 */
export function variantsOf(measure: MeasureId, asOf?: string): Variant[] {
  const key = `${measure}|${asOf ?? ''}`;
  const cached = variantCache.get(key);
  if (cached) return cached;
  const routing = routingFactsOf(measure);
  const combos: Array<Partial<Record<FactName, unknown>>> = [{}];
  for (const fact of routing) {
    const values = FACT_QUESTIONS[fact].options.map((o) => o.value);
    const next: typeof combos = [];
    for (const c of combos) for (const v of values) next.push({ ...c, [fact]: v });
    combos.splice(0, combos.length, ...next);
  }
  const out: Variant[] = [];
  const seen = new Set<string>();
  for (const facts of combos) {
    const verdict = evaluate({ measure, facts, ...(asOf ? { asOf } : {}) });
    if (verdict.outcome === 'needs_more_facts' && routing.length) continue;
    const id = verdict.provision ?? 'none';
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ when: describe(facts), verdict });
  }
  if (!out.length) out.push({ when: '', verdict: evaluate({ measure, facts: {}, ...(asOf ? { asOf } : {}) }) });
  variantCache.set(key, out);
  return out;
}

function describe(facts: Partial<Record<FactName, unknown>>): string {
  return Object.entries(facts)
    .map(([f, v]) => FACT_QUESTIONS[f as FactName].options.find((o) => o.value === v)?.label ?? String(v))
    .join('; ');
}

const title = (m: MeasureId) => listMeasures().find((x) => x.id === m)?.title ?? m;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

interface Fact {
  /** Danish statement for one verdict, or null when the question does not apply to it. */
  text: string | null;
  cite: readonly string[];
}

function complaintReason(v: Verdict) {
  return v.reasons.find((r) => /\b(?:klages|påklages|indbringes)\b/i.test(r.text));
}

/** What a verdict says about the asked question. */
function factFor(type: QuestionType, v: Verdict): Fact {
  const reg = v.registration && v.registration.regime !== 'none' ? v.registration : null;
  switch (type) {
    case 'registration_deadline':
      if (!reg) return { text: v.mustRegister === false ? 'skal ikke registreres som magtanvendelse' : null, cite: [] };
      return { text: `registreres ${reg.deadline}`, cite: reg.citations };
    case 'who_registers_reports':
      if (!reg) return { text: null, cite: [] };
      return {
        text: [
          reg.registeredBy ? `registreres af ${lower(reg.registeredBy)}` : '',
          reg.reportTo ? `indberettes til ${lower(reg.reportTo)}` : '',
        ]
          .filter(Boolean)
          .join('; '),
        cite: reg.citations,
      };
    case 'complaint': {
      if (!v.complaintTo)
        return { text: v.isForce === false ? null : 'ingen særlig klageadgang efter kap. 24', cite: [] };
      const r = complaintReason(v);
      return {
        text: r ? lower(r.text.replace(/\.$/, '')) : `der kan klages til ${COMPLAINT_LABEL[v.complaintTo]}`,
        cite: r?.citations ?? [],
      };
    }
    case 'max_duration':
      if (v.maxDurationMonths === null)
        return {
          text: v.decidedBy && v.decidedBy !== 'staff' ? 'ingen fast længste varighed i reglerne' : null,
          cite: [],
        };
      return { text: `en afgørelse kan højst gælde ${v.maxDurationMonths} måneder ad gangen`, cite: durationCites(v) };
    case 'who_decides':
      if (!v.decidedBy)
        return {
          text: v.outcome === 'not_permitted' ? 'ingen kan give tilladelse: der er ikke hjemmel' : null,
          cite: [],
        };
      return {
        text: `afgøres af ${DECIDED_BY_LABEL[v.decidedBy] ?? v.decidedBy}`,
        cite: v.reasons[0]?.citations ?? [],
      };
    case 'is_force':
      if (v.isForce === null) return { text: null, cite: [] };
      return {
        text: v.isForce ? 'er magtanvendelse (et indgreb i selvbestemmelsesretten)' : 'er ikke magtanvendelse',
        cite: v.reasons[0]?.citations ?? [],
      };
    case 'relatives_informed':
      if (!reg) return { text: null, cite: [] };
      return {
        text: reg.relativesInformed
          ? 'pårørende/værge skal orienteres'
          : 'ingen særlig pligt til at orientere pårørende i reglerne',
        cite: reg.citations,
      };
    case 'action_plan':
      return {
        text: v.actionPlanRequired ? 'skal indgå i en handleplan (SEL § 141)' : null,
        cite: v.actionPlanRequired ? ['sel-141-stk1'] : [],
      };
    case 'target_group':
      return {
        text: v.isForce ? 'gælder personer med betydelig og varigt nedsat psykisk funktionsevne (SEL § 124 a)' : null,
        cite: v.isForce ? ['sel-124a'] : [],
      };
  }
}

function durationCites(v: Verdict): string[] {
  return v.reasons.filter((r) => /måneder/.test(r.text)).flatMap((r) => r.citations);
}

/** At most 300 characters, cut at a word boundary. */
function clip(s: string): string {
  return s.length > 300 ? `${s.slice(0, s.lastIndexOf(' ', 296))} …` : s;
}

const QUESTION_LABEL: Record<QuestionType, string> = {
  registration_deadline: 'Frist for registrering',
  who_registers_reports: 'Registrering og indberetning',
  complaint: 'Klageadgang',
  max_duration: 'Længste varighed',
  who_decides: 'Hvem beslutter',
  is_force: 'Er det magtanvendelse',
  target_group: 'Målgruppe',
  relatives_informed: 'Pårørende',
  action_plan: 'Handleplan',
};

/**
 * What every provision of the measure says alike on the point a question of this type asks (one sentence, cited
 * with the units the rule data cites); undefined when the provisions differ on it or say nothing.
 */
function agreedStatement(
  type: QuestionType,
  measure: MeasureId,
  corpus: CorpusIndex,
  asOf?: string,
): { summary: string; mark: string; citations: Citation[] } | undefined {
  const facts = variantsOf(measure, asOf)
    .map((v) => factFor(type, v.verdict))
    .filter((f) => f.text);
  if (!facts.length || new Set(facts.map((f) => f.text)).size > 1) return undefined;
  const f = facts[0]!;
  const cites = new CitationList(corpus);
  const mark = cites.cite(f.cite, f.text ?? '', 3);
  return { summary: clip(sentence(`${title(measure)}: ${f.text}`)), mark, citations: cites.list };
}

/**
 * A direct answer to a question of a known type, for one measure or (without a measure) grouped over all
 * measures; undefined when the rule data has nothing to say for it.
 */
export function directAnswer(
  type: QuestionType,
  measure: MeasureId | undefined,
  corpus: CorpusIndex,
  asOf?: string,
): Composed | undefined {
  const cites = new CitationList(corpus);
  const lines: string[] = [];
  let summary = '';
  if (measure) {
    const variants = variantsOf(measure, asOf);
    const facts = variants.map((v) => ({ v, f: factFor(type, v.verdict) })).filter((x) => x.f.text);
    if (!facts.length) return undefined;
    const agreed = agreedStatement(type, measure, corpus, asOf);
    if (agreed) {
      const answer = [`**Kort fortalt:** ${agreed.summary}${agreed.mark}`, DISCLAIMER].join('\n\n');
      return { answer, citations: agreed.citations, summary: agreed.summary };
    } else {
      const byText = new Map<string, string[]>();
      for (const x of facts) byText.set(x.f.text!, [...(byText.get(x.f.text!) ?? []), x.v.verdict.provision ?? '']);
      summary = sentence(
        `${title(measure)} – det afhænger af bestemmelsen. ${[...byText].map(([t, ps]) => `${ps.join(' og ')}: ${t}`).join('. ')}`,
      );
      lines.push('Det afhænger af, hvilken bestemmelse der gælder:');
      for (const x of facts) {
        const basis = x.v.verdict.provision ?? '';
        lines.push(`- **${basis}** (${lower(x.v.when)}): ${x.f.text}${cites.cite(x.f.cite, x.f.text ?? '', 2)}`);
      }
    }
  } else {
    // In general: group the measures by what their main provision says.
    const groups = new Map<string, { measures: MeasureId[]; cite: readonly string[] }>();
    for (const m of implementedMeasures) {
      const v = variantsOf(m, asOf)[0]!;
      const f = factFor(type, v.verdict);
      if (!f.text || v.verdict.outcome === 'not_permitted') continue;
      const g = groups.get(f.text) ?? { measures: [], cite: f.cite };
      g.measures.push(m);
      groups.set(f.text, g);
    }
    if (!groups.size) return undefined;
    // In the law's order (kap. 24 before 24 a–d), by the group's first measure.
    const order = (g: { measures: MeasureId[] }) => implementedMeasures.indexOf(g.measures[0]!);
    const sorted = [...groups].sort((a, b) => order(a[1]) - order(b[1]));
    // The summary names the groups that say something positive ("skal ikke registreres" is the list's job).
    const positive = sorted.filter(([text]) => !/^(?:skal ikke|ingen )/.test(text));
    const parts = (positive.length ? positive : sorted)
      .slice(0, 2)
      .map(([text, g]) => `${title(g.measures[0]!)}${g.measures.length > 1 ? ' m.fl.' : ''}: ${text}`);
    summary = sentence(
      sorted.length === 1 ? `For alle indgreb: ${sorted[0]![0]}` : `Det afhænger af indgrebet. ${parts.join('. ')}`,
    );
    lines.push(`**${QUESTION_LABEL[type]}**`);
    for (const [text, g] of sorted.slice(0, 6)) {
      const names = g.measures.slice(0, 4).map(title).join(', ') + (g.measures.length > 4 ? ' m.fl.' : '');
      lines.push(`- ${names}: ${text}${cites.cite(g.cite, text, 2)}`);
    }
  }
  summary = clip(summary);
  const answer = [`**Kort fortalt:** ${summary}`, lines.join('\n'), DISCLAIMER].join('\n\n');
  return { answer, citations: cites.list, summary };
}

/** Question types read off an informational question's wording (first match wins). */
const QUESTION_TYPE_PATTERNS: Array<{ type: QuestionType; re: RegExp }> = [
  {
    type: 'max_duration',
    re: /\bhvor\s+(?:længe|lang\s+tid)\b.*\b(?:gælde|gælder|tilladelse|afgørelse|bruge|bruges)\b/iu,
  },
  { type: 'complaint', re: /\bklage[rs]?\b|\bpåklage/iu },
  { type: 'registration_deadline', re: /\b(?:hvornår|frist|hvor\s+hurtigt)\b.*\b(?:registrer|indberet)/iu },
  { type: 'who_registers_reports', re: /\bhvem\b.*\b(?:registrer|indberet)/iu },
  { type: 'who_decides', re: /\bhvem\b.*\b(?:træffer|beslutter|bestemmer|afgør|giver\s+(?:lov|tilladelse))/iu },
  { type: 'relatives_informed', re: /\bpårørende\b.*\b(?:orienter|informer|besked|at\s+vide)/iu },
  { type: 'action_plan', re: /\bhandleplan/iu },
];

/** The question type of an informational question, when its wording says it plainly (a fallback). */
export function questionTypeFromWording(question: string): QuestionType | undefined {
  return QUESTION_TYPE_PATTERNS.find((p) => p.re.test(question))?.type;
}

/** Whether a label (e.g. the language layer's question kind) is a question type the rule data answers. */
export function isQuestionType(label: string | undefined): label is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(label ?? '');
}

/**
 * The units the rules' data cites for what a question of a known type asks about one measure (the provisions
 * that state the duration, the registration, the complaint route, …), in the rule data's order.
 */
export function ruleUnitsFor(type: QuestionType | undefined, measure: MeasureId | undefined, asOf?: string): string[] {
  if (!type || !measure) return [];
  const out: string[] = [];
  for (const v of variantsOf(measure, asOf)) {
    const f = factFor(type, v.verdict);
    if (f.text) for (const id of f.cite) if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Adds the rules' own statement of what a question of a known kind asks about one measure ("**Efter reglerne:**
 * Stofseler: en afgørelse kan højst gælde 18 måneder ad gangen.") below the quoted summary of an informational
 * answer, cited with the units the rule data cites, numbered after the passages' citations. The summary itself stays
 * the verbatim quote. Nothing is added when the rules' statement depends on facts the question does not give (a
 * measure whose provisions differ on the point).
 */
export function withRuleStatement(
  composed: Composed,
  type: QuestionType,
  measure: MeasureId,
  corpus: CorpusIndex,
  asOf?: string,
): Composed {
  const direct = agreedStatement(type, measure, corpus, asOf);
  if (!direct) return composed;
  const citations = [...composed.citations];
  const marks: number[] = [];
  for (const c of direct.citations) {
    let shown = citations.find((x) => x.unitId === c.unitId);
    if (!shown) {
      shown = { ...c, n: citations.length + 1 };
      citations.push(shown);
    }
    if (!marks.includes(shown.n)) marks.push(shown.n);
  }
  const line = `**Efter reglerne:** ${direct.summary}${marks.length ? ` ${marks.map((n) => `[${n}]`).join('')}` : ''}`;
  const parts = composed.answer.split('\n\n');
  parts.splice(1, 0, line);
  return { ...composed, answer: parts.join('\n\n'), citations };
}
