/** Conditions shared by many provisions (target group, actor, physical scope, § 124 principles, prohibitions). */
import { holds, is, isNot, not, oneOf } from './predicates.ts';
import type { Setting } from './schema.ts';
import type { ConditionDef, Provision } from './types.ts';

export const SETTING_LABELS: Record<Setting, string> = {
  botilbud: 'botilbud',
  dagtilbud: 'dagtilbud',
  almen_plejebolig: 'almene plejeboliger',
  own_home: 'borgerens eget hjem',
  excursion: 'udflugter o.l.',
};

export const ALL_SETTINGS: Setting[] = ['botilbud', 'dagtilbud', 'almen_plejebolig', 'own_home', 'excursion'];
export const BO_DAG: Setting[] = ['botilbud', 'dagtilbud', 'almen_plejebolig'];
export const BO_ONLY: Setting[] = ['botilbud', 'almen_plejebolig'];
export const MOVE_SETTINGS: Setting[] = ['botilbud', 'almen_plejebolig', 'own_home'];
export const HOUSE_RULE_SETTINGS: Setting[] = ['botilbud', 'dagtilbud'];

const list = (xs: string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} og ${xs[xs.length - 1]}`;

export const targetGroup: ConditionDef = {
  id: 'target-group',
  text: 'Personen har betydelig og varigt nedsat psykisk funktionsevne, og det er fagligt dokumenteret.',
  cite: ['sel-124a', 'vejl2025-k4-p1'],
  kind: 'target',
  when: holds('documentedImpairment'),
  unmet:
    'Uden faglig dokumentation for betydelig og varigt nedsat psykisk funktionsevne er personen uden for målgruppen for magtanvendelsesreglerne, og de giver ingen hjemmel.',
};

export const noConsent: ConditionDef = {
  id: 'no-consent',
  text: 'Personen giver ikke selv gyldigt samtykke (passivitet er ikke samtykke, og pårørendes eller værgens samtykke tæller ikke).',
  cite: ['vejl2025-k4-p3', 'vejl2025-k3-p2', 'vejl2025-k9-p4'],
  kind: 'statutory',
  when: isNot('consent', 'given'),
};

export const careStaff: ConditionDef = {
  id: 'actor-care-staff',
  text: 'Indgrebet udføres af personale, der er ansat til at varetage omsorgen (også vikarer) – aldrig af pedel, rengøringspersonale, vagter eller pårørende.',
  cite: ['vejl2025-k6'],
  kind: 'actor',
  when: is('actor', 'care_staff'),
  unmet:
    'Kun personale, der er ansat til at varetage omsorgen for borgeren, må bruge reglerne. Pedeller, rengøringspersonale, vagter og pårørende kan aldrig anvende magt efter serviceloven.',
};

export function scope(settings: Setting[], cite: string[]): ConditionDef {
  return {
    id: 'setting',
    text: `Indgrebet sker inden for bestemmelsens fysiske anvendelsesområde: ${list(settings.map((s) => SETTING_LABELS[s]))}.`,
    cite,
    kind: 'scope',
    when: oneOf('setting', settings),
    unmet: `Bestemmelsen gælder kun i ${list(settings.map((s) => SETTING_LABELS[s]))}.`,
  };
}

export const notStaffing: ConditionDef = {
  id: 'not-staffing',
  text: 'Indgrebet begrundes ikke med personaleressourcer, normering eller travlhed.',
  cite: ['vejl2025-k4-p4', 'vejl2025-k3-p1'],
  kind: 'prohibition',
  when: not('justifiedByStaffing'),
  unmet: 'Magtanvendelse kan aldrig begrundes med personaleressourcer eller den aktuelle normering.',
};

export const lessIntrusiveFirst: ConditionDef = {
  id: 'less-intrusive-first',
  text: 'Socialpædagogiske og andre mindre indgribende tiltag er forsøgt først uden resultat (frivillig medvirken søges altid først).',
  cite: ['sel-124-stk3', 'sel-124-stk4', 'vejl2025-k4-p1'],
  kind: 'authority',
  when: holds('lessIntrusiveTried'),
  unmet:
    'Magt må først bruges, når en socialpædagogisk indsats og mindre indgribende tiltag er forsøgt uden resultat (mindsteindgrebsprincippet).',
};

export const proportionate: ConditionDef = {
  id: 'proportionate',
  text: 'Indgrebet er begrænset til det absolut nødvendige, står i rimeligt forhold til formålet og udføres så skånsomt og kortvarigt som muligt.',
  cite: ['sel-124-stk1', 'sel-124-stk4', 'sel-124-stk5'],
  kind: 'authority',
};

export function risk(id: string, text: string, cite: string[], unmet: string): ConditionDef {
  return { id, text, cite, kind: 'statutory', when: holds('riskOfHarm'), unmet };
}

export function repeated(text: string, cite: string[], unmet: string): ConditionDef {
  return { id: 'repeated', text, cite, kind: 'statutory', when: holds('repeated'), unmet };
}

export const noLockIn: ConditionDef = {
  id: 'no-lock-in',
  text: 'Personen bliver ikke låst inde – indgrebet må aldrig være frihedsberøvelse.',
  cite: ['grl-71-stk1', 'vejl2025-k18-p1'],
  kind: 'prohibition',
  when: not('locksPersonIn'),
  unmet: 'Serviceloven giver aldrig hjemmel til at låse en person inde (Grundloven § 71).',
};

/** Conditions every force measure carried out by staff shares. */
export function forceBasics(settings: Setting[], scopeCite: string[]): ConditionDef[] {
  return [targetGroup, noConsent, scope(settings, scopeCite), careStaff, notStaffing];
}

/**
 * Header presets shared by provisions (spread first, then the fields that differ): the registration regime,
 * complaint body and duties that follow from the kind of decision.
 */
/** Kap. 24: decided beforehand by the municipality (or the board), registered per period, complaint to Ankestyrelsen. */
export const PRE_APPROVED_24 = {
  chapter: '24',
  isForce: true,
  registrationRegime: 'pre_approved',
  relativesInformed: true,
  complaintTo: 'ankestyrelsen',
  lawyerRequired: false,
  actionPlanRequired: true,
  targetGroup: true,
} as const satisfies Partial<Provision>;

/** Kap. 24: acute, decided by staff in the situation, registered each time, complaint to the municipality. */
export const ACUTE_24 = {
  ...PRE_APPROVED_24,
  registrationRegime: 'acute',
  complaintTo: 'municipality',
} as const satisfies Partial<Provision>;

/** Kap. 24: moves without consent (lawyer, action plan, complaint to Ankestyrelsen). */
export const MOVE_24 = {
  ...PRE_APPROVED_24,
  registrationRegime: 'move',
  lawyerRequired: true,
} as const satisfies Partial<Provision>;

/** Not force: nothing to register or complain about. */
export const NOT_FORCE = {
  isForce: false,
  registrationRegime: 'none',
  relativesInformed: false,
  complaintTo: null,
  lawyerRequired: false,
  actionPlanRequired: false,
  targetGroup: false,
} as const satisfies Partial<Provision>;
