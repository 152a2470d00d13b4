/**
 * Incident check for a registration form: everything is read off the rule evaluator's Verdict for the
 * incident's measure, facts and date; nothing here decides legality on its own.
 */
import { COMPLAINT_LABEL } from '../../answer/labels.ts';
import { registrationDueDate, summaryFor, todoFor } from '../../answer/shape.ts';
import { evaluate, type Facts, type MeasureId, param, type Verdict } from '../../rules/index.ts';
import type { IncidentCheckResponse } from './schemas.ts';

export interface IncidentInput {
  measure: MeasureId;
  caseRef?: string | undefined;
  facts: Partial<Facts>;
  date: string;
  decisionExists?: boolean | undefined;
}

const DECISION_OUTCOMES: Record<string, string> = {
  requires_municipal_decision: 'kommunalbestyrelsen',
  requires_board_decision: 'Det Socialfaglige Nævn',
  requires_family_court_decision: 'Familieretshuset',
};

const REPORT_LABEL = {
  leader: 'Personalelederen (eller lederen af boformen)',
  municipality: 'Kommunalbestyrelsen i handlekommunen',
  supervision: 'Den myndighed, der fører driftsorienteret tilsyn',
  socialtilsyn: 'Socialtilsynet',
} as const;

/** The reporting chain of the registration regime as codes and labels (bek. § 21; kap. 24 d: § 137 m). */
export function reportChainOf(v: Verdict): Array<{ code: keyof typeof REPORT_LABEL; label: string }> | null {
  const regime = v.registration?.regime;
  if (!regime || regime === 'none' || !v.registration?.reportTo) return null;
  const codes: Array<keyof typeof REPORT_LABEL> =
    regime === 'kap24d' ? ['leader', 'municipality', 'socialtilsyn'] : ['leader', 'municipality', 'supervision'];
  return codes.map((code) => ({ code, label: REPORT_LABEL[code] }));
}

/** The complaint route as data; the 4-week deadline applies to complaints to Ankestyrelsen (vejl. kap. 28, pkt. 2). */
export function complaintOf(
  v: Verdict,
  asOf: string,
): { to: NonNullable<Verdict['complaintTo']>; deadlineDays: number | null; text: string } | null {
  if (!v.complaintTo) return null;
  const label = COMPLAINT_LABEL[v.complaintTo] ?? v.complaintTo;
  if (v.complaintTo === 'ankestyrelsen') {
    const weeks = param('complaint_weeks', asOf);
    return {
      to: v.complaintTo,
      deadlineDays: weeks * 7,
      text: `Afgørelsen kan påklages til ${label} inden ${weeks} uger fra den dag, personen har fået meddelelse om den.`,
    };
  }
  return { to: v.complaintTo, deadlineDays: null, text: `Der kan klages til ${label}.` };
}

export function checkIncident(
  input: IncidentInput,
  today: string,
): Omit<IncidentCheckResponse, 'recordId' | 'caseRef'> {
  // decisionExists on the request is the evaluator's fact too: with a decision, the verdict says whether the
  // act was within it (Verdict.decisionUse: objection rules, scope, its date against the maximum duration).
  const facts =
    input.decisionExists !== undefined && input.facts.decisionExists === undefined
      ? { ...input.facts, decisionExists: input.decisionExists }
      : input.facts;
  const verdict = evaluate({ measure: input.measure, facts, asOf: input.date });
  const reg = verdict.registration;
  const warnings: string[] = [];
  let legalBasis: boolean | null;
  const decider = DECISION_OUTCOMES[verdict.outcome];

  switch (verdict.outcome) {
    case 'staff_may_decide':
      legalBasis = true;
      break;
    case 'not_force':
      legalBasis = true;
      warnings.push('Efter de oplyste forhold er det ikke magtanvendelse; der kræves ikke særlig hjemmel.');
      break;
    case 'not_permitted':
      legalBasis = false;
      warnings.push('Der var ikke hjemmel til indgrebet efter de oplyste forhold. Kontakt din leder.');
      break;
    case 'needs_more_facts':
      legalBasis = null;
      break;
    default:
      if (facts.decisionExists === true) legalBasis = true;
      else if (facts.decisionExists === false) {
        legalBasis = false;
        warnings.push(
          `Indgrebet kræver en forudgående afgørelse fra ${decider}. Uden afgørelse var der ikke hjemmel til indgrebet.`,
        );
      } else {
        legalBasis = null;
        warnings.push(
          `Indgrebet kræver en afgørelse fra ${decider}. Angiv, om der forelå en afgørelse (decisionExists).`,
        );
      }
  }

  // Under an existing decision: not within it (the person objected, it had expired, …) is no legal basis.
  const use = verdict.decisionUse;
  if (use?.allowed === false) {
    legalBasis = false;
    warnings.push(use.text.replace(/^Nej,\s*/u, 'Ikke inden for afgørelsen: '));
  } else if (use?.allowed === null) legalBasis = null;

  // true only when no condition that could make the act unlawful is unmet or still unknown.
  if (legalBasis === true && verdict.certainty === 'conditional') {
    legalBasis = null;
    const open = verdict.conditions
      .filter((c) => c.status === 'unknown' && c.fact && c.fact !== 'requestedMonths')
      .slice(0, 3)
      .map((c) => c.text);
    warnings.push(
      `Det kan have været lovligt, men det afhænger af betingelser, der ikke er oplyst: ${open.join(' ')}`.trim(),
    );
  }
  if (verdict.missingFacts.length) {
    const qs = verdict.missingFacts.map((f) => f.question).join(' ');
    warnings.push(
      verdict.outcome === 'needs_more_facts'
        ? `Der mangler oplysninger, før hjemlen kan vurderes: ${qs}`
        : `Vurderingen kan ændre sig med flere oplysninger: ${qs}`,
    );
  }
  if (reg?.conflict) warnings.push(reg.conflict);
  if (input.date > today) warnings.push(`Datoen ${input.date} ligger i fremtiden.`);
  if (verdict.mustRegister === true && legalBasis === false)
    warnings.push('Indgrebet skal registreres og indberettes, selv om der ikke var hjemmel.');

  return {
    dueDate: registrationDueDate(verdict, input.date),
    reportToCodes: reportChainOf(verdict),
    complaint: complaintOf(verdict, input.date),
    legalBasis,
    summary: summaryFor(verdict, { past: true, date: input.date }),
    todo: todoFor(verdict, input.date, true),
    provision: verdict.provision,
    outcome: verdict.outcome,
    mustRegister: verdict.mustRegister,
    registeredBy: reg?.registeredBy ?? null,
    reportTo: reg?.reportTo ?? null,
    deadline: reg?.deadline ?? null,
    reportEvery: reg?.reportEvery ?? null,
    relativesInformed: reg ? reg.relativesInformed : null,
    actionPlanRequired: verdict.actionPlanRequired,
    missingFacts: verdict.missingFacts,
    verdict,
    warnings,
  };
}
