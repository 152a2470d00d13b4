/**
 * The short shape of a verdict answer, shared by the chat answer, the widget card and the incident check:
 * a one-line `summary` that answers the literal question, dated `todo` steps and the card's registration
 * field. Everything is read off the Verdict, so card, summary, to-dos and answer cannot disagree.
 */
import type { ConditionResult, DecisionUse, Verdict } from '../rules/schema.ts';
import { DANISH_MONTHS, DECIDED_BY_LABEL, verdictHeadline } from './labels.ts';

export interface Todo {
  text: string;
  /** ISO date (YYYY-MM-DD) where the rules give a deadline. */
  due?: string;
}

const DECISION_BY: Record<string, string> = {
  requires_municipal_decision: 'kommunalbestyrelsen',
  requires_board_decision: 'Det Socialfaglige Nævn',
  requires_family_court_decision: 'Familieretshuset',
};

/** Days to register force used without legal basis, read off the verdict's own reason; null if none applies. */
export function registerIfDoneDays(v: Verdict): number | null {
  if (v.outcome !== 'not_permitted') return null;
  for (const r of v.reasons) {
    const m = /uden hjemmel, skal det registreres straks og senest (\d+) dage/u.exec(r.text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** "Må ikke bruges. Er det sket, skal det registreres straks og senest 3 dage efter og indberettes til lederen." */
export function notPermittedLine(days: number): string {
  return `Må ikke bruges. Er det sket, skal det registreres straks og senest ${days} dage efter og indberettes til lederen.`;
}

/** The card's "Registrering" field. */
export function registrationField(v: Verdict): string | null {
  const days = registerIfDoneDays(v);
  if (days !== null) return `Må ikke bruges. Er det sket: registreres straks og senest ${days} dage efter`;
  if (v.mustRegister === true) return 'Skal registreres og indberettes';
  if (v.mustRegister === false) return 'Skal ikke registreres';
  return null;
}

/** Days (or hours, rounded up to days) of the registration deadline; null when it is not a number of days. */
export function registrationDays(v: Verdict): number | null {
  const d = v.registration?.deadline ?? '';
  const days = /senest (\d+) dage/u.exec(d);
  if (days) return Number(days[1]);
  const hours = /(\d+) timer/u.exec(d);
  if (hours) return Math.ceil(Number(hours[1]) / 24);
  return null;
}

/** Unknown conditions, most decisive first (the order of missingFacts; judgement calls last). */
export function openConditions(v: Verdict, n = 3): ConditionResult[] {
  if (v.outcome === 'not_permitted') return [];
  const rank = (c: ConditionResult) => {
    const i = v.missingFacts.findIndex((m) => m.fact === c.fact);
    return i >= 0 ? i : c.fact ? 500 : 1000;
  };
  return v.conditions
    .filter((c) => c.status === 'unknown' && c.fact !== 'requestedMonths')
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .slice(0, n)
    .map(({ c }) => c);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const lowerFirst = (s: string) => (/^[A-ZÆØÅ][a-zæøå]/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const noDot = (s: string) =>
  s
    .replace(/\s*\([^)]*\)/gu, '')
    .trim()
    .replace(/[.:]$/u, '');

/** Adds items while the text stays within `max` characters. */
function fitItems(head: string, items: string[], tail: string, max: number): string {
  let out = head;
  let used = 0;
  for (const it of items) {
    const next = `${out}${used ? '; ' : ''}${it}`;
    if (`${next}.${tail}`.length > max) break;
    out = next;
    used++;
  }
  if (!used) out = head.replace(/, bl\.a\.:\s*$/u, '');
  return `${out}.${tail}`;
}

const cap = (s: string) => s.slice(0, 1).toUpperCase() + s.slice(1);

/** The retrospective summary of an incident that already happened ("Det kan have været lovligt …"). */
function pastSummary(v: Verdict, basis: string, open: string[], conditional: boolean, date: string): string {
  const regDays = v.outcome === 'not_permitted' ? registerIfDoneDays(v) : v.mustRegister ? registrationDays(v) : null;
  const reg =
    regDays !== null
      ? ` Det skal registreres straks og senest ${regDays} dage efter (${danishDate(addDays(date, regDays))}) og indberettes til lederen.`
      : v.mustRegister
        ? ' Det skal registreres og indberettes.'
        : '';
  switch (v.outcome) {
    case 'not_permitted':
      return v.provision
        ? `Der var ikke hjemmel${basis}.${reg}`
        : `Der var ikke hjemmel til indgrebet i serviceloven.${reg}`;
    case 'requires_municipal_decision':
    case 'requires_board_decision':
    case 'requires_family_court_decision':
      return `Det var kun lovligt, hvis der forelå en afgørelse fra ${DECISION_BY[v.outcome]}${basis}. Uden afgørelse var der ikke hjemmel.`;
    case 'staff_may_decide':
      return conditional
        ? fitItems(`Det kan have været lovligt${basis}, hvis betingelserne var opfyldt, bl.a.: `, open, reg, 300)
        : `Personalet kunne beslutte det${basis} ud fra oplysningerne.${reg}`;
    case 'not_force':
      return 'Det var ikke magtanvendelse ud fra oplysningerne og skal ikke registreres.';
    default:
      return `Det kan jeg ikke vurdere endnu. ${v.missingFacts[0]?.question ?? 'Beskriv, hvad der skete.'}`;
  }
}

/** "2026-12-03" → "3. december 2026". */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${DANISH_MONTHS[(m ?? 1) - 1]} ${y}`;
}

/**
 * One or two plain Danish sentences (≤ 300 characters) answering "må vi …?"; with `past`, about an incident
 * on `date` that already happened.
 */
export function summaryFor(v: Verdict, opts: { past?: boolean; date?: string } = {}): string {
  if (v.decisionUse) return clip(decisionSummary(v, v.decisionUse, !!opts.past, opts.date ?? today()));
  const basis = v.provision ? ` efter ${v.provision}` : '';
  const open = openConditions(v).map((c) => lowerFirst(noDot(c.text)));
  const conditional = v.certainty === 'conditional' && open.length > 0;
  let s: string;
  if (opts.past) {
    s = cap(pastSummary(v, basis, open, conditional, opts.date ?? new Date().toISOString().slice(0, 10)));
    return s.length <= 300 ? s : `${s.slice(0, 297).replace(/\s+\S*$/u, '')} …`;
  }
  switch (v.outcome) {
    case 'not_permitted': {
      const days = registerIfDoneDays(v);
      const why = v.provision
        ? `Nej. Der er ikke hjemmel${basis}.`
        : 'Nej. Der er ingen hjemmel til det i serviceloven.';
      s = days !== null ? `${why} ${notPermittedLine(days)}` : `${why} Indgrebet må ikke bruges.`;
      break;
    }
    case 'requires_municipal_decision':
    case 'requires_board_decision':
    case 'requires_family_court_decision': {
      const by = DECISION_BY[v.outcome]!;
      s = `Kun med en afgørelse fra ${by}${basis}. Uden afgørelse må indgrebet ikke bruges.`;
      break;
    }
    case 'staff_may_decide': {
      const reg = v.mustRegister ? ' Det skal registreres og indberettes.' : '';
      s = conditional
        ? fitItems(
            'Ja, hvis betingelserne er opfyldt, bl.a.: ',
            open,
            ` Personalet kan så beslutte det${basis}.${reg}`,
            300,
          )
        : `Ja. Personalet kan beslutte det${basis}.${reg}`;
      break;
    }
    case 'not_force':
      s = conditional
        ? fitItems(
            'Ja, hvis betingelserne er opfyldt, bl.a.: ',
            open,
            ' Så er det ikke magtanvendelse og skal ikke registreres.',
            300,
          )
        : 'Ja. Det er ikke magtanvendelse og skal ikke registreres.';
      break;
    default:
      s = `Det kan jeg ikke svare på endnu. ${v.missingFacts[0]?.question ?? 'Beskriv situationen mere konkret.'}`;
  }
  return s.length <= 300 ? s : `${s.slice(0, 297).replace(/\s+\S*$/u, '')} …`;
}

const today = () => new Date().toISOString().slice(0, 10);
const clip = (s: string) => (s.length <= 300 ? s : `${s.slice(0, 297).replace(/\s+\S*$/u, '')} …`);

/** "Er det sket, skal det registreres straks og senest 3 dage efter og indberettes til lederen." */
export function ifDoneLine(days: number): string {
  return `Er det sket, skal det registreres straks og senest ${days} dage efter og indberettes til lederen.`;
}

/** The summary when staff use an existing decision: may it be used now (or: was it within the decision)? */
function decisionSummary(v: Verdict, u: DecisionUse, past: boolean, date: string): string {
  if (!past) return u.registerIfUsedDays !== null ? `${u.text} ${ifDoneLine(u.registerIfUsedDays)}` : u.text;
  const basis = v.provision ? ` efter ${v.provision}` : '';
  if (u.allowed === true)
    return `Det var inden for afgørelsen${basis}${u.validUntil ? '' : ', hvis den stadig gjaldt'}. Brugen skal med i registreringen af afgørelsen.`;
  if (u.allowed === false) {
    const why = u.text.replace(/^Nej,\s*/u, '');
    const reg =
      u.registerIfUsedDays !== null
        ? ` Det skal registreres straks og senest ${u.registerIfUsedDays} dage efter (${danishDate(addDays(date, u.registerIfUsedDays))}) og indberettes til lederen.`
        : '';
    return `Der var ikke hjemmel i afgørelsen: ${why}${reg}`;
  }
  return `Det afhang af situationen: ${u.text.replace(/^[^:]*:\s*/u, '')}`;
}

/** The next steps when staff use an existing decision. */
function decisionTodo(v: Verdict, u: DecisionUse, date: string, past: boolean): Todo[] {
  const out: Todo[] = [];
  const days = u.registerIfUsedDays;
  if (u.allowed === false) {
    if (!past) out.push({ text: 'Brug ikke indgrebet nu. Find en mindre indgribende løsning sammen med din leder.' });
    if (u.status === 'expired' || u.status === 'outside_scope')
      out.push({ text: 'Tal med din leder om at søge kommunen om en ny afgørelse.' });
    if (days !== null)
      out.push({
        text: past
          ? `Registrér indgrebet straks og senest ${days} dage efter hændelsen, og giv lederen indberetningen.`
          : `Er det sket: registrér det straks og senest ${days} dage efter, og indberet det til lederen.`,
        due: addDays(date, days),
      });
    return out;
  }
  if (u.allowed === null) out.push({ text: `Tjek først: ${u.text.replace(/^[^:]*:\s*/u, '')}` });
  if (!past) out.push({ text: 'Brug kun indgrebet som beskrevet i afgørelsen (formål, placering og periode).' });
  if (v.mustRegister && v.registration?.deadline)
    out.push({ text: `Registrér brugen ${v.registration.deadline}, og indberet den til lederen.` });
  if (!u.decisionDate && u.maxDurationMonths)
    out.push({ text: `Tjek afgørelsens dato: den gælder højst ${u.maxDurationMonths} måneder.` });
  if (u.validUntil && !past)
    out.push({ text: 'Søg en ny afgørelse i god tid, hvis indgrebet fortsat er nødvendigt.', due: u.validUntil });
  if (v.registration?.relativesInformed && v.mustRegister)
    out.push({ text: 'Orientér pårørende eller værge om indgrebet.' });
  return out;
}

/** The concrete next steps; `date` is the incident date (or today) the deadlines count from. */
export function todoFor(v: Verdict, date: string, past = false): Todo[] {
  if (v.decisionUse) return decisionTodo(v, v.decisionUse, date, past);
  if (past) return pastTodo(v, date);
  const out: Todo[] = [];
  const regDays = registrationDays(v);
  const regTodo = (): Todo | null => {
    if (!v.mustRegister || !v.registration?.deadline) return null;
    const text = `Registrér indgrebet ${v.registration.deadline}, og indberet det til lederen.`;
    return regDays !== null && v.registration.regime !== 'pre_approved'
      ? { text, due: addDays(date, regDays) }
      : { text };
  };
  switch (v.outcome) {
    case 'not_permitted': {
      out.push({
        text: 'Brug ikke indgrebet. Find en mindre indgribende, socialpædagogisk løsning sammen med din leder.',
      });
      const days = registerIfDoneDays(v);
      if (days !== null)
        out.push({
          text: `Er det sket: registrér det straks og senest ${days} dage efter, og indberet det til lederen.`,
          due: addDays(date, days),
        });
      break;
    }
    case 'requires_municipal_decision':
    case 'requires_board_decision':
    case 'requires_family_court_decision':
      out.push({ text: `Brug ikke indgrebet, før der foreligger en afgørelse fra ${DECISION_BY[v.outcome]}.` });
      out.push({ text: 'Tal med din leder om at søge kommunen om en afgørelse.' });
      break;
    case 'staff_may_decide': {
      const open = openConditions(v);
      out.push({
        text: open.length
          ? `Tjek først de åbne betingelser: ${open.map((c) => lowerFirst(noDot(c.text))).join('; ')}.`
          : 'Brug kun indgrebet så kortvarigt og skånsomt som muligt.',
      });
      const r = regTodo();
      if (r) out.push(r);
      break;
    }
    case 'not_force':
      out.push({ text: 'Dokumentér samtykket eller aftalen i journalen.' });
      break;
    default:
      if (v.missingFacts[0]) out.push({ text: `Afklar: ${v.missingFacts[0].question}` });
  }
  if (v.outcome !== 'not_permitted' && v.outcome !== 'needs_more_facts') {
    if (v.registration?.relativesInformed && v.mustRegister)
      out.push({ text: 'Orientér pårørende eller værge om indgrebet.' });
    if (v.actionPlanRequired) out.push({ text: 'Sørg for, at indgrebet indgår i handleplanen (§ 141).' });
  }
  return out;
}

/** Who decides, as the card says it. */
export function decidedByLabel(v: Verdict): string | null {
  return v.decidedBy ? (DECIDED_BY_LABEL[v.decidedBy] ?? v.decidedBy) : null;
}

/** Days after an incident to register it: the acute deadline, or "if it happened" for a not-permitted act. */
function incidentRegistrationDays(v: Verdict): number | null {
  return v.outcome === 'not_permitted' ? registerIfDoneDays(v) : v.mustRegister ? registrationDays(v) : null;
}

/** The last day to register an incident of `date` where the deadline is a number of days (else null). */
export function registrationDueDate(v: Verdict, date: string): string | null {
  const days = incidentRegistrationDays(v);
  return days !== null && v.registration?.regime !== 'pre_approved' ? addDays(date, days) : null;
}

/** Dated steps after an incident on `date`: register, report to the leader, inform relatives, action plan. */
function pastTodo(v: Verdict, date: string): Todo[] {
  const out: Todo[] = [];
  const days = incidentRegistrationDays(v);
  const due = registrationDueDate(v, date) ?? undefined;
  if (days !== null || v.mustRegister) {
    out.push({
      text:
        days !== null
          ? `Registrér indgrebet straks og senest ${days} dage efter hændelsen.`
          : `Registrér indgrebet: ${v.registration?.deadline ?? 'efter reglerne'}.`,
      ...(due ? { due } : {}),
    });
    out.push({ text: 'Giv lederen indberetningen, så den kan sendes videre til kommunen.', ...(due ? { due } : {}) });
  } else if (v.outcome === 'needs_more_facts' && v.missingFacts[0]) {
    out.push({ text: `Afklar: ${v.missingFacts[0].question}` });
  } else {
    out.push({ text: 'Skriv i journalen, hvad der skete.' });
  }
  if (v.outcome === 'not_permitted') {
    out.push({ text: 'Tal med lederen om, hvordan indgrebet undgås fremover.' });
  } else {
    if (v.registration?.relativesInformed && v.mustRegister)
      out.push({ text: 'Orientér pårørende eller værge om indgrebet.', ...(due ? { due } : {}) });
    if (v.actionPlanRequired) out.push({ text: 'Sørg for, at hændelsen indgår i handleplanen (§ 141).' });
  }
  return out;
}

/**
 * The questions under "Afklar også" (at most 3). With a decision in hand only what decides its use now: the facts
 * of its at-use conditions and its date (the rest was judged by the authority); nothing once it may not be used.
 */
export function askFacts(verdict: Verdict): Verdict['missingFacts'] {
  const u = verdict.decisionUse;
  if (u) {
    if (u.allowed === false) return [];
    const facts = new Set<string>(['decisionDate']);
    for (const c of verdict.conditions) if (u.conditions.includes(c.id)) for (const f of c.facts ?? []) facts.add(f);
    return verdict.missingFacts.filter((m) => facts.has(m.fact)).slice(0, 3);
  }
  return verdict.missingFacts.slice(verdict.outcome === 'needs_more_facts' ? 1 : 0, 3);
}

/** A condition's text cut to its first clause, at most ~90 characters. */
function shortText(s: string): string {
  const t = noDot(s).split(/[;:–]/u)[0]!.trim();
  return t.length <= 90 ? t : `${t.slice(0, 88).replace(/\s+\S*$/u, '')} …`;
}

const STATUS_NOW: Record<string, string> = { met: 'opfyldt', unmet: 'ikke opfyldt', unknown: 'ukendt' };

/**
 * What changed between two verdicts of one conversation ("Nyt: …"), at most 3 short Danish lines:
 * the headline, the state of using a decision, and conditions whose status changed.
 */
export function verdictChanges(prev: Verdict, next: Verdict, past = false): string[] {
  const out: string[] = [];
  const h0 = verdictHeadline(prev, past);
  const h1 = verdictHeadline(next, past);
  if (prev.measure !== next.measure) return [`Nyt indgreb: ${h1}.`];
  if (h0 !== h1) out.push(`Vurderingen er nu „${h1}“ (før: „${h0}“).`);
  else if (prev.certainty !== next.certainty)
    out.push(next.certainty === 'settled' ? 'Vurderingen står nu fast.' : 'Vurderingen afhænger nu af betingelser.');
  const before = new Map(prev.conditions.map((c) => [c.id, c.status]));
  for (const c of changedConditions(prev, next)) {
    if (out.length >= 3) break;
    out.push(`${shortText(c.text)}: nu ${STATUS_NOW[c.status]} (før: ${STATUS_NOW[before.get(c.id) ?? 'unknown']}).`);
  }
  return out;
}

/** Conditions of `next` whose status differs from the same condition in `prev` (same measure only). */
export function changedConditions(prev: Verdict | undefined, next: Verdict): ConditionResult[] {
  if (!prev || prev.measure !== next.measure) return [];
  const before = new Map(prev.conditions.map((c) => [c.id, c.status]));
  return next.conditions.filter((c) => before.has(c.id) && before.get(c.id) !== c.status);
}
