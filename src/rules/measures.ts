/**
 * Measures and how each routes to its provision(s). A routed measure is a total function of its
 * routing facts; when some of them are unknown, every completion is tried: one reachable provision →
 * that provision; several → `undecided` (needs_more_facts), naming the unknown facts that matter.
 */
import { FACT_QUESTIONS } from './facts.ts';
import { noBasis } from './provisions/no-basis.ts';
import { sel82 } from './provisions/sel-82.ts';
import { sel123 } from './provisions/sel-123.ts';
import { sel124b } from './provisions/sel-124b.ts';
import { sel124c } from './provisions/sel-124c.ts';
import { sel124dStk1, sel124dStk2 } from './provisions/sel-124d.ts';
import { sel125 } from './provisions/sel-125.ts';
import { sel128 } from './provisions/sel-128.ts';
import { sel128aStk3 } from './provisions/sel-128a.ts';
import { sel128bStk1, sel128bStk2 } from './provisions/sel-128b.ts';
import { sel128c } from './provisions/sel-128c.ts';
import { sel128d } from './provisions/sel-128d.ts';
import { sel128e } from './provisions/sel-128e.ts';
import { sel128f } from './provisions/sel-128f.ts';
import { sel128g } from './provisions/sel-128g.ts';
import { sel128h } from './provisions/sel-128h.ts';
import { sel129 } from './provisions/sel-129.ts';
import { sel129a } from './provisions/sel-129a.ts';
import { sel136aStk1, sel136aStk3 } from './provisions/sel-136a.ts';
import { sel136c } from './provisions/sel-136c.ts';
import { sel136e, sel136eCamera, sel136eStk5, sel136eStk5Camera } from './provisions/sel-136e.ts';
import { sel136fStk1, sel136fStk3 } from './provisions/sel-136f.ts';
import { sel137b, sel137bInterim } from './provisions/sel-137b.ts';
import { sel137cStk2, sel137cStk2Interim } from './provisions/sel-137c.ts';
import {
  sel137gStk1,
  sel137gStk1Interim,
  sel137gStk2,
  sel137gStk2Interim,
  sel137gStk4,
} from './provisions/sel-137g.ts';
import {
  sel137hStk1,
  sel137hStk1Interim,
  sel137hStk2,
  sel137hStk3,
  sel137hStk3Interim,
  sel137hStk4,
  sel137hStk4Interim,
  sel137hStk7,
  sel137hStk7Interim,
} from './provisions/sel-137h.ts';
import { sel137i, sel137iInterim } from './provisions/sel-137i.ts';
import { sel137jStk1, sel137jStk1Interim, sel137jStk2, sel137jStk2Interim } from './provisions/sel-137j.ts';
import type { FactName, Facts, MeasureId } from './schema.ts';
import type { MeasureDef, Provision, Route } from './types.ts';

function single(id: MeasureId, title: string, p: Provision): MeasureDef {
  return { id, title, provisions: [p], routingFacts: [], route: () => ({ provision: p }) };
}

/** Representative values of each routing fact (consent "given" never reaches routing). */
const DOMAINS: Partial<Record<FactName, readonly unknown[]>> = {
  consent: ['objects', 'passive', 'unable'],
  impairmentCause: ['dementia', 'other'],
  representativeObjects: [true, false],
  priorHygieneRestraintsLast6Months: [0, 1],
};

function completions(f: Facts, unknown: FactName[]): Facts[] {
  let out: Facts[] = [{ ...f }];
  for (const fact of unknown) {
    const next: Facts[] = [];
    for (const partial of out) for (const v of DOMAINS[fact] ?? []) next.push({ ...partial, [fact]: v });
    out = next;
  }
  return out;
}

function routed(
  id: MeasureId,
  title: string,
  routingFacts: FactName[],
  provisions: Provision[],
  pick: (f: Facts) => Provision,
): MeasureDef {
  const route = (f: Facts): Route => {
    const unknown = routingFacts.filter((r) => f[r] === undefined);
    if (unknown.length === 0) return { provision: pick(f) };
    const all = completions(f, unknown);
    const reachable = [...new Set(all.map(pick))];
    if (reachable.length === 1) return { provision: reachable[0]! };
    // A fact matters if changing only it changes the provision for some completion.
    const matters = unknown.filter((fact) =>
      all.some((c) => (DOMAINS[fact] ?? []).some((v) => pick({ ...c, [fact]: v }) !== pick(c))),
    );
    return {
      undecided: matters,
      candidates: provisions.filter((p) => reachable.includes(p)),
      reason: {
        text: `Svaret afhænger af, hvilken bestemmelse der gælder, eller hvem der træffer afgørelse (${reachable
          .map((p) => p.label ?? 'ingen hjemmel')
          .filter((l, i, a) => a.indexOf(l) === i)
          .join(' eller ')}). Besvar først: ${matters.map((m) => FACT_QUESTIONS[m].question).join(' ')}`,
        citations: [...new Set(reachable.flatMap((p) => p.cite))],
      },
    };
  };
  return { id, title, provisions, routingFacts, route };
}

/**
 * Kap. 24 d: the handlekommune's kommunalbestyrelse decides (§ 137 f, stk. 1); when urgent, the leader or
 * stedfortræder may decide in the interim (stk. 2). `urgent` unknown keeps the main rule (the exception needs
 * urgency shown), and is asked for at the end of missingFacts, so it never turns the answer into needs_more_facts.
 */
/**
 * Whether kap. 24 d applies at all decides the answer: for anyone not placed by dom or kendelse there is no legal
 * basis (locking a resident in is deprivation of liberty), so no authority is named before the placement is known.
 */
function targetFirst(f: Facts, provision: Provision, known: Route): Route {
  return f.placedByCriminalJudgment === undefined
    ? { undecided: ['placedByCriminalJudgment'], candidates: [provision], reason: KAP24D_TARGET_REASON }
    : known;
}

function kap24d(id: MeasureId, title: string, main: Provision, interim: Provision): MeasureDef {
  return {
    id,
    title,
    provisions: [main, interim],
    routingFacts: ['placedByCriminalJudgment', 'urgent'],
    route: (f) =>
      f.urgent === true
        ? targetFirst(f, interim, { provision: interim })
        : targetFirst(f, main, { provision: main, ask: ['urgent'] }),
  };
}

/** Kap. 24 d measures without a decision (operator's general ban, scanners): still only for the target group. */
function kap24dSingle(id: MeasureId, title: string, provision: Provision): MeasureDef {
  return {
    id,
    title,
    provisions: [provision],
    routingFacts: ['placedByCriminalJudgment'],
    route: (f) => targetFirst(f, provision, { provision }),
  };
}

const KAP24D_TARGET_REASON = {
  text: 'Reglerne i servicelovens kapitel 24 d gælder kun personer, der er anbragt i en boform efter § 108 ved dom eller kendelse. For alle andre beboere er der ingen hjemmel i serviceloven til indgrebet – at låse en beboer inde eller undersøge hans ting mod hans vilje er ikke tilladt. Besvar først: Er personen anbragt i boformen ved dom eller kendelse?',
  citations: ['vejl2025-k30-p1', 'vejl2025-k30-p2'],
};

/**
 * Kap. 24 c: decided at a meeting of kommunalbestyrelsen or the standing committee (§ 137 d, stk. 1); a decision
 * not taken at a meeting is the administration's interim decision, lawful only when urgent (stk. 2-3).
 */
function kap24c(id: MeasureId, title: string, main: Provision, interim: Provision): MeasureDef {
  return {
    id,
    title,
    provisions: [main, interim],
    routingFacts: ['decidedAtCouncilMeeting'],
    route: (f) => (f.decidedAtCouncilMeeting === false ? { provision: interim } : { provision: main }),
  };
}

const objection = (f: Facts): boolean => f.consent === 'objects' || f.representativeObjects === true;

export const MEASURES: MeasureDef[] = [
  single('house_rules', 'Husorden', sel123),
  single('physical_guidance', 'Fysisk guidning og konfliktafværgelse', sel124b),
  single('averting_damage', 'Afværgehjælp', sel124c),
  single('release_grip', 'Løsning af greb', sel124dStk1),
  single('restraint', 'Fastholdelse, tilbageholdelse og føren tilbage', sel124dStk2),
  single('special_door_opener', 'Særlige døråbnere', sel125),
  single('fabric_belt', 'Stofseler', sel128),
  single('seizure_alarm', 'Epilepsi- og anfaldsalarmer', sel128aStk3),
  routed(
    'camera_lookin',
    'Situationsbestemt kamerakig',
    ['impairmentCause', 'consent', 'representativeObjects'],
    [sel128bStk1, sel136eCamera, sel136eStk5Camera],
    (f) => (f.impairmentCause === 'dementia' ? (objection(f) ? sel136eStk5Camera : sel136eCamera) : sel128bStk1),
  ),
  routed(
    'welfare_technology',
    'Tryghedsskabende velfærdsteknologi',
    ['impairmentCause', 'consent', 'representativeObjects'],
    [sel128bStk2, sel136e, sel136eStk5],
    (f) => (f.impairmentCause === 'dementia' ? (objection(f) ? sel136eStk5 : sel136e) : sel128bStk2),
  ),
  single('lock_own_home_exterior', 'Låsning og sikring af yderdøre og vinduer', sel128c),
  single('lock_common_room_door', 'Låsning og sikring af døre til fælles opholdsrum', sel128d),
  single('lock_service_area', 'Låsning og sikring af døre til servicearealer og fælleskøkkener', sel128e),
  single('lock_outdoor_gate', 'Låsning og sikring af låger fra udearealet', sel128f),
  single('lock_cupboards', 'Låsning og sikring af skabe og skuffer', sel128g),
  single('open_home_door', 'Adgang til en beboers bolig i et botilbud', sel128h),
  routed(
    'relocation',
    'Optagelse i særligt botilbud uden samtykke',
    ['consent', 'impairmentCause', 'representativeObjects'],
    [sel129, sel136fStk1, sel136fStk3],
    (f) =>
      f.consent === 'objects' || f.impairmentCause !== 'dementia'
        ? sel129
        : f.representativeObjects
          ? sel136fStk3
          : sel136fStk1,
  ),
  single('relocation_danger_to_others', 'Flytning uden samtykke ved væsentlig fare for andre', sel129a),
  routed(
    'hygiene_restraint',
    'Kortvarig fastholdelse i personlige hygiejnesituationer',
    ['impairmentCause', 'priorHygieneRestraintsLast6Months'],
    [sel136aStk1, sel136aStk3, sel136c],
    (f) =>
      f.impairmentCause === 'dementia'
        ? sel136c
        : (f.priorHygieneRestraintsLast6Months ?? 0) >= 1
          ? sel136aStk3
          : sel136aStk1,
  ),
  single('protective_equipment', 'Beskyttelsesmidler (bløde hjelme, specialhandsker)', sel82),
  single('other', 'Andre indgreb', noBasis),
  // Kap. 24 c
  kap24c(
    'visitor_restriction_common_areas',
    'Begrænsning af besøgendes adgang til fællesarealer',
    sel137b,
    sel137bInterim,
  ),
  kap24c(
    'visitor_restriction_own_home',
    'Besøgende holdes ude af beboerens bolig, mens der gives visiteret hjælp',
    sel137cStk2,
    sel137cStk2Interim,
  ),
  // Kap. 24 d
  kap24d('monitor_communication', 'Påhøring eller overvågning af telefon og internet', sel137gStk1, sel137gStk1Interim),
  kap24d('block_communication', 'Afbrydelse af adgang til telefon og internet', sel137gStk2, sel137gStk2Interim),
  kap24dSingle('device_ban', 'Generelt forbud mod enheder med internetadgang', sel137gStk4),
  kap24d('search_room', 'Undersøgelse af opholdsrum og ejendele', sel137hStk1, sel137hStk1Interim),
  kap24dSingle('scanner', 'Brug af scannere', sel137hStk2),
  kap24d('body_search', 'Undersøgelse af den anbragtes person (kropsvisitation)', sel137hStk3, sel137hStk3Interim),
  kap24d('check_post', 'Åbning og kontrol af post', sel137hStk4, sel137hStk4Interim),
  kap24d('search_visitor', 'Undersøgelse af besøgendes tasker og yderbeklædning', sel137hStk7, sel137hStk7Interim),
  kap24d('confiscation', 'Inddragelse af effekter', sel137i, sel137iInterim),
  kap24d('night_lock_in', 'Aflåsning af boligen om natten', sel137jStk1, sel137jStk1Interim),
  kap24d('seclusion_room', 'Anbringelse i afskærmningslokale', sel137jStk2, sel137jStk2Interim),
];
