/**
 * The conversation: one turn in, one answer out. Routes a message (offline, deterministic), extracts
 * facts, keeps them in a SQLite-backed session across turns, asks for the most decisive missing fact,
 * and gets every verdict from the rule evaluator. An optional LLM may help classify and extract
 * (never overriding the deterministic extractor) and write an explanation that is verified before use.
 */
import { z } from 'zod';
import { isQuestionType, questionTypeFromWording, ruleUnitsFor, withRuleStatement } from '../answer/direct.ts';
import {
  askFacts,
  type Citation,
  type Composed,
  DISCLAIMER,
  OUT_OF_SCOPE_ANSWER,
  retrievalAnswer,
  type Todo,
  verdictAnswer,
  verifyExplanation,
} from '../answer/index.ts';
import type { CorpusIndex } from '../corpus/index.ts';
import { DomainError } from '../errors/index.ts';
import { fillPrompt, type Llm, loadPrompt, maskCpr } from '../llm/index.ts';
import {
  evaluate,
  FACT_NAMES,
  FACT_QUESTIONS,
  type FactName,
  FactNameSchema,
  type Facts,
  FactsSchema,
  listMeasures,
  MeasureIdSchema,
  RULES_VERSION,
  type MeasureId as RulesMeasureId,
  type Verdict,
} from '../rules/index.ts';
import type { Store } from '../store/index.ts';
import { glossEnglish } from './english.ts';
import { extractFacts, parseAnswer, refines } from './extract.ts';
import { normalize, restoreDanishLetters } from './lexicon.ts';
import { questionTypeOf } from './question-type.ts';
import { rank } from './rank.ts';
import { asksAboutAct, type Route, route as routeMessage } from './route.ts';
import { isUnder18, UNDER_18_ANSWER } from './scope.ts';
import { incidentDateOf } from './tense.ts';

export const MAX_MESSAGE_LENGTH = 4000;

export const ChatContextSchema = z
  .object({
    measure: MeasureIdSchema.optional().describe('Indgrebet, hvis journalsystemet allerede kender det.'),
    facts: FactsSchema.optional().describe('Oplysninger, journalen allerede har (spørges ikke om igen).'),
  })
  .describe('Kontekst fra et journalsystem.');

/** A journal system's case reference, kept on the decision record and shown only to the key that made it. */
export const CaseRefSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/#-]*$/)
  .describe(
    'Journalsystemets sagsreference (1-64 tegn: bogstaver, cifre og . _ : / # -). Vises kun for nøglen, der lavede notatet.',
  );

export const ChatRequestSchema = z.object({
  sessionId: z.string().min(1).max(100).optional().describe('Fortsæt en samtale.'),
  message: z
    .string()
    .trim()
    .min(1, 'Beskeden må ikke være tom / message must not be empty')
    .max(
      MAX_MESSAGE_LENGTH,
      `Beskeden må højst være ${MAX_MESSAGE_LENGTH} tegn / at most ${MAX_MESSAGE_LENGTH} characters`,
    ),
  context: ChatContextSchema.optional(),
  caseRef: CaseRefSchema.optional().describe(
    'Journalsystemets sagsreference: gemmes på turens beslutningsnotat (GET /api/v1/records?caseRef=…).',
  ),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const OptionSchema = z.object({ value: z.union([z.string(), z.number(), z.boolean()]), label: z.string() });
export const FollowUpSchema = z.object({
  fact: z
    .union([FactNameSchema, z.literal('measure')])
    .describe('Oplysningen, der spørges om (`measure`: hvilket indgreb det drejer sig om).'),
  question: z.string(),
  options: z.array(OptionSchema),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const CitationSchema = z.object({
  n: z.number().int(),
  unitId: z.string(),
  citation: z.string(),
  quote: z.string().describe('Ordret uddrag af enheden.'),
});

export interface ChatResponse {
  sessionId: string;
  route: Route;
  answer: string;
  /** One or two plain Danish sentences (≤ 300 characters) answering the literal question. */
  summary?: string;
  /** Concrete next steps; `due` is an ISO date where the rules give a deadline. */
  todo?: Todo[];
  /** Markdown with everything the short answer leaves out. */
  details?: string;
  citations: Citation[];
  /** The journal's case reference, as sent. */
  caseRef?: string;
  verdict?: Verdict;
  /** ISO date of an incident told in the past tense (the answer is retrospective). */
  incidentDate?: string;
  followUp?: FollowUp;
  /** Id of the audit entry / decision record of this answer. */
  recordId?: number;
}

/** A summary within 300 characters (a verbatim passage sentence may be longer: cut at a word). */
function shortSummary(s: string): string {
  return s.length <= 300 ? s : `${s.slice(0, 298).replace(/\s+\S*$/u, '')} …`;
}

/** A source of ranked passages (the hybrid searcher satisfies it). */
export interface Retriever {
  search(
    query: string,
    opts: { k: number },
  ): Promise<Array<{ id: string; score: number }>> | Array<{ id: string; score: number }>;
}

interface Turn {
  role: 'user' | 'assistant';
  text: string;
  route?: Route;
  outcome?: string;
}

export interface SessionState {
  id: string;
  /** Who made the session: `key:<id>` or `local` (sessions from before owners existed: local). */
  owner?: string;
  /** The browser token it was made with, if any: only that token may continue or read it. */
  tokenId?: string | null;
  measure?: RulesMeasureId;
  facts: Partial<Facts>;
  /** The follow-up question last asked. */
  pending?: FollowUp;
  /** ISO date of an incident told in the past tense: the answer is retrospective and dated from it. */
  incidentDate?: string;
  turns: Turn[];
}

/** The owner of a request (see src/http/owner.ts): key or local client, and a browser token's id. */
export interface Caller {
  owner: string;
  tokenId: string | null;
}

export class UnknownSessionError extends DomainError {
  constructor(readonly sessionId: string) {
    super('not_found', 'unknown_session', `Ukendt samtale / unknown session: ${sessionId}`);
  }
}

/** Another turn of the same session kept winning the write (after every retry): answered 409, nothing is lost. */
export class SessionConflictError extends DomainError {
  constructor(readonly sessionId: string) {
    super(
      'conflict',
      'session_conflict',
      'Samtalen blev ændret samtidig; send beskeden igen / the session changed concurrently, send the message again',
    );
  }
}

/** How often a turn is re-run on a fresh copy of its session when a concurrent turn saved first. */
const TURN_ATTEMPTS = 8;

type ParsedChatRequest = ReturnType<typeof ChatRequestSchema.parse>;

const DECISION_OUTCOMES = new Set([
  'requires_municipal_decision',
  'requires_board_decision',
  'requires_family_court_decision',
]);

/** Facts about the person and place: kept when the conversation moves to another measure. */
const PERSON_FACTS: readonly FactName[] = [
  'documentedImpairment',
  'impairmentCause',
  'representativeObjects',
  'actor',
  'setting',
] as FactName[];

const OTHER_ANSWER_OPTION = 'other_answer';

/**
 * A follow-up never offers more than 4 buttons: a question with more answers (why a belt, which care task) shows
 * its first three and "Noget andet"; any other answer can be written in free text and is read as before.
 */
export function atMostFourOptions(f: FollowUp): FollowUp {
  if (f.options.length <= 4) return f;
  return { ...f, options: [...f.options.slice(0, 3), { value: OTHER_ANSWER_OPTION, label: 'Noget andet' }] };
}

/** A reply that continues the previous question rather than telling a case: "over …", "altså …", "hvornår?". */
const FRAGMENT_START =
  /^(?:over|om|altså|og|men|eller|hvornår|hvor\s+længe|hvor\s+mange|hvor\s+lang|hvad\s+med|hvad\s+så\s+med|i\s+forhold\s+til|angående|vedrørende|how|what\s+about|and|when)(?![\p{L}\p{N}])/u;

/** Monitoring devices: a later turn describing the device further ("den har også GPS") may change which it is. */
const DEVICE_MEASURES: readonly string[] = ['seizure_alarm', 'welfare_technology', 'camera_lookin'];
function sameDevice(a: string, b: string): boolean {
  return DEVICE_MEASURES.includes(a) && DEVICE_MEASURES.includes(b);
}

/** The value of the "Noget andet" option of a measure question (none of the candidates). */
export const OTHER_MEASURE_OPTION = 'none';

/** "Drejer det sig om …?" with the top 3 ranked candidates and "Noget andet": never more than 4 options. */
function measureFollowUp(candidates: readonly string[]): FollowUp {
  const titles = new Map(listMeasures().map((m) => [m.id as string, m.title]));
  const top = candidates.filter((c) => titles.has(c)).slice(0, 3);
  const named = top.map((c) => titles.get(c)!.toLowerCase());
  const question = named.length
    ? `Drejer det sig om ${named.length > 1 ? `${named.slice(0, -1).join(', ')} eller ${named.at(-1)}` : named[0]}?`
    : 'Hvilket indgreb drejer det sig om?';
  return {
    fact: 'measure',
    question,
    options: [
      ...top.map((c) => ({ value: c, label: titles.get(c)! })),
      { value: OTHER_MEASURE_OPTION, label: 'Noget andet' },
    ],
  };
}

function isFactName(s: string): s is FactName {
  return (FACT_NAMES as readonly string[]).includes(s);
}

/** Keeps only values the rules' schema accepts (the extractor may know facts the evaluator does not yet). */
function validFacts(facts: Record<string, unknown>): Partial<Facts> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (!isFactName(k) || v === undefined) continue;
    const shape = FactsSchema.shape[k] as z.ZodType;
    if (shape.safeParse(v).success) out[k] = v;
  }
  return out as Partial<Facts>;
}

const LlmExtractionSchema = z.object({
  route: z.enum(['rule_evaluator', 'retrieval', 'out_of_scope']),
  measure: z.string().nullable(),
  facts: z.array(
    z.object({ fact: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), evidence: z.string() }),
  ),
});

/**
 * What one answered turn leaves for its decision record: the composition root (src/server/index.ts) passes
 * `onRecord` to keep it, so the record is made here, from the answer itself, not read back from the HTTP reply.
 */
export interface TurnRecord {
  recordId: number;
  sessionId: string;
  caller: Caller | undefined;
  /** The user's message, CPR-masked. */
  question: string;
  measure: RulesMeasureId | null;
  facts: Partial<Facts>;
  verdict: Verdict | null;
  citations: ChatResponse['citations'];
  /** The journal's case reference sent with the turn. */
  caseRef?: string | undefined;
}

export interface ConversationDeps {
  corpus: CorpusIndex;
  retriever: Retriever;
  store: Store;
  llm?: Llm | undefined;
  /** Called after every answered turn with its record id (e.g. to keep the decision record's snapshot). */
  onRecord?: ((record: TurnRecord) => void | Promise<void>) | undefined;
}

export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  /** The session to continue and the version read (0: a new session, not stored yet). */
  private async load(
    sessionId: string | undefined,
    caller: Caller | undefined,
  ): Promise<{ state: SessionState; version: number }> {
    if (!sessionId)
      return {
        state: {
          id: this.deps.store.newId(),
          ...(caller ? { owner: caller.owner, tokenId: caller.tokenId } : {}),
          facts: {},
          turns: [],
        },
        version: 0,
      };
    const s = await this.stored(sessionId, caller);
    if (!s) throw new UnknownSessionError(sessionId);
    return s;
  }

  private async stored(
    sessionId: string,
    caller?: Caller,
  ): Promise<{ state: SessionState; version: number } | undefined> {
    const row = await this.deps.store.sessions.get<SessionState>(sessionId);
    if (!row) return undefined;
    const s = row.state;
    if (caller) {
      const owner = s.owner ?? 'local';
      if (owner !== caller.owner) return undefined;
      if (caller.tokenId !== null && s.tokenId !== caller.tokenId) return undefined;
    }
    // The row's key is the session's id, whatever the stored copy says.
    return { state: { ...s, id: sessionId }, version: row.version };
  }

  /**
   * Read a session (for the widget's reload and the decision record). With a caller, someone else's
   * session is not there (undefined, so the API answers 404 as for an unknown id).
   */
  async session(sessionId: string, caller?: Caller): Promise<SessionState | undefined> {
    return (await this.stored(sessionId, caller))?.state;
  }

  /** Deletes a session of the caller ("Slet samtale"); false when there is none. */
  async delete(sessionId: string, caller: Caller): Promise<boolean> {
    if (!(await this.session(sessionId, caller))) return false;
    await this.deps.store.transaction((tx) => tx.sessions.delete(sessionId));
    return true;
  }

  /**
   * Answers one turn. The session is read with its version and written only if nobody wrote it meanwhile
   * (another instance, another tab); otherwise the turn is re-run on the fresh session, so concurrent turns
   * both land, and after TURN_ATTEMPTS tries it is answered 409 `session_conflict`, never lost silently.
   */
  async handle(input: ChatRequest, caller?: Caller): Promise<ChatResponse> {
    const req = ChatRequestSchema.parse(input);
    for (let attempt = 1; ; attempt++) {
      const answered = await this.attempt(req, caller);
      if (answered) return answered;
      if (!req.sessionId || attempt >= TURN_ATTEMPTS) throw new SessionConflictError(req.sessionId ?? '');
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }

  /** One try at a turn: the answer, or undefined when a concurrent turn saved the session first. */
  private async attempt(req: ParsedChatRequest, caller: Caller | undefined): Promise<ChatResponse | undefined> {
    const { state, version } = await this.load(req.sessionId, caller);
    const message = maskCpr(req.message);
    state.turns.push({ role: 'user', text: message });
    // Spellings without æ/ø/å ("laase doeren", "maa vi") are read as Danish; the stored text stays as written.
    // A message in English is glossed into Danish words and read like any other; the answer stays Danish.
    const text = restoreDanishLetters(glossEnglish(message));
    const sessionHadCase = state.measure !== undefined;

    // Journal context: what the record already says is not asked again.
    if (req.context?.measure && !state.measure) state.measure = req.context.measure;
    let contextAdded = false;
    for (const [k, v] of Object.entries(validFacts(req.context?.facts ?? {}))) {
      if (state.facts[k as FactName] === undefined) {
        (state.facts as Record<string, unknown>)[k] = v;
        contextAdded = true;
      }
    }

    let answeredPending = false;
    let declinedMeasures = false;
    // An answer given as data for the session's case ("Afklar også" in the widget): the data is the answer, so
    // neither the pending question nor the words of the message ("Skyldes … personalemangel …: Nej") set facts.
    const answeredAsData = contextAdded && sessionHadCase;
    const pending = answeredAsData ? undefined : state.pending;
    state.pending = undefined;
    if (pending) {
      if (pending.fact === 'measure') {
        const v = parseAnswer('measure', text, pending.options);
        const m = MeasureIdSchema.safeParse(v);
        if (m.success) {
          state.measure = m.data;
          answeredPending = true;
        } else if (v === OTHER_MEASURE_OPTION) declinedMeasures = true;
      } else {
        const v = parseAnswer(pending.fact, text, pending.options, { measure: state.measure, known: state.facts });
        const valid = validFacts({ [pending.fact]: v });
        if (Object.keys(valid).length) {
          Object.assign(state.facts, valid);
          answeredPending = true;
        }
      }
    }

    let ext = extractFacts(text, { measure: state.measure, known: state.facts });
    if (answeredAsData) ext = { facts: {}, evidence: {} };
    // A later turn that mentions another act in passing ("GPS har vi prøvet, men han tager den af", "han holder
    // fast i min kollegas hår") without asking about it adds facts to the session's case instead of replacing it.
    if (
      sessionHadCase &&
      ext.measure &&
      state.measure &&
      ext.measure !== state.measure &&
      !refines(state.measure, ext.measure) &&
      !sameDevice(state.measure, ext.measure) &&
      !asksAboutAct(text)
    ) {
      const facts = extractFacts(text, { measure: state.measure, known: state.facts });
      ext = { facts: facts.facts, evidence: facts.evidence };
    }
    // After "Drejer det sig om …?" answered with more description instead of a choice, the candidates are ranked
    // on everything told so far, not on the last words alone.
    const describedFurther = pending?.fact === 'measure' && !state.measure && !declinedMeasures;
    const ranking = rank(
      describedFurther
        ? [
            ...state.turns
              .slice(0, -1)
              .filter((t) => t.role === 'user')
              .map((t) => restoreDanishLetters(glossEnglish(t.text))),
            text,
          ].join('\n')
        : text,
    );
    const lexicon = routeMessage(text);
    let r: Route = ranking.route;
    // A new case: the ranked measure (lexicon + classifier) when it clears threshold and margin.
    const newMeasure: RulesMeasureId | undefined = sessionHadCase ? ext.measure : (ranking.measure ?? ext.measure);
    // Wording that only means something for one act ("fra hans advokat" for opening post, "ikke særligt dyre" for
    // averting damage) is read against the measure the ranking chose when the lexicon found none.
    if (newMeasure && !ext.measure && newMeasure !== state.measure)
      ext = { ...extractFacts(text, { measure: newMeasure, known: state.facts }), measure: undefined };
    const extFacts = validFacts(ext.facts as Record<string, unknown>);
    const continuing = state.measure !== undefined && (answeredPending || Object.keys(extFacts).length > 0);
    // Facts added to an ongoing case ("nej, hun har ikke demens") continue it, unless a new question is asked.
    if (continuing && !ext.measure && (r !== 'retrieval' || !message.includes('?'))) r = 'rule_evaluator';
    // A later turn without a new act ("og hvis hun siger nej?", "hun plejer selv at kunne rejse sig") is read
    // against the session's case, unless it is small talk, another subject or a general question.
    const lastRoute = [...state.turns].reverse().find((t) => t.role === 'assistant')?.route;
    const offTopic = /^(?:small talk|off-topic)/u.test(lexicon.reason);
    if (state.measure && !ext.measure && !offTopic && r === 'out_of_scope') r = 'rule_evaluator';
    if (sessionHadCase && lastRoute === 'rule_evaluator' && !ext.measure && !offTopic && lexicon.route !== 'retrieval')
      r = 'rule_evaluator';
    // A statement (no question) in an ongoing case adds to it: "hun forstyrrer de andre og banker på deres døre".
    if (sessionHadCase && lastRoute === 'rule_evaluator' && !ext.measure && !offTopic && !text.includes('?'))
      r = 'rule_evaluator';
    // A fragment after an informational answer ("over en afgørelse om særlig døråbner", "hvornår?", "how long
    // max?") narrows that question, unless it asks about an act of its own: search again with both.
    let query = text;
    const previousUser = state.turns.slice(0, -1).findLast((t) => t.role === 'user');
    // A reply opening "altså …", "over …", "hvornår …" continues the question; one with no act and no facts does too,
    // unless it asks about an act of its own.
    const continues =
      FRAGMENT_START.test(normalize(text)) ||
      (!ext.measure && Object.keys(extFacts).length === 0 && !asksAboutAct(text));
    if (lastRoute === 'retrieval' && previousUser && continues && !offTopic && !req.context?.measure) {
      r = 'retrieval';
      query = `${restoreDanishLetters(glossEnglish(previousUser.text))} ${text}`;
    }
    // Journal context names the case: "Hvad skal vi gøre nu?", "Skal det indberettes?", "Hvem træffer afgørelsen?"
    // are about it (the evaluator's verdict carries who decides and the registration), unless the message turns to
    // another act.
    if (req.context?.measure && !offTopic && (!ext.measure || ext.measure === state.measure)) r = 'rule_evaluator';
    // A fact given as data for the session's case (the widget's "Afklar også" answers) continues it.
    if (answeredPending || answeredAsData) r = 'rule_evaluator';
    const child = isUnder18(text);
    if (child) r = 'out_of_scope';

    // Optional LLM help: classification and extra facts with verbatim evidence; never overrides.
    let conflict: FactName | undefined;
    if (this.deps.llm && !answeredPending) {
      const helped = await this.llmExtract(message).catch(async () => {
        await this.deps.store.counters.increment('llm_extract_failed');
        return undefined;
      });
      if (helped) {
        if (r === 'out_of_scope' && helped.route !== 'out_of_scope' && helped.measure) r = helped.route;
        if (!ext.measure && !state.measure && helped.measure && r === 'rule_evaluator') state.measure = helped.measure;
        for (const [k, v] of Object.entries(helped.facts)) {
          const f = k as FactName;
          const det = (extFacts as Record<string, unknown>)[f];
          if (det === undefined && state.facts[f] === undefined) (extFacts as Record<string, unknown>)[f] = v;
          else if (det !== undefined && det !== v) conflict = f;
        }
      }
    }

    let composed: Composed;
    let verdict: Verdict | undefined;
    let followUp: FollowUp | undefined;

    if (declinedMeasures && !newMeasure) {
      composed = {
        answer: `Beskriv gerne handlingen med dine egne ord: hvad vil I gøre (eller hvad skete der), og hvor? Så finder jeg de regler, der gælder.\n\n${DISCLAIMER}`,
        citations: [],
      };
      r = 'rule_evaluator';
    } else if (child) {
      r = 'out_of_scope';
      composed = { answer: UNDER_18_ANSWER, citations: [] };
    } else if (r === 'rule_evaluator') {
      if (newMeasure && newMeasure !== state.measure && MeasureIdSchema.safeParse(newMeasure).success) {
        if (state.measure && !refines(state.measure, newMeasure)) {
          // A new act: keep what is known about the person and the place, drop the rest (a refinement of the
          // same act, e.g. a hold that turns out to be for a care task, keeps everything).
          state.facts = Object.fromEntries(
            Object.entries(state.facts).filter(([k]) => PERSON_FACTS.includes(k as FactName)),
          ) as Partial<Facts>;
        }
        state.measure = newMeasure;
      }
      const today = new Date().toISOString().slice(0, 10);
      // A decision's date ("den er fra 1. marts 2024") is not the date of an incident.
      const decisionDateTurn = answeredPending && pending?.fact === 'decisionDate';
      const dateEvidence = ext.evidence['decisionDate'];
      const happened = decisionDateTurn
        ? null
        : incidentDateOf(dateEvidence ? normalize(text).replace(dateEvidence, ' ') : message, today);
      if (happened) state.incidentDate = happened;
      else if (newMeasure && newMeasure !== state.measure) delete state.incidentDate;
      // Newer statements win: "nej, hun har ikke demens" corrects an earlier fact.
      Object.assign(state.facts, extFacts);
      // A case established only now ("kan han flyttes uden samtykke?" after "han stak en medarbejder med en kniv i
      // går"): the earlier turns are read again against it, newest first, for what they already said.
      if (!sessionHadCase && state.measure) {
        const earlier = state.turns.slice(0, -1).filter((t) => t.role === 'user');
        for (const t of earlier.reverse()) {
          const again = extractFacts(restoreDanishLetters(glossEnglish(t.text)), {
            measure: state.measure,
            known: state.facts,
          });
          for (const [k, v] of Object.entries(validFacts(again.facts as Record<string, unknown>)))
            if (state.facts[k as FactName] === undefined) (state.facts as Record<string, unknown>)[k] = v;
        }
      }
      if (conflict) delete state.facts[conflict];
      // A move of a person who is a danger to others is § 129 a, not § 129: the danger stated anywhere in the
      // conversation ("han stak en medarbejder med en kniv i går") decides the provision.
      if (state.measure === 'relocation' && state.facts.dangerToOthers !== false) {
        const turns = state.turns.filter((t) => t.role === 'user').reverse();
        for (const t of turns) {
          const danger = extractFacts(restoreDanishLetters(glossEnglish(t.text)), {
            measure: 'relocation_danger_to_others',
          }).facts.dangerToOthers;
          if (danger === undefined) continue;
          if (danger) {
            state.measure = 'relocation_danger_to_others';
            state.facts.dangerToOthers = true;
          }
          break;
        }
      }

      if (!state.measure) {
        composed = await this.retrieve(text);
        followUp = measureFollowUp(ranking.measures.map((m) => m.label));
        composed.answer = `Jeg er ikke sikker på, hvilket indgreb du spørger om, så jeg giver ikke en vurdering endnu. ${followUp.question} Vælg nedenfor, eller beskriv handlingen mere konkret.\n\n${composed.answer}`;
      } else {
        const result = this.evaluate(state.measure, state.facts, state.incidentDate);
        composed = result.composed;
        verdict = result.verdict;
        if (conflict) {
          const q = FACT_QUESTIONS[conflict];
          followUp = { fact: q.fact, question: `Jeg er ikke sikker: ${q.question}`, options: q.options };
        } else if (verdict?.outcome === 'needs_more_facts' && verdict.missingFacts[0]) {
          followUp = verdict.missingFacts[0];
        } else if (verdict?.decisionUse) {
          // Using a decision: ask what decides its use now (the person's reaction, the decision's date).
          followUp = askFacts(verdict)[0];
        } else if (
          verdict &&
          DECISION_OUTCOMES.has(verdict.outcome) &&
          state.facts.decisionExists === undefined &&
          /\b(?:afgørelse|tilladelse)/iu.test(text)
        ) {
          // Staff mention a decision without saying they have one: ask, so the answer can be about using it.
          const q = FACT_QUESTIONS.decisionExists;
          followUp = { fact: q.fact, question: q.question, options: q.options };
        }
      }
    } else if (r === 'retrieval') {
      composed = await this.retrieve(query, newMeasure ?? state.measure);
    } else {
      composed = { answer: OUT_OF_SCOPE_ANSWER, citations: [] };
    }

    let llmUsed: string | null = null;
    if (this.deps.llm && r !== 'out_of_scope' && composed.citations.length) {
      const explained = await this.llmExplain(message, composed, verdict).catch(() => undefined);
      if (explained) {
        composed = explained;
        llmUsed = 'answer.v1';
      } else await this.deps.store.counters.increment('llm_answer_rejected');
    }

    if (followUp) followUp = atMostFourOptions(followUp);
    if (followUp) state.pending = followUp;
    state.turns.push({
      role: 'assistant',
      text: composed.answer,
      route: r,
      ...(verdict ? { outcome: verdict.outcome } : {}),
    });
    const saved =
      version === 0
        ? await this.deps.store.sessions.create(state.id, state, state.owner ?? null)
        : await this.deps.store.sessions.update(state.id, state, version);
    if (!saved) return undefined;
    const recordId = await this.deps.store.audit.add({
      sessionId: state.id,
      route: r,
      measure: verdict?.measure ?? null,
      outcome: verdict?.outcome ?? null,
      rulesVersion: RULES_VERSION,
      corpusHash: this.deps.corpus.hash,
      message,
      answer: composed.answer,
      citations: composed.citations,
      llm: llmUsed,
    });
    await this.deps.onRecord?.({
      recordId,
      sessionId: state.id,
      caller,
      question: message,
      measure: verdict?.measure ?? state.measure ?? null,
      facts: state.facts,
      verdict: verdict ?? null,
      citations: composed.citations,
      caseRef: req.caseRef,
    });

    return {
      sessionId: state.id,
      route: r,
      answer: composed.answer,
      ...(composed.summary ? { summary: shortSummary(composed.summary) } : {}),
      ...(composed.todo ? { todo: composed.todo } : {}),
      ...(composed.details ? { details: composed.details } : {}),
      citations: composed.citations,
      ...(req.caseRef ? { caseRef: req.caseRef } : {}),
      ...(verdict ? { verdict } : {}),
      ...(verdict && state.incidentDate ? { incidentDate: state.incidentDate } : {}),
      ...(followUp ? { followUp } : {}),
      recordId,
    };
  }

  private evaluate(
    measure: RulesMeasureId,
    facts: Partial<Facts>,
    incidentDate?: string,
  ): { composed: Composed; verdict?: Verdict } {
    try {
      const verdict = evaluate({ measure, facts });
      const date = incidentDate ?? new Date().toISOString().slice(0, 10);
      return { composed: verdictAnswer(verdict, this.deps.corpus, date, !!incidentDate), verdict };
    } catch (err) {
      // A measure the evaluator does not cover: say so honestly, never guess a verdict.
      const why = err instanceof Error ? err.message : String(err);
      return {
        composed: {
          answer: `**Regelmotoren kan ikke give en vurdering af dette indgreb.** ${why}\n\nJeg gætter ikke på et svar. Tal med din leder eller kommunen.\n\n${DISCLAIMER}`,
          citations: [],
        },
      };
    }
  }

  private async retrieve(message: string, measure?: RulesMeasureId): Promise<Composed> {
    const hits = await this.deps.retriever.search(message, { k: 8 });
    // The question's kind from the language layer's head when it is confident, else from plain wording.
    const kind = questionTypeOf(message)?.type;
    const type = isQuestionType(kind) ? kind : questionTypeFromWording(message);
    const composed = retrievalAnswer(message, hits, this.deps.corpus, ruleUnitsFor(type, measure));
    // Below the quoted summary, what the rules' data says on that point for the measure (issue 14, item 1).
    return type && measure && hits.length ? withRuleStatement(composed, type, measure, this.deps.corpus) : composed;
  }

  private async llmExtract(
    message: string,
  ): Promise<{ route: Route; measure?: RulesMeasureId; facts: Partial<Facts> } | undefined> {
    const llm = this.deps.llm!;
    const prompt = loadPrompt('extract.v1');
    const facts = FACT_NAMES.map(
      (f) => `${f} (${FACT_QUESTIONS[f].options.map((o) => String(o.value)).join('|')})`,
    ).join('; ');
    const system = fillPrompt(prompt, {
      measures: listMeasures()
        .map((m) => m.id)
        .join(', '),
      facts,
    });
    const out = await llm.structured(system, message, LlmExtractionSchema, 'extraction');
    const lower = message.toLowerCase();
    const accepted: Record<string, unknown> = {};
    for (const f of out.facts) {
      // Only facts whose evidence stands verbatim in the message.
      if (f.evidence.trim().length >= 2 && lower.includes(f.evidence.trim().toLowerCase())) accepted[f.fact] = f.value;
    }
    const m = MeasureIdSchema.safeParse(out.measure);
    return { route: out.route, ...(m.success ? { measure: m.data } : {}), facts: validFacts(accepted) };
  }

  private async llmExplain(
    message: string,
    offline: Composed,
    verdict: Verdict | undefined,
  ): Promise<Composed | undefined> {
    const llm = this.deps.llm!;
    const passages = offline.citations.map((c) => `[${c.n}] ${c.citation}: ${c.quote}`).join('\n');
    const verdictText = verdict ? offline.answer.split('\n\n')[0]! : 'Ingen (informationsspørgsmål).';
    const user = fillPrompt(loadPrompt('answer.v1'), { question: message, verdict: verdictText, passages });
    const text = (await llm.complete('Du er Hjemmel, et dansk vejledningsværktøj.', user)).trim();
    const check = verifyExplanation(text, offline.citations, this.deps.corpus, verdict?.outcome);
    if (!check.ok) return undefined;
    // Code keeps the verdict block (or the quoted passages) verbatim; the model only adds explanation.
    const body = offline.answer.endsWith(DISCLAIMER)
      ? offline.answer.slice(0, -DISCLAIMER.length).trimEnd()
      : offline.answer;
    return { ...offline, answer: `${body}\n\n**Forklaring:** ${text}\n\n${DISCLAIMER}`, citations: offline.citations };
  }
}
