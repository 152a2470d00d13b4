/**
 * Conditions and builders shared by kap. 24 c (besøgsrestriktioner, §§ 137 a-137 d) and kap. 24 d (persons placed
 * in a § 108 boform by criminal judgment, §§ 137 e-137 m).
 *
 * The law text of §§ 137 a-m is not in the corpus's `sel` source; the guidance (vejl2025 kap. 29-33) quotes it,
 * so the units cited here are the guidance points that quote or explain each rule.
 */

import { scope } from './common.ts';
import { all, any, fallback, holds, is, isNot, judged, not, orElse, type Predicate } from './predicates.ts';
import type { ConditionDef, Provision } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Kap. 24 d

/** § 137 e, stk. 1: only persons placed by dom or kendelse, only while the measure runs. */
export const placedByJudgment: ConditionDef = {
  id: 'placed-by-criminal-judgment',
  text: 'Personen er anbragt i boformen i henhold til en strafferetlig afgørelse afsagt ved dom eller kendelse, og foranstaltningen er ikke ophævet.',
  cite: ['vejl2025-k30-p1', 'vejl2025-k30-p2'],
  kind: 'target',
  when: holds('placedByCriminalJudgment'),
  unmet:
    'Kapitel 24 d gælder kun personer, hvis ophold i boformen skyldes en strafferetlig afgørelse truffet ved dom eller kendelse – ikke beboere på en administrativ afgørelse og ikke personer, der bliver boende, efter foranstaltningen er ophævet.',
};

/** § 137 e, stk. 1: a § 108 boform (not § 107). */
export const boform108: ConditionDef = {
  id: 'boform-108',
  text: 'Personen er anbragt i en boform efter § 108 (ikke f.eks. et midlertidigt botilbud efter § 107).',
  cite: ['vejl2025-k30-p1', 'vejl2025-k30-p2'],
  kind: 'target',
  when: is('boform', '108'),
  unmet:
    'Kapitel 24 d gælder kun i boformer efter § 108 – andre boformer, f.eks. midlertidige botilbud efter § 107, er ikke omfattet.',
};

/** Kap. 24 d applies only to the effort in the boform, never during udgang. */
export const notOnLeave: ConditionDef = {
  id: 'not-on-leave',
  text: 'Indgrebet sker under opholdet på boformen – ikke under udgang.',
  cite: ['vejl2025-k30-p2'],
  kind: 'target',
  when: not('onLeave'),
  unmet:
    'Reglerne i kapitel 24 d gælder kun i forbindelse med indsatsen på boformen og ikke under udgang (udgang reguleres af Justitsministeriets bekendtgørelse om udgangstilladelse).',
};

export const target24d: ConditionDef[] = [placedByJudgment, boform108, notOnLeave];

/** § 137 e, stk. 2-3: measures only in a § 108 boform with sikrede afdelinger (Kofoedsminde). */
export function secureUnit(cite: string[]): ConditionDef {
  return {
    id: 'secure-unit',
    text: 'Boformen er en § 108-boform med sikrede afdelinger (Kofoedsminde).',
    cite: ['vejl2025-k30-p1', ...cite],
    kind: 'scope',
    when: holds('secureUnit'),
    unmet:
      'Indgrebet kan kun bruges i en boform efter § 108 med sikrede afdelinger (Kofoedsminde), jf. § 137 e, stk. 2 og 3.',
  };
}

/** The purpose test of §§ 137 g-137 i: order or safety, judged on the behaviour during the placement. */
export function orderOrSafety(cite: string[]): ConditionDef {
  return {
    id: 'order-or-safety',
    text: 'Indgrebet skønnes nødvendigt af ordens- eller sikkerhedsmæssige hensyn, herunder for at forebygge eller forhindre kriminalitet – vurderet ud fra personens adfærd under anbringelsen, ikke ud fra den kriminalitet, dommen angår.',
    cite: [...cite, 'vejl2025-k30-p3'],
    kind: 'authority',
  };
}

/**
 * § 137 f, stk. 5: the purpose cannot appropriately be reached by less intrusive initiatives. Tried without result
 * = met; not tried = unmet, unless the matter is urgent (e.g. ongoing crime: no time for a pedagogical effort).
 */
export const lessIntrusive24d: ConditionDef = {
  id: 'less-intrusive-first',
  text: 'Formålet kan ikke hensigtsmæssigt nås med mindre indgribende initiativer (f.eks. socialpædagogisk støtte efter § 85, venlige henstillinger, afledning): de er forsøgt uden resultat, eller situationen kræver øjeblikkelig handling.',
  cite: ['vejl2025-k30-p8', 'vejl2025-k30-p9'],
  kind: 'authority',
  when: any(holds('lessIntrusiveTried'), all(not('lessIntrusiveTried'), orElse(holds('urgent'), false))),
  unmet:
    'Det er en betingelse, at mindre indgribende initiativer – typisk socialpædagogisk støtte – har været forsøgt uden resultat, medmindre situationen kræver, at der gribes ind med det samme (§ 137 f, stk. 5).',
};

/** § 137 k: stop at once when the conditions lapse; continuous reconsideration. */
export const endsWhenConditionsLapse: ConditionDef = {
  id: 'ends-when-conditions-lapse',
  text: 'Indgrebet står i rimeligt forhold til formålet og bringes straks til ophør, når betingelserne ikke længere er til stede; den, der har truffet afgørelsen, overvejer løbende at bringe det til ophør (§ 137 k).',
  cite: ['vejl2025-k30-p8', 'vejl2025-k30-p9'],
  kind: 'authority',
};

export const NO_CONSENT_POLICE_NOTE = {
  text: 'Indgrebene efter kapitel 24 d forudsætter ikke den anbragtes samtykke. Modsætter den anbragte sig, så indgrebet ikke kan gennemføres uden fysisk magt, kan lederen, stedfortræderen eller personalet tilkalde politiet, som afgør den nærmere håndtering.',
  citations: ['vejl2025-k30-p3'],
};

const PARALLEL_NOTE = {
  text: 'Kapitel 24 d gælder ved siden af kapitel 24-24 c; den anbragtes adfærd under anbringelsen er afgørende, ikke den kriminalitet, dommen angår.',
  citations: ['vejl2025-k30-p2', 'vejl2025-k30-p3'],
};

const COMPLAINT_24D = ['vejl2025-k33', 'vejl2025-k33-p1'];

/** A kap. 24 d measure decided by the handlekommune's kommunalbestyrelse (§ 137 f, stk. 1). */
export function kap24dDecision(
  p: Pick<Provision, 'id' | 'label' | 'title' | 'cite' | 'conditions'> & { notes?: Provision['notes'] },
): Provision {
  return {
    ...p,
    chapter: '24d',
    isForce: true,
    decider: 'sel-137f-stk1',
    registrationRegime: 'kap24d',
    relativesInformed: false,
    complaintTo: 'ankestyrelsen',
    complaintCite: COMPLAINT_24D,
    maxDuration: null,
    lawyerRequired: false,
    actionPlanRequired: false,
    targetGroup: false,
    notes: [...(p.notes ?? []), NO_CONSENT_POLICE_NOTE, PARALLEL_NOTE],
    deciderText:
      'Det kræver en afgørelse (uden retskendelse) fra kommunalbestyrelsen i handlekommunen. Er indgrebet uopsætteligt, kan lederen af boformen eller stedfortræderen træffe en foreløbig afgørelse, som snarest muligt forelægges kommunalbestyrelsen til godkendelse. Indgrebene udføres af de ansatte i boformen.',
  };
}

const urgentCondition = (cite: string[], unmet: string): ConditionDef => ({
  id: 'urgent',
  text: 'Sagen er uopsættelig: formålet forspildes, hvis indgrebet skal afvente, at sagen behandles af den kompetente myndighed.',
  cite,
  kind: 'statutory',
  when: holds('urgent'),
  unmet,
});

/** The leader's or stedfortræder's interim decision when urgent (§ 137 f, stk. 2-3). */
export function kap24dInterim(main: Provision): Provision {
  return {
    ...main,
    id: `${main.id}-interim`,
    title: `${main.title} – foreløbig afgørelse af lederen, fordi sagen er uopsættelig`,
    decider: 'sel-137f-stk2',
    deciderText:
      'Lederen af boformen eller lederens stedfortræder kan træffe en foreløbig afgørelse, fordi indgrebet er uopsætteligt og ikke kan afvente kommunalbestyrelsen. Afgørelsen skal registreres og snarest muligt forelægges kommunalbestyrelsen i handlekommunen til godkendelse; underkendes den, skal indgrebet straks ophøre.',
    conditions: [
      ...main.conditions,
      urgentCondition(
        ['vejl2025-k30-p7', 'vejl2025-k30-p8'],
        'Lederen eller stedfortræderen kan kun træffe foreløbig afgørelse, når indgrebet er uopsætteligt; ellers træffer kommunalbestyrelsen i handlekommunen afgørelsen.',
      ),
      {
        id: 'submitted-for-approval',
        text: 'Den foreløbige afgørelse registreres og forelægges snarest muligt kommunalbestyrelsen i handlekommunen til godkendelse; underkendes den, ophører indgrebet straks.',
        cite: ['vejl2025-k30-p7', 'vejl2025-k30-p8', 'vejl2025-k33-p1'],
        kind: 'authority',
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Kap. 24 c

/** § 137 a: plejeboliger, plejehjem and other housing with staff and common areas, incl. §§ 107-108 botilbud. */
export const housing24c: ConditionDef = {
  ...scope(['botilbud', 'almen_plejebolig'], ['vejl2025-k29', 'vejl2025-k29-p3']),
  text: 'Beboeren bor i en plejebolig, på et plejehjem eller i en anden boform med tilknyttet personale og fællesboligarealer (herunder botilbud efter §§ 107-108).',
  unmet:
    'Reglerne om besøgsrestriktioner gælder kun i plejeboliger, plejehjem og andre boformer med tilknyttet personale og fællesboligarealer.',
};

export const notCriticism: ConditionDef = {
  id: 'not-criticism',
  text: 'Restriktionen begrundes ikke med, at den besøgende kritiserer plejen eller serviceniveauet.',
  cite: ['vejl2025-k29-p1'],
  kind: 'prohibition',
  when: isNot('visitorBehaviour', 'criticism_only'),
  unmet:
    'En besøgende, der alene stiller sig kritisk over for plejen eller serviceniveauet, kan ikke mødes med en besøgsrestriktion.',
};

export const lessIntrusive24c: ConditionDef = {
  id: 'less-intrusive-first',
  text: 'Mindre indgribende initiativer over for den besøgende (konfliktmægling, venlige henstillinger, tilrettevisning) er forsøgt uden effekt, og både den uønskede adfærd og forsøgene er dokumenteret.',
  cite: ['vejl2025-k29-p1', 'vejl2025-k29-p8', 'vejl2025-k29-p9'],
  kind: 'statutory',
  when: holds('lessIntrusiveTried'),
  unmet:
    'Det er en betingelse, at mindre indgribende initiativer (konfliktmægling, venlige henstillinger, tilrettevisning) har været forsøgt over for den besøgende og er dokumenteret (§ 137 d, stk. 4; principafgørelse 12-17).',
};

export const decisionContent24c: ConditionDef = {
  id: 'scope-areas-duration',
  text: 'Restriktionen begrænses til det absolut nødvendige, og afgørelsen angiver præcist dens omfang, hvilke områder den dækker og dens tidsmæssige udstrækning.',
  cite: ['vejl2025-k29-p8', 'vejl2025-k29-p9'],
  kind: 'statutory',
};

export const bothParties24c: ConditionDef = {
  id: 'both-parties',
  text: 'Afgørelsen træffes over for både den besøgende og beboeren, som begge er parter (partshøring efter forvaltningsloven).',
  cite: ['vejl2025-k29-p8', 'vejl2025-k29-p9'],
  kind: 'authority',
};

export const councilMeeting: ConditionDef = {
  id: 'council-meeting',
  text: 'Afgørelsen træffes på et møde i kommunalbestyrelsen eller det stående udvalg i handlekommunen (kan ikke delegeres til forvaltningen).',
  cite: ['vejl2025-k29-p5', 'vejl2025-k29-p6', 'vejl2025-k29-p7'],
  kind: 'statutory',
  when: holds('decidedAtCouncilMeeting'),
  unmet:
    'Afgørelser om besøgsrestriktioner træffes på et møde i kommunalbestyrelsen eller det stående udvalg og kan ikke delegeres til forvaltningen.',
};

const PA_12_17_NOTE = {
  text: 'Principafgørelse 12-17: Der skal være dokumentation for den uønskede adfærd og for, at mindre indgribende initiativer er forsøgt uden effekt. Kommunen kan ikke regulere besøg af hensyn til beboerens egen nattesøvn eller trivsel; er beboeren under værgemål, træffer værgen den beslutning.',
  citations: ['vejl2025-k29-p9'],
};

const COMPLAINT_24C = ['sel-133-stk2', 'vejl2025-k29-p8', 'vejl2025-k29-p10'];

/** A kap. 24 c restriction decided at a meeting of kommunalbestyrelsen or the standing committee (§ 137 d, stk. 1). */
export function kap24cDecision(
  p: Pick<Provision, 'id' | 'label' | 'title' | 'cite' | 'conditions'> & { notes?: Provision['notes'] },
): Provision {
  return {
    ...p,
    chapter: '24c',
    isForce: false,
    decider: 'sel-137d-stk1',
    registrationRegime: 'none',
    relativesInformed: false,
    complaintTo: 'ankestyrelsen',
    complaintCite: COMPLAINT_24C,
    maxDuration: null,
    lawyerRequired: false,
    actionPlanRequired: false,
    targetGroup: false,
    conditions: [...p.conditions, councilMeeting],
    notes: [...(p.notes ?? []), PA_12_17_NOTE],
  };
}

/** The administration's interim decision when urgent (§ 137 d, stk. 2-3): decidedAtCouncilMeeting false. */
export function kap24cInterim(main: Provision): Provision {
  return {
    ...main,
    id: `${main.id}-interim`,
    title: `${main.title} – foreløbig afgørelse af forvaltningen, fordi sagen er uopsættelig`,
    decider: 'sel-137d-stk2',
    deciderText:
      'Forvaltningen i handlekommunen kan kun træffe en foreløbig afgørelse, fordi sagen er uopsættelig. Den skal snarest muligt forelægges kommunalbestyrelsen eller det stående udvalg til godkendelse og kan underkendes.',
    conditions: [
      ...main.conditions.filter((c) => c.id !== 'council-meeting'),
      urgentCondition(
        ['vejl2025-k29-p5', 'vejl2025-k29-p8'],
        'Afgørelsen kan ikke delegeres til forvaltningen: uden for uopsættelige sager skal den træffes på et møde i kommunalbestyrelsen eller det stående udvalg.',
      ),
      {
        id: 'submitted-for-approval',
        text: 'Den foreløbige afgørelse forelægges snarest muligt kommunalbestyrelsen eller det stående udvalg til godkendelse.',
        cite: ['vejl2025-k29-p5', 'vejl2025-k29-p8'],
        kind: 'authority',
      },
    ],
  };
}

/** One numbered item of a "all of nr. 1-n" rule: its row id, its text and the predicate that meets it. */
export interface NumberedItem {
  id: string;
  text: string;
  met: Predicate;
}

/**
 * The rows of a rule that requires every numbered item (e.g. § 137 j, stk. 3, nr. 1-5): the aggregate row, then
 * one row per item, all citing `cite`. Each item is decided by its own fact; the summary predicate ("all are met")
 * stands in for items not answered: met meets them all; unmet says one fails but not which, so an unanswered item
 * is then for the deciding authority to judge. The aggregate is unmet as soon as one item is.
 */
export function numberedItems(
  rule: { id: string; text: string; unmet: string; items: NumberedItem[]; summary: Predicate },
  cite: string[],
): ConditionDef[] {
  return [
    {
      id: rule.id,
      text: rule.text,
      cite,
      kind: 'statutory',
      when: fallback(all(...rule.items.map((n) => n.met)), rule.summary),
      unmet: rule.unmet,
    },
    ...rule.items.map(
      (n): ConditionDef => ({
        id: n.id,
        text: n.text,
        cite,
        kind: 'statutory',
        when: fallback(n.met, any(rule.summary, judged())),
        unmet: `${n.text.split(':')[0]} er ikke opfyldt, så indgrebet kan ikke iværksættes.`,
      }),
    ),
  ];
}
