/** Danish labels for verdict fields, shared by answers, records, the widget and the quizzes. */

export const OUTCOME_LABEL: Record<string, string> = {
  not_force: 'Ikke magtanvendelse',
  staff_may_decide: 'Personalet kan beslutte',
  requires_municipal_decision: 'Kræver afgørelse fra kommunalbestyrelsen',
  requires_board_decision: 'Kræver afgørelse fra Det Socialfaglige Nævn',
  requires_family_court_decision: 'Kræver afgørelse fra Familieretshuset',
  not_permitted: 'Ikke tilladt',
  needs_more_facts: 'Mangler oplysninger',
};

export const DECIDED_BY_LABEL: Record<string, string> = {
  staff: 'personalet (personalelederen) i situationen',
  municipality: 'kommunalbestyrelsen i handlekommunen',
  board: 'Det Socialfaglige Nævn vedrørende Magtanvendelse over for Borgere med Handicap',
  family_court: 'Familieretshuset',
  leader: 'lederen af boformen (eller stedfortræderen)',
  operator: 'driftsherren',
  municipal_council: 'kommunalbestyrelsen (eller det stående udvalg) på et møde',
};

export const COMPLAINT_LABEL: Record<string, string> = {
  municipality: 'kommunalbestyrelsen',
  ankestyrelsen: 'Ankestyrelsen',
  familieretshuset: 'Familieretshuset',
};

export const STATUS_MARK: Record<string, string> = { met: '✅', unmet: '❌', unknown: '❔' };
export const STATUS_LABEL: Record<string, string> = { met: 'opfyldt', unmet: 'ikke opfyldt', unknown: 'ukendt' };

/** The verdict card's headline, e.g. "Personalet kan beslutte — skal registreres". */
/** Retrospective headlines for an incident that already happened. */
export const PAST_OUTCOME_LABEL: Record<string, string> = {
  not_force: 'Var ikke magtanvendelse',
  staff_may_decide: 'Personalet kunne beslutte det',
  requires_municipal_decision: 'Krævede afgørelse fra kommunalbestyrelsen',
  requires_board_decision: 'Krævede afgørelse fra Det Socialfaglige Nævn',
  requires_family_court_decision: 'Krævede afgørelse fra Familieretshuset',
  not_permitted: 'Der var ikke hjemmel',
  needs_more_facts: 'Mangler oplysninger',
};

/** Headlines when an existing decision is used (Verdict.decisionUse.status), now and in the past tense. */
export const DECISION_USE_LABEL: Record<string, [string, string]> = {
  within_decision: ['Ja, inden for afgørelsen', 'Det var inden for afgørelsen'],
  objection: ['Nej, ikke når personen modsætter sig', 'Det var ikke inden for afgørelsen'],
  outside_scope: ['Nej, ikke inden for afgørelsen', 'Det var ikke inden for afgørelsen'],
  expired: ['Nej, afgørelsen er udløbet', 'Afgørelsen var udløbet'],
  not_yet_valid: ['Nej, afgørelsen gælder ikke endnu', 'Afgørelsen gjaldt ikke endnu'],
  open: ['Afhænger af situationen nu', 'Afhang af situationen'],
};

export function verdictHeadline(
  v: {
    outcome: string;
    mustRegister: boolean | null;
    certainty?: string;
    decisionUse?: { status: string } | undefined;
  },
  past = false,
): string {
  if (v.decisionUse) {
    const l = DECISION_USE_LABEL[v.decisionUse.status];
    if (l) return past ? l[1] : l[0];
  }
  if (past) {
    if (v.outcome === 'staff_may_decide' && v.certainty === 'conditional')
      return v.mustRegister ? 'Kan have været lovligt — skal registreres' : 'Kan have været lovligt';
    const base = PAST_OUTCOME_LABEL[v.outcome] ?? v.outcome;
    return v.outcome === 'staff_may_decide' && v.mustRegister ? `${base} — skal registreres` : base;
  }
  const base = OUTCOME_LABEL[v.outcome] ?? v.outcome;
  return v.outcome === 'staff_may_decide' && v.mustRegister ? `${base} — skal registreres` : base;
}

/** The Danish month names, January first (dates in answers, pages and past-tense parsing). */
export const DANISH_MONTHS: readonly string[] = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
