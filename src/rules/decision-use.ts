/**
 * Using an existing decision (`decisionExists: true`): may the act be carried out NOW under the decision?
 * Read off the provision's own conditions as data:
 * - a condition marked `atUse` must hold every time (§ 128, stk. 2: not when the person objects, except for falls);
 * - any other condition the facts show unmet puts the act outside the decision (it must stop at once);
 * - a decision older than the provision's maximum duration (dated parameter in force on `decisionDate`) has expired.
 * The other conditions were judged by the authority when it decided, so their being unknown does not hold staff back.
 */
// A leaf module of data (no imports): the one list of Danish month names.
import { DANISH_MONTHS } from '../answer/labels.ts';
import { MAX_DURATION_MONTHS, param, periodAt } from './params.ts';
import { test } from './predicates.ts';
import type { ConditionStatus, DecidedBy, DecisionUse, Facts } from './schema.ts';
import type { ConditionDef, Provision } from './types.ts';

/** Deciders whose decision is given beforehand for a period (staff, leader and operator decide on the spot). */
export const PRIOR_DECIDERS: readonly DecidedBy[] = ['municipality', 'board', 'family_court', 'municipal_council'];

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function dayBefore(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

function danish(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}. ${DANISH_MONTHS[m - 1]} ${y}`;
}

const lowerFirst = (s: string) => (/^[A-ZÆØÅ][a-zæøå]/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Maximum months of a decision made on `decisionDate` (the period in force then; else on `asOf`). */
function maxMonthsFor(p: Provision, decisionDate: string | undefined, asOf: string) {
  if (p.maxDuration === null) return undefined;
  const periods = MAX_DURATION_MONTHS[p.maxDuration];
  if (!periods) return undefined;
  return (decisionDate ? periodAt(periods, decisionDate) : undefined) ?? periodAt(periods, asOf);
}

export function decisionUseFor(
  p: Provision,
  conditions: { def: ConditionDef; status: ConditionStatus }[],
  f: Facts,
  asOf: string,
): DecisionUse {
  const basis = p.label ? ` efter ${p.label}` : '';
  const months = maxMonthsFor(p, f.decisionDate, asOf);
  const maxMonths = months?.value ?? null;
  const decisionDate = f.decisionDate ?? null;
  const validUntil = decisionDate && maxMonths ? dayBefore(addMonths(decisionDate, maxMonths)) : null;
  const atUse = conditions.filter((c) => c.def.atUse);
  const citations = new Set<string>([...p.cite]);
  const cite = (ids: readonly string[]) => {
    for (const id of ids) citations.add(id);
  };
  const forceChapter = p.isForce && p.chapter !== '24c' && p.chapter !== '24d';
  const base = {
    decisionDate,
    validUntil,
    maxDurationMonths: maxMonths,
    conditions: atUse.map((c) => c.def.id),
  };
  const done = (u: Omit<DecisionUse, keyof typeof base | 'citations' | 'registerIfUsedDays'>): DecisionUse => {
    // Used outside the decision, it is force without legal basis: the acute registration deadline (vejl. kap. 7).
    const ifUsed = u.allowed === false && forceChapter;
    if (ifUsed) cite(['vejl2025-k7-p1']);
    return {
      ...u,
      ...base,
      registerIfUsedDays: ifUsed ? param('acute_registration_days', asOf) : null,
      citations: [...citations],
    };
  };

  // 1. Used now, the person objects (or another at-use condition fails): not under this decision.
  const failedAtUse = atUse.find((c) => c.status === 'unmet');
  if (failedAtUse) {
    cite(failedAtUse.def.cite);
    return done({
      allowed: false,
      certainty: 'settled',
      status: 'objection',
      text: `Nej, ${lowerFirst(failedAtUse.def.atUse!.unmet)}`,
    });
  }
  // 2. Another condition is known to be unmet: outside the decision; it must stop at once.
  const unmet = conditions.find((c) => c.status === 'unmet');
  if (unmet) {
    cite(unmet.def.cite);
    const why = unmet.def.unmet ?? `Betingelsen er ikke opfyldt: ${unmet.def.text}`;
    return done({
      allowed: false,
      certainty: 'settled',
      status: 'outside_scope',
      text: `Nej, ikke inden for afgørelsen: ${lowerFirst(why)} Er betingelserne ikke længere opfyldt, skal indgrebet ophøre straks.`,
    });
  }
  // 3. The decision's period.
  if (decisionDate && decisionDate > asOf) {
    return done({
      allowed: false,
      certainty: 'settled',
      status: 'not_yet_valid',
      text: `Nej, ikke endnu: afgørelsen er dateret ${danish(decisionDate)} og kan ikke bruges før.`,
    });
  }
  if (validUntil && asOf > validUntil) {
    cite(months?.citations ?? []);
    return done({
      allowed: false,
      certainty: 'settled',
      status: 'expired',
      text: `Nej, afgørelsen fra ${danish(decisionDate!)} er udløbet: en afgørelse${basis} gælder højst ${maxMonths} måneder (til ${danish(validUntil)}). Indgrebet må ikke bruges, før der er en ny afgørelse.`,
    });
  }
  // 4. An at-use condition not yet known: say what to check.
  const open = atUse.filter((c) => c.status === 'unknown');
  if (open.length) {
    for (const c of open) cite(c.def.cite);
    return done({
      allowed: null,
      certainty: 'conditional',
      status: 'open',
      text: `Kun inden for afgørelsen${basis}, og det afhænger af situationen nu: ${open.map((c) => lowerFirst(c.def.atUse!.unknown)).join(' ')}`,
    });
  }
  // 5. Within the decision.
  const said: string[] = [];
  for (const c of atUse) {
    cite(c.def.cite);
    const m = c.def.atUse!.met?.find((x) => test(x.when, f, (name) => param(name, asOf)) === true);
    if (m) said.push(m.text);
  }
  let period = '';
  if (validUntil) period = ` Afgørelsen gælder højst til ${danish(validUntil)}.`;
  else if (maxMonths) {
    cite(months?.citations ?? []);
    period = ` Det forudsætter, at afgørelsen stadig gælder (højst ${maxMonths} måneder).`;
  }
  return done({
    allowed: true,
    certainty: maxMonths && !decisionDate ? 'conditional' : 'settled',
    status: 'within_decision',
    text: `Ja, inden for afgørelsen${basis}.${said.length ? ` ${said.join(' ')}` : ''}${period}`,
  });
}
