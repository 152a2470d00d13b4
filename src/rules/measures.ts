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
];
