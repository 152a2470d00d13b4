/**
 * The generic engine: evaluates a measure's provision table against the facts.
 * Pure and synchronous; no I/O per call.
 */
import { decisionUseFor, PRIOR_DECIDERS } from './decision-use.ts';
import { FACT_QUESTION_TEMPLATES as FACT_QUESTIONS } from './facts.ts';
import {
  DECIDER,
  MAX_DURATION_MONTHS,
  type Period,
  param,
  periodAt,
  RULES_VERSION,
  renderText,
  VALID_FROM,
} from './params.ts';
import { atMost, factsOf, primaryFact, test } from './predicates.ts';
import { registrationFor } from './registration.ts';
import type {
  ConditionResult,
  ConditionStatus,
  DecidedBy,
  FactName,
  Facts,
  MissingFact,
  Outcome,
  Reason,
  Verdict,
} from './schema.ts';
import type { ConditionDef, ConditionKind, MeasureDef, Provision } from './types.ts';

const KIND_RANK: Record<ConditionKind, number> = {
  target: 0,
  prohibition: 1,
  statutory: 2,
  scope: 3,
  actor: 4,
  authority: 5,
};

/**
 * Outcome per decider. The outcomes are a fixed contract, so the kap. 24 c/d deciders map onto them:
 * - leader (interim decision of the § 108 boform's leader or stedfortræder when urgent, § 137 f, stk. 2) and
 *   operator (driftsherren's general device ban, § 137 g, stk. 4) decide on the spot without a prior decision by an
 *   authority: staff_may_decide (the interim decision must be registered and submitted to the kommunalbestyrelse
 *   at once and stops if overturned; the ban must be in the husorden) — conditions and reasons say so;
 * - municipal_council (only at a meeting of kommunalbestyrelsen or the standing committee, § 137 d, stk. 1):
 *   requires_municipal_decision, like every decision of the handlekommune (municipality).
 * Scanners (§ 137 h, stk. 2) need no decision at all: decider staff, staff_may_decide.
 */
const OUTCOME_BY_DECIDER: Record<DecidedBy, Outcome> = {
  staff: 'staff_may_decide',
  municipality: 'requires_municipal_decision',
  board: 'requires_board_decision',
  family_court: 'requires_family_court_decision',
  leader: 'staff_may_decide',
  operator: 'staff_may_decide',
  municipal_council: 'requires_municipal_decision',
};

const DECIDER_TEXT: Record<DecidedBy, string> = {
  staff: 'Personalet/personalelederen kan selv træffe beslutning i situationen uden forudgående afgørelse.',
  municipality: 'Det kræver en forudgående afgørelse fra kommunalbestyrelsen i handlekommunen.',
  board:
    'Det kræver en afgørelse fra Det Socialfaglige Nævn vedrørende Magtanvendelse over for Borgere med Handicap efter indstilling fra kommunalbestyrelsen.',
  family_court: 'Det kræver en afgørelse fra Familieretshuset efter indstilling fra kommunalbestyrelsen.',
  leader:
    'Lederen af boformen eller lederens stedfortræder kan træffe en foreløbig afgørelse, fordi indgrebet er uopsætteligt og ikke kan afvente kommunalbestyrelsen. Afgørelsen skal registreres og snarest muligt forelægges kommunalbestyrelsen i handlekommunen til godkendelse; underkendes den, skal indgrebet straks ophøre.',
  operator:
    'Driftsherren (den myndighed, der driver boformen) beslutter det selv. Det er ikke en afgørelse: der skal ikke registreres eller indberettes, og der kan ikke klages til Ankestyrelsen.',
  municipal_council:
    'Det kræver en afgørelse truffet på et møde i kommunalbestyrelsen eller det stående udvalg (i kommuner med magistratsordning af magistratsmedlemmet) i handlekommunen. Kompetencen kan ikke delegeres til forvaltningen; kun når sagen er uopsættelig, kan forvaltningen træffe en foreløbig afgørelse.',
};

/** Kap. 24 c and 24 d do not turn on the person's consent (§ 137 a-d concern visitors; kap. 24 d needs no consent). */
export function usesConsent(p: Provision): boolean {
  return p.chapter !== '24c' && p.chapter !== '24d';
}

/** The closing reason of a not_permitted verdict, per chapter. */
function notPermittedReason(p: Provision): Reason {
  if (p.chapter === '24c') {
    return {
      text: 'Besøgsrestriktionen kan derfor ikke besluttes. Udgangspunktet er, at beboeren selv bestemmer, hvem der kommer på besøg, og hvornår (§ 137 a).',
      citations: ['vejl2025-k29', 'vejl2025-k29-p1'],
    };
  }
  if (p.chapter === '24d') {
    return {
      text: 'Indgrebet må derfor ikke foretages. Kapitel 24 d giver kun hjemmel til de opregnede indgreb, når betingelserne for det enkelte indgreb er opfyldt; reglerne i kapitel 24-24 c kan stadig gælde ved siden af.',
      citations: ['vejl2025-k30-p2', 'vejl2025-k30-p3'],
    };
  }
  return {
    text: 'Indgrebet må derfor ikke bruges. Bruges der alligevel magt uden hjemmel, skal det registreres straks og senest {acute_registration_days} dage efter og indberettes til personalelederen.',
    citations: ['vejl2025-k7-p1'],
  };
}

const COMPLAINT_TEXT = {
  municipality: 'Der kan klages til kommunalbestyrelsen (uden frist).',
  ankestyrelsen: 'Der kan klages til Ankestyrelsen inden {complaint_weeks} uger.',
  familieretshuset: 'Kommunalbestyrelsens afgørelse kan påklages til Familieretshuset.',
} as const;

function statusOf(c: ConditionDef, f: Facts, asOf: string): ConditionStatus {
  if (!c.when) return 'unknown';
  const r = test(c.when, f, (name) => param(name, asOf));
  return r === true ? 'met' : r === false ? 'unmet' : 'unknown';
}

function question(fact: FactName): MissingFact {
  const q = FACT_QUESTIONS[fact];
  return { fact, question: q.question, options: q.options.map((o) => ({ ...o })) };
}

interface Evaluated {
  provision: Provision;
  conditions: { def: ConditionDef; status: ConditionStatus }[];
  verdict: Verdict;
}

function inForce<T>(table: Record<string, Period<T>[]>, key: string | null, asOf: string): Period<T> | undefined {
  if (key === null) return undefined;
  const periods = table[key];
  if (!periods) throw new Error(`Ukendt parameter / unknown parameter key: ${key}`);
  return periodAt(periods, asOf);
}

/** Conditions of a provision, including the duration limit when a period is requested. */
function conditionsOf(p: Provision, maxMonths: number | null, monthsCite: string[]): ConditionDef[] {
  if (maxMonths === null || p.maxDuration === null) return p.conditions;
  return [
    ...p.conditions,
    {
      id: 'max-duration',
      text: `Afgørelsen gælder højst ${maxMonths} måneder.`,
      cite: monthsCite,
      kind: 'statutory',
      when: atMost('requestedMonths', maxMonths),
      unmet: `Der kan højst gives tilladelse for ${maxMonths} måneder ad gangen.`,
    },
  ];
}

export function evaluateProvision(measure: MeasureDef, p: Provision, f: Facts, asOf: string): Evaluated {
  const months = inForce(MAX_DURATION_MONTHS, p.maxDuration, asOf);
  const maxMonths = months?.value ?? null;
  const monthsCite = [...(months?.citations ?? [])];
  const defs = conditionsOf(p, maxMonths, monthsCite);
  const conditions = defs.map((def) => ({ def, status: statusOf(def, f, asOf) }));
  const unmet = conditions.filter((c) => c.status === 'unmet');
  const deciderPeriod = inForce(DECIDER, p.decider, asOf);
  const decider: DecidedBy | null = deciderPeriod?.value ?? null;
  const reasons: Reason[] = [];
  reasons.push({ text: `${p.label ?? 'Ingen hjemmel'}: ${p.title}.`, citations: [...p.cite] });
  for (const n of p.notes ?? []) reasons.push({ text: n.text, citations: [...n.citations] });

  let verdict: Verdict;
  if (unmet.length > 0 || decider === null) {
    for (const u of unmet) {
      reasons.push({ text: u.def.unmet ?? `Betingelsen er ikke opfyldt: ${u.def.text}`, citations: [...u.def.cite] });
    }
    reasons.push(notPermittedReason(p));
    verdict = {
      measure: measure.id,
      provision: p.label,
      outcome: 'not_permitted',
      certainty: 'settled',
      decidedBy: null,
      isForce: p.isForce,
      mustRegister: false,
      complaintTo: null,
      maxDurationMonths: null,
      lawyerRequired: false,
      actionPlanRequired: false,
      registration: registrationFor('none', false),
      conditions: [],
      missingFacts: [],
      reasons,
      rulesVersion: RULES_VERSION,
      validFrom: VALID_FROM,
    };
  } else {
    const outcome: Outcome = decider === 'staff' && !p.isForce ? 'not_force' : OUTCOME_BY_DECIDER[decider];
    const deciderCitations = [...(deciderPeriod?.citations ?? [])];
    if (p.isForce || decider !== 'staff') {
      reasons.push({ text: p.deciderText ?? DECIDER_TEXT[decider], citations: deciderCitations });
    }
    if (!p.isForce) {
      reasons.push({
        text: 'Det er ikke magtanvendelse og skal ikke registreres eller indberettes.',
        citations: decider === 'staff' ? deciderCitations : [],
      });
    }
    const registration = registrationFor(p.registrationRegime, p.relativesInformed);
    if (p.registrationRegime !== 'none') {
      reasons.push({
        text: `Indgrebet skal registreres og indberettes: ${registration.deadline}.`,
        citations: [...registration.citations],
      });
    }
    if (registration.personInformed) {
      reasons.push({
        text: 'Den anbragte skal gøres bekendt med registreringen og have lejlighed til at tilføje sin egen redegørelse.',
        citations: [...registration.citations],
      });
    }
    if (registration.conflict) reasons.push({ text: registration.conflict, citations: [...registration.citations] });
    if (p.complaintTo) reasons.push({ text: COMPLAINT_TEXT[p.complaintTo], citations: [...p.complaintCite] });
    if (maxMonths !== null) {
      reasons.push({
        text: `Afgørelsen kan højst gælde ${maxMonths} måneder ad gangen og skal ophøre straks, hvis betingelserne ikke længere er opfyldt.`,
        citations: [...monthsCite],
      });
    }
    if (p.lawyerRequired) {
      reasons.push({
        text: 'Kommunalbestyrelsen skal sørge for, at personen får bistand fra en advokat (§ 132).',
        citations: ['sel-132-stk1'],
      });
    }
    if (p.actionPlanRequired) {
      reasons.push({
        text: 'Kommunalbestyrelsen skal udarbejde en handleplan efter § 141, der søger at undgå magtanvendelse fremover.',
        citations: ['sel-135a-stk4'],
      });
    }
    const unknown = conditions.filter((c) => c.status === 'unknown');
    if (unknown.length > 0) {
      reasons.push({
        text: `${unknown.length} betingelse(r) kan ikke afgøres ud fra oplysningerne og skal vurderes konkret.`,
        citations: [],
      });
    }
    verdict = {
      measure: measure.id,
      provision: p.label,
      outcome,
      // Conditional while a condition the facts can decide is still unknown; judgement calls without a fact
      // (proportionality, mildest means) are for whoever decides and stay listed as such.
      // requestedMonths is the applicant's choice, never asked for (see missingFor).
      certainty: conditions.some(
        (c) => c.status === 'unknown' && factsOf(c.def.when).some((fact) => fact !== 'requestedMonths'),
      )
        ? 'conditional'
        : 'settled',
      decidedBy: decider,
      isForce: p.isForce,
      mustRegister: p.registrationRegime !== 'none',
      complaintTo: p.complaintTo,
      maxDurationMonths: maxMonths,
      lawyerRequired: p.lawyerRequired,
      actionPlanRequired: p.actionPlanRequired,
      registration,
      conditions: [],
      missingFacts: [],
      reasons,
      rulesVersion: RULES_VERSION,
      validFrom: VALID_FROM,
    };
  }
  verdict.conditions = conditions.map(
    ({ def, status }): ConditionResult => ({
      id: def.id,
      text: def.text,
      citations: [...def.cite],
      status,
      kind: def.kind,
      ...(primaryFact(def.when) ? { fact: primaryFact(def.when) } : {}),
      facts: factsOf(def.when, { accepted: true }),
    }),
  );
  return { provision: p, conditions, verdict };
}

/** Unknown facts behind unknown conditions, most decisive first. */
function missingFor(evaluated: Evaluated[], f: Facts, first: FactName[], last: FactName[] = []): MissingFact[] {
  const seen = new Set<FactName>();
  const out: FactName[] = [];
  const add = (fact: FactName) => {
    // requestedMonths is the applicant's choice, not a fact of the situation: never asked for.
    if (f[fact] === undefined && !seen.has(fact) && fact !== 'requestedMonths') {
      seen.add(fact);
      out.push(fact);
    }
  };
  for (const fact of first) add(fact);
  const unknown = evaluated
    .flatMap((e) => e.conditions.map((c, i) => ({ ...c, i })))
    .filter((c) => c.status === 'unknown')
    .sort((a, b) => KIND_RANK[a.def.kind] - KIND_RANK[b.def.kind] || a.i - b.i);
  for (const c of unknown) for (const fact of factsOf(c.def.when)) add(fact);
  for (const fact of last) add(fact);
  return out.map(question);
}

function consentVerdict(measure: MeasureDef): Verdict {
  return {
    measure: measure.id,
    provision: null,
    outcome: 'not_force',
    certainty: 'settled',
    decidedBy: null,
    isForce: false,
    mustRegister: false,
    complaintTo: null,
    maxDurationMonths: null,
    lawyerRequired: false,
    actionPlanRequired: false,
    registration: registrationFor('none', false),
    conditions: [],
    missingFacts: [],
    reasons: [
      {
        text: 'Personen giver selv gyldigt samtykke. Så er der ikke tale om magtanvendelse, reglerne i serviceloven kap. 24-24 b gælder ikke, og der skal ikke registreres. Samtykket skal foreligge før handlingen og kan trækkes tilbage.',
        citations: ['vejl2025-k4-p3', 'vejl2025-k3-p2'],
      },
    ],
    rulesVersion: RULES_VERSION,
    validFrom: VALID_FROM,
  };
}

function same<T>(values: T[]): T | null {
  const [first, ...rest] = values;
  if (first === undefined) return null;
  const key = JSON.stringify(first);
  return rest.every((v) => JSON.stringify(v) === key) ? first : null;
}

/** Every Danish sentence of a verdict with the parameters in force on `asOf` (`{name}` placeholders). */
function render(v: Verdict, asOf: string): Verdict {
  const t = (s: string) => renderText(s, asOf);
  for (const r of v.reasons) r.text = t(r.text);
  for (const c of v.conditions) c.text = t(c.text);
  for (const m of v.missingFacts) m.question = t(m.question);
  const reg = v.registration;
  if (reg) {
    if (reg.deadline) reg.deadline = t(reg.deadline);
    if (reg.reportEvery) reg.reportEvery = t(reg.reportEvery);
    if (reg.conflict) reg.conflict = t(reg.conflict);
    for (const r of reg.readings ?? []) {
      r.deadline = t(r.deadline);
      r.reportEvery = t(r.reportEvery);
    }
  }
  return v;
}

/** Evaluates a validated request for one measure at `asOf`. */
export function evaluateMeasure(measure: MeasureDef, f: Facts, asOf: string): Verdict {
  return render(evaluateUnrendered(measure, f, asOf), asOf);
}

function evaluateUnrendered(measure: MeasureDef, f: Facts, asOf: string): Verdict {
  if (f.consent === 'given' && measure.provisions.some(usesConsent)) return consentVerdict(measure);
  const route = measure.route(f);
  const representativeNote = (v: Verdict): Verdict => {
    if (f.representativeConsents && v.isForce) {
      v.reasons.push({
        text: 'At pårørende, værge eller fremtidsfuldmægtig siger ja, gør ikke magtanvendelse frivillig: det er alene personens eget samtykke, der tæller.',
        citations: ['vejl2025-k9-p4'],
      });
    }
    return v;
  };
  if ('provision' in route) {
    const e = evaluateProvision(measure, route.provision, f, asOf);
    const decider = inForce(DECIDER, e.provision.decider, asOf)?.value;
    const underDecision = f.decisionExists === true && decider !== undefined && PRIOR_DECIDERS.includes(decider);
    if (e.verdict.outcome !== 'not_permitted') {
      const first: FactName[] =
        e.provision.isForce && usesConsent(e.provision) && f.consent === undefined ? ['consent'] : [];
      // With a decision in hand, its date tells whether it still applies (after the facts of the situation).
      const last: FactName[] = [
        ...(route.ask ?? []),
        ...(underDecision && e.verdict.maxDurationMonths !== null ? (['decisionDate'] as FactName[]) : []),
      ];
      e.verdict.missingFacts = missingFor([e], f, first, last);
    }
    if (underDecision) e.verdict.decisionUse = decisionUseFor(e.provision, e.conditions, f, asOf);
    return representativeNote(e.verdict);
  }
  const evaluated = route.candidates.map((p) => evaluateProvision(measure, p, f, asOf));
  const open = evaluated.filter((e) => e.verdict.outcome !== 'not_permitted');
  if (open.length === 0) {
    // Whatever the undecided fact turns out to be, the measure is not permitted.
    const v = evaluated[0]!.verdict;
    v.provision =
      same(evaluated.map((e) => e.verdict.provision)) ?? evaluated.map((e) => e.provision.label).join(' eller ');
    v.reasons = [route.reason, ...v.reasons];
    return representativeNote(v);
  }
  const vs = open.map((e) => e.verdict);
  const conditions: ConditionResult[] = [];
  const ids = new Set<string>();
  for (const v of vs) {
    for (const c of v.conditions) {
      const key = `${c.id}|${c.text}`;
      if (!ids.has(key)) {
        ids.add(key);
        conditions.push(c);
      }
    }
  }
  const verdict: Verdict = {
    measure: measure.id,
    provision: same(vs.map((v) => v.provision)) ?? open.map((e) => e.provision.label).join(' eller '),
    outcome: 'needs_more_facts',
    certainty: 'conditional',
    decidedBy: same(vs.map((v) => v.decidedBy)),
    isForce: same(vs.map((v) => v.isForce)),
    mustRegister: same(vs.map((v) => v.mustRegister)),
    complaintTo: same(vs.map((v) => v.complaintTo)),
    maxDurationMonths: same(vs.map((v) => v.maxDurationMonths)),
    lawyerRequired: same(vs.map((v) => v.lawyerRequired)),
    actionPlanRequired: same(vs.map((v) => v.actionPlanRequired)),
    registration: same(vs.map((v) => v.registration)),
    conditions,
    missingFacts: missingFor(open, f, [
      ...route.undecided,
      ...(open.some((e) => e.provision.isForce && usesConsent(e.provision)) && f.consent === undefined
        ? (['consent'] as FactName[])
        : []),
    ]),
    reasons: [route.reason],
    rulesVersion: RULES_VERSION,
    validFrom: VALID_FROM,
  };
  return representativeNote(verdict);
}
