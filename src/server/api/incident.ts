/**
 * Incident check for a registration form: everything is read off the rule evaluator's Verdict for the
 * incident's measure, facts and date; nothing here decides legality on its own.
 */
import { summaryFor, todoFor } from '../../answer/shape.ts';
import { evaluate, type Facts, type MeasureId } from '../../rules/index.ts';
import type { IncidentCheckResponse } from './schemas.ts';

export interface IncidentInput {
  measure: MeasureId;
  facts: Partial<Facts>;
  date: string;
  decisionExists?: boolean | undefined;
}

const DECISION_OUTCOMES: Record<string, string> = {
  requires_municipal_decision: 'kommunalbestyrelsen',
  requires_board_decision: 'Det Socialfaglige Nævn',
  requires_family_court_decision: 'Familieretshuset',
};

export function checkIncident(input: IncidentInput, today: string): Omit<IncidentCheckResponse, 'recordId'> {
  const verdict = evaluate({ measure: input.measure, facts: input.facts, asOf: input.date });
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
      if (input.decisionExists === true) legalBasis = true;
      else if (input.decisionExists === false) {
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
