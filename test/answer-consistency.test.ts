/**
 * Property test: for every measure × outcome of the rule case files (and every measure with no facts), the
 * card fields, `summary`, `todo` and `answer` agree on registration, who decides, deadline and complaint route.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  COMPLAINT_LABEL,
  decidedByLabel,
  ifDoneLine,
  notPermittedLine,
  openConditions,
  registerIfDoneDays,
  registrationDays,
  registrationField,
  verdictAnswer,
  verdictHeadline,
} from '../src/answer/index.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { evaluate, implementedMeasures, type MeasureId, type Verdict } from '../src/rules/index.ts';

const corpus = loadCorpus();
const DIR = join(import.meta.dirname, 'rules', 'cases');
const DATE = '2026-11-30';

interface Req {
  measure: string;
  asOf?: string;
  facts: Record<string, unknown>;
}
const requests: Array<{ name: string; request: Req }> = [];
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
  for (const c of JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Array<{ name: string; request: Req }>) {
    if (implementedMeasures.includes(c.request.measure as MeasureId))
      requests.push({ name: `${file}: ${c.name}`, request: c.request });
  }
}
for (const m of implementedMeasures) requests.push({ name: `${m} (no facts)`, request: { measure: m, facts: {} } });

const DECISION_BY: Record<string, string> = {
  requires_municipal_decision: 'kommunalbestyrelsen',
  requires_board_decision: 'Det Socialfaglige Nævn',
  requires_family_court_decision: 'Familieretshuset',
};
const SAYS_REGISTER = /skal (?:det )?registreres|registrér/iu;
const SAYS_NO_REGISTER = /skal ikke registreres/iu;

function check(v: Verdict): void {
  const date = v.validFrom > DATE ? v.validFrom : DATE;
  const c = verdictAnswer(v, corpus, date);
  const summary = c.summary!;
  const todo = c.todo!;
  const todoText = todo.map((t) => t.text).join(' ');
  const field = registrationField(v);

  expect(summary.length).toBeLessThanOrEqual(300);
  expect(c.answer).toContain(summary);
  expect((c.answer.match(/\[\d+\]/g) ?? []).length).toBeLessThanOrEqual(5);
  for (const m of `${c.answer}\n${c.details}`.matchAll(/\[(\d+)\]/g))
    expect(Number(m[1])).toBeLessThanOrEqual(c.citations.length);

  if (v.decisionUse) {
    checkDecisionUse(v, c, date);
    return;
  }

  // Registration: the card field, the summary, the to-dos and the answer say the same.
  const ifDone = registerIfDoneDays(v);
  if (v.outcome === 'not_permitted') {
    expect(summary).toMatch(/^Nej\./);
    if (ifDone !== null) {
      expect(field).toMatch(/Er det sket: registreres straks/);
      expect(summary).toContain(notPermittedLine(ifDone));
      expect(todo.find((t) => SAYS_REGISTER.test(t.text))?.due).toBe(addDays(date, ifDone));
    } else {
      expect(`${summary} ${todoText}`).not.toMatch(SAYS_REGISTER);
    }
    expect(`${summary} ${todoText} ${c.answer}`).not.toMatch(SAYS_NO_REGISTER);
  } else if (v.mustRegister === true) {
    expect(field).toBe('Skal registreres og indberettes');
    expect(`${c.answer}`).not.toMatch(SAYS_NO_REGISTER);
    if (v.outcome === 'staff_may_decide') {
      expect(summary).toMatch(/registreres/);
      const reg = todo.find((t) => SAYS_REGISTER.test(t.text));
      expect(reg, todoText).toBeDefined();
      const days = registrationDays(v);
      if (days !== null && v.registration?.regime !== 'pre_approved') expect(reg!.due).toBe(addDays(date, days));
    }
  } else if (v.mustRegister === false) {
    expect(field).toBe('Skal ikke registreres');
    expect(`${summary} ${todoText}`).not.toMatch(SAYS_REGISTER);
  }

  // Who decides.
  const by = DECISION_BY[v.outcome];
  if (by) {
    expect(summary).toMatch(new RegExp(`^Kun med en afgørelse fra ${by}`));
    expect(todoText).toContain(by);
    expect(decidedByLabel(v)).toBeTruthy();
  }
  if (v.outcome === 'staff_may_decide') expect(summary).toMatch(/Personalet kan/);
  if (v.outcome === 'staff_may_decide' || v.outcome === 'not_force') expect(summary).toMatch(/^Ja[.,]/);

  // Honest uncertainty: conditional never reads as settled, and the card has open conditions to show.
  if (v.certainty === 'conditional' && v.outcome !== 'needs_more_facts') {
    expect(openConditions(v).length).toBeGreaterThan(0);
    expect(summary).not.toMatch(/^Ja\./);
  }
  if (v.certainty === 'settled' && (v.outcome === 'staff_may_decide' || v.outcome === 'not_force'))
    expect(summary).toMatch(/^Ja\./);

  // The same incident told in the past tense: retrospective, and the registration date agrees.
  const past = verdictAnswer(v, corpus, date, true);
  expect(past.summary!.length).toBeLessThanOrEqual(300);
  const pastReg = past.todo!.find((t) => /^Registrér/.test(t.text));
  if (v.outcome === 'not_permitted') {
    expect(past.summary).toMatch(/^Der var ikke hjemmel/);
    if (ifDone !== null) {
      expect(past.summary).toContain(`registreres straks og senest ${ifDone} dage efter`);
      expect(pastReg?.due).toBe(addDays(date, ifDone));
    } else expect(pastReg).toBeUndefined();
  } else if (v.mustRegister === true) {
    expect(pastReg, past.todo!.map((t) => t.text).join(' ')).toBeDefined();
  } else if (v.mustRegister === false) {
    expect(pastReg).toBeUndefined();
    expect(past.summary).not.toMatch(SAYS_REGISTER);
  }
  if (by) expect(past.summary).toContain(by);

  // Complaint route: stated in the details as the verdict gives it.
  if (v.complaintTo) expect(c.details).toContain(COMPLAINT_LABEL[v.complaintTo]);
}

/** Using an existing decision: headline, summary, to-dos and answer lead with whether it may be used now. */
function checkDecisionUse(v: Verdict, c: ReturnType<typeof verdictAnswer>, date: string): void {
  const u = v.decisionUse!;
  const summary = c.summary!;
  const todoText = c.todo!.map((t) => t.text).join(' ');
  expect(c.answer.startsWith(`**${verdictHeadline(v)}**`)).toBe(true);
  // Never "Kræver afgørelse …" or "Uden afgørelse må indgrebet ikke bruges" to staff who have one.
  expect(`${summary} ${c.answer}`).not.toMatch(/Uden afgørelse må indgrebet ikke bruges|Kræver afgørelse/u);
  expect(todoText).not.toMatch(/før der foreligger en afgørelse/u);
  if (u.allowed === true) {
    expect(summary).toMatch(/^Ja, inden for afgørelsen/u);
    expect(todoText).not.toMatch(/Brug ikke/u);
    if (v.mustRegister) expect(todoText).toMatch(/Registrér brugen/u);
  } else if (u.allowed === false) {
    expect(summary).toMatch(/^Nej,/u);
    expect(todoText).toMatch(/Brug ikke indgrebet nu/u);
    if (u.registerIfUsedDays !== null) {
      expect(summary).toContain(ifDoneLine(u.registerIfUsedDays));
      expect(c.todo!.find((t) => SAYS_REGISTER.test(t.text))?.due).toBe(addDays(date, u.registerIfUsedDays));
    }
  } else {
    expect(summary).toMatch(/^Kun inden for afgørelsen/u);
    expect(todoText).toMatch(/^Tjek først/u);
  }
  expect(`${summary} ${todoText} ${c.answer}`).not.toMatch(SAYS_NO_REGISTER);
  if (v.complaintTo) expect(c.details).toContain(COMPLAINT_LABEL[v.complaintTo]);

  // The same use told in the past tense.
  const past = verdictAnswer(v, corpus, date, true);
  expect(past.summary!.length).toBeLessThanOrEqual(300);
  expect(past.answer.startsWith(`**${verdictHeadline(v, true)}**`)).toBe(true);
  if (u.allowed === true) expect(past.summary).toMatch(/^Det var inden for afgørelsen/u);
  else if (u.allowed === false) {
    expect(past.summary).toMatch(/^Der var ikke hjemmel/u);
    if (u.registerIfUsedDays !== null)
      expect(past.todo!.find((t) => /^Registrér/u.test(t.text))?.due).toBe(addDays(date, u.registerIfUsedDays));
  } else expect(past.summary).toMatch(/^Det afhang/u);
}

describe('card, summary, to-dos and answer agree', () => {
  it('covers every implemented measure', () => {
    const measures = new Set(requests.map((r) => r.request.measure));
    expect(measures.size).toBe(implementedMeasures.length);
    expect(implementedMeasures.length).toBeGreaterThanOrEqual(34);
  });

  it('covers every outcome', () => {
    const outcomes = new Set(requests.map((r) => evaluate(r.request).outcome));
    expect([...outcomes].sort()).toEqual(
      [
        'needs_more_facts',
        'not_force',
        'not_permitted',
        'requires_board_decision',
        'requires_family_court_decision',
        'requires_municipal_decision',
        'staff_may_decide',
      ].sort(),
    );
  });

  for (const r of requests) {
    it(r.name, () => check(evaluate(r.request)));
  }

  it('the hidden-medicine case: "Ikke tilladt" and a registration field that agrees', () => {
    const v = evaluate({ measure: 'other', facts: {} });
    expect(v.outcome).toBe('not_permitted');
    expect(registrationField(v)).not.toBe('Skal ikke registreres');
    expect(verdictAnswer(v, corpus).summary).toContain(
      'Må ikke bruges. Er det sket, skal det registreres straks og senest 3 dage efter og indberettes til lederen.',
    );
  });
});
