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
export function verdictHeadline(v: { outcome: string; mustRegister: boolean | null }): string {
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
