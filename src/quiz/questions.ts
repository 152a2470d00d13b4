/**
 * Questions per scenario, keyed by the rule evaluator at run time. Each question kind reads one field
 * of the verdict; its options are the possible values of that field (the correct one plus distractors
 * drawn from the other values), so exactly one option matches the verdict. A kind is only asked when
 * the verdict's answer to it is definite.
 */
import { COMPLAINT_LABEL, DECIDED_BY_LABEL } from '../answer/labels.ts';
import {
  allProvisions,
  ComplaintToSchema,
  DecidedBySchema,
  evaluate,
  FACT_QUESTIONS,
  type FactName,
  OUTCOMES,
  type Outcome,
  type Verdict,
} from '../rules/index.ts';
import { QUESTION_KINDS, type QuestionKind, requestOf, type Scenario } from './bank.ts';

export type { QuestionKind };
export { QUESTION_KINDS };

export const KIND_PROMPT: Record<QuestionKind, string> = {
  is_force: 'Er det magtanvendelse?',
  decided_by: 'Hvem træffer beslutningen?',
  must_register: 'Skal det registreres og indberettes?',
  complaint: 'Hvor kan borgeren klage?',
  provision: 'Hvilken bestemmelse giver hjemmel?',
  permitted: 'Er det tilladt?',
  missing: 'Hvad mangler du at vide, før du kan svare?',
};

/** The provision question when the measure is not permitted: the rule that governs it, not a basis. */
const PROVISION_NOT_PERMITTED_PROMPT = 'Hvilken bestemmelse skal indgrebet vurderes efter?';

/** Kinds about registration and complaints (the "registrering og klage" topic draws these from every scenario). */
export const REGISTRATION_KINDS: readonly QuestionKind[] = ['must_register', 'complaint'];

export interface QuizOption {
  id: string;
  /** In a practitioner's words ("Kommunalbestyrelsen skal træffe afgørelse først"). */
  label: string;
  /** Secondary text, e.g. the paragraph ("SEL § 124 c") of a provision option. */
  detail?: string;
}

export interface Question {
  /** Stable id: `<scenarioId>:<kind>` (the xAPI object and the spaced-repetition key). */
  id: string;
  scenarioId: string;
  kind: QuestionKind;
  prompt: string;
  options: QuizOption[];
}

export interface KeyedQuestion extends Question {
  correctOptionId: string;
  verdict: Verdict;
}

export const PERMITTED_LABEL: Record<Outcome, string> = {
  not_force: 'Ja, det er ikke magtanvendelse, så reglerne om magtanvendelse gælder ikke',
  staff_may_decide: 'Ja, personalet må selv gøre det i situationen, når betingelserne er opfyldt',
  requires_municipal_decision: 'Kommunalbestyrelsen skal træffe afgørelse først',
  requires_board_decision: 'Det Socialfaglige Nævn skal træffe afgørelse først',
  requires_family_court_decision: 'Familieretshuset skal træffe afgørelse først',
  not_permitted: 'Nej, det må ikke bruges',
  needs_more_facts: 'Det kan ikke afgøres ud fra oplysningerne',
};

const NO_DECIDER: QuizOption = { id: 'none', label: 'Ingen: indgrebet må ikke bruges' };
const NO_COMPLAINT: QuizOption = { id: 'none', label: 'Der er ingen klageadgang' };
const NO_PROVISION: QuizOption = { id: 'none', label: 'Ingen: der er ikke hjemmel i serviceloven' };

function ucFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Deterministic PRNG (mulberry32) seeded from a string, so a question always shows the same options. */
export function seeded(seed: string): () => number {
  let h = 1779033703;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = (h ^ (h >>> 13)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The correct option plus up to `max - 1` distractors (preferred ones first), in a seeded order. */
function choose(
  id: string,
  correct: QuizOption,
  pool: readonly QuizOption[],
  opts: { max?: number; preferred?: readonly string[]; keepOrder?: boolean } = {},
): QuizOption[] {
  const max = opts.max ?? 4;
  const rnd = seeded(id);
  const others = pool.filter((o) => o.id !== correct.id && o.label !== correct.label);
  const preferred = shuffle(
    others.filter((o) => opts.preferred?.includes(o.id)),
    rnd,
  );
  const rest = shuffle(
    others.filter((o) => !opts.preferred?.includes(o.id)),
    rnd,
  );
  const picked = [correct, ...[...preferred, ...rest].slice(0, max - 1)];
  if (opts.keepOrder) return pool.filter((o) => picked.some((p) => p.id === o.id));
  return shuffle(picked, rnd);
}

/** "SEL § 128 b, stk. 2" → "sel-128b-stk2" (an option id). */
export function provisionSlug(label: string): string {
  return label
    .toLowerCase()
    .replace(/§/g, '')
    .replace(/stk\./g, 'stk')
    .replace(/[^a-z0-9æøå]+/g, ' ')
    .trim()
    .replace(/\s+(?=[a-zæøå](?:\s|$))/g, '')
    .replace(/\s+/g, '-');
}

/** The paragraph of a provision label ("SEL § 136 e, stk. 5" → "SEL § 136 e"). */
function paragraphOf(label: string): string {
  return label.replace(/,\s*stk\..*$/, '').trim();
}

let provisionTitles: Map<string, string> | undefined;
/** Every provision label with the title a practitioner knows it by (the shortest of its variants' titles). */
function provisionTitleMap(): Map<string, string> {
  if (!provisionTitles) {
    provisionTitles = new Map();
    for (const p of allProvisions()) {
      if (!p.label || p.label.includes(' eller ')) continue;
      const prev = provisionTitles.get(p.label);
      if (!prev || p.title.length < prev.length) provisionTitles.set(p.label, p.title);
    }
  }
  return provisionTitles;
}
function allProvisionLabels(): string[] {
  return [...provisionTitleMap().keys()];
}

/** A provision as an option: the practitioner's name for it, the paragraph as secondary text. */
export function provisionOption(label: string): QuizOption {
  return { id: provisionSlug(label), label: provisionTitleMap().get(label) ?? label, detail: label };
}

function isDecision(o: Outcome): boolean {
  return (
    o === 'requires_municipal_decision' || o === 'requires_board_decision' || o === 'requires_family_court_decision'
  );
}

/** Builds one kind of question for a verdict, or null when the verdict's answer to it is not definite. */
export function buildQuestion(s: Scenario, kind: QuestionKind, v: Verdict): Omit<KeyedQuestion, 'verdict'> | null {
  const id = `${s.id}:${kind}`;
  const base = { id, scenarioId: s.id, kind, prompt: KIND_PROMPT[kind] };
  const undecided = v.outcome === 'needs_more_facts';
  if (undecided && kind !== 'missing') return null;
  switch (kind) {
    case 'is_force': {
      if (v.isForce === null) return null;
      const options = [
        { id: 'yes', label: 'Ja, det er magtanvendelse (et indgreb i selvbestemmelsesretten)' },
        { id: 'no', label: 'Nej, det er ikke magtanvendelse' },
      ];
      return { ...base, options, correctOptionId: v.isForce ? 'yes' : 'no' };
    }
    case 'decided_by': {
      let correct: QuizOption;
      if (v.decidedBy !== null && v.outcome !== 'not_permitted')
        correct = { id: v.decidedBy, label: ucFirst(DECIDED_BY_LABEL[v.decidedBy] ?? v.decidedBy) };
      else if (v.decidedBy === null && v.outcome === 'not_permitted') correct = NO_DECIDER;
      else return null;
      const pool = [
        ...DecidedBySchema.options.map((d) => ({ id: d, label: ucFirst(DECIDED_BY_LABEL[d] ?? d) })),
        NO_DECIDER,
      ];
      // Distractors from the scenario's own chapters first (no "driftsherren" in a kap. 24 hygiene case).
      const preferred =
        s.topic === 'kap24c' || s.topic === 'kap24d'
          ? ['municipal_council', 'municipality', 'leader', 'operator', 'staff', 'none']
          : ['staff', 'municipality', 'board', 'family_court', 'none'];
      return { ...base, options: choose(id, correct, pool, { preferred }), correctOptionId: correct.id };
    }
    case 'must_register': {
      // Not asked for measures that may not be used at all: "no" would wrongly suggest unlawful force goes unrecorded.
      if (v.mustRegister === null || v.outcome === 'not_permitted') return null;
      const options = [
        { id: 'yes', label: 'Ja, det skal registreres og indberettes' },
        { id: 'no', label: 'Nej, det skal ikke registreres eller indberettes som magtanvendelse' },
      ];
      return { ...base, options, correctOptionId: v.mustRegister ? 'yes' : 'no' };
    }
    case 'complaint': {
      if (v.complaintTo === null) return null;
      const correct = { id: v.complaintTo, label: ucFirst(COMPLAINT_LABEL[v.complaintTo] ?? v.complaintTo) };
      const pool = [
        ...ComplaintToSchema.options.map((c) => ({ id: c, label: ucFirst(COMPLAINT_LABEL[c] ?? c) })),
        NO_COMPLAINT,
      ];
      return { ...base, options: choose(id, correct, pool), correctOptionId: correct.id };
    }
    case 'provision': {
      const label = v.provision;
      let correct: QuizOption;
      let prompt = base.prompt;
      if (label === null) {
        if (v.outcome !== 'not_permitted') return null;
        correct = NO_PROVISION;
      } else {
        if (label.includes(' eller ') || (v.outcome === 'not_force' && v.isForce === null)) return null;
        correct = provisionOption(label);
        if (v.outcome === 'not_permitted') prompt = PROVISION_NOT_PERMITTED_PROMPT;
      }
      // Distractors never share the correct answer's paragraph (stk. 1 vs stk. 2 would be a trick question).
      const para = label ? paragraphOf(label) : null;
      const pool = [
        ...allProvisionLabels()
          .filter((l) => para === null || paragraphOf(l) !== para)
          .map(provisionOption),
        ...(label !== null && v.outcome === 'not_permitted' ? [] : [NO_PROVISION]),
      ];
      return { ...base, prompt, options: choose(id, correct, pool), correctOptionId: correct.id };
    }
    case 'permitted': {
      const correct = { id: v.outcome, label: PERMITTED_LABEL[v.outcome] };
      const pool = OUTCOMES.filter((o) => o !== 'needs_more_facts').map((o) => ({ id: o, label: PERMITTED_LABEL[o] }));
      // Prefer the neighbouring answers (e.g. a decision by someone else) over far-fetched ones.
      const preferred = isDecision(v.outcome)
        ? ['staff_may_decide', 'not_permitted', 'requires_municipal_decision', 'requires_board_decision']
        : ['staff_may_decide', 'not_permitted', 'not_force', 'requires_municipal_decision'];
      return {
        ...base,
        options: choose(id, correct, pool, { preferred, keepOrder: true }),
        correctOptionId: v.outcome,
      };
    }
    case 'missing': {
      if (!undecided || !v.missingFacts.length) return null;
      const missing = new Set(v.missingFacts.map((m) => m.fact));
      const first = v.missingFacts[0]!;
      const correct = { id: first.fact, label: first.question };
      // Distractors: facts the scenario already states, so they are certainly not missing.
      const known = Object.keys(s.request.facts)
        .filter((f): f is FactName => f in FACT_QUESTIONS && !missing.has(f as FactName))
        .map((f) => ({ id: f, label: FACT_QUESTIONS[f as FactName].question }));
      if (known.length < 2) return null;
      return { ...base, options: choose(id, correct, known), correctOptionId: correct.id };
    }
  }
}

/** Every definite question of a served scenario, keyed by the evaluator now. */
export function questionsFor(s: Scenario): KeyedQuestion[] {
  const verdict = evaluate(requestOf(s));
  const out: KeyedQuestion[] = [];
  for (const kind of QUESTION_KINDS) {
    const q = buildQuestion(s, kind, verdict);
    if (q) out.push({ ...q, verdict });
  }
  return out;
}

/** One question by id (`<scenarioId>:<kind>`), keyed now; undefined when it is not (or no longer) asked. */
export function keyedQuestion(s: Scenario, kind: QuestionKind): KeyedQuestion | undefined {
  const verdict = evaluate(requestOf(s));
  const q = buildQuestion(s, kind, verdict);
  return q ? { ...q, verdict } : undefined;
}

export function parseQuestionId(id: string): { scenarioId: string; kind: QuestionKind } | undefined {
  const i = id.lastIndexOf(':');
  if (i <= 0) return undefined;
  const kind = id.slice(i + 1) as QuestionKind;
  if (!QUESTION_KINDS.includes(kind)) return undefined;
  return { scenarioId: id.slice(0, i), kind };
}

/** Strips the key (what the client sees before answering). */
export function publicQuestion(q: KeyedQuestion): Question {
  return { id: q.id, scenarioId: q.scenarioId, kind: q.kind, prompt: q.prompt, options: q.options };
}
