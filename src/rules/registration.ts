/**
 * Registration and reporting regimes (guidance kap. 27, bek. § 21; kap. 24 d: § 137 m, guidance kap. 33).
 * Deadlines are worded as the guidance words them. For moves the guidance contradicts itself:
 * both readings are returned with a `conflict` note.
 */
import type { Registration, RegistrationRegime } from './schema.ts';

const LEADER_FORWARDS =
  'Personalelederen, som uden unødig forsinkelse sender indberetningen videre til kommunalbestyrelsen i handlekommunen og til den myndighed, der fører driftsorienteret tilsyn';

const BASE: Record<RegistrationRegime, Omit<Registration, 'relativesInformed'>> = {
  acute: {
    regime: 'acute',
    registeredBy: 'Den medarbejder, der har foretaget indgrebet (hver gang)',
    deadline: 'straks og senest {acute_registration_days} dage efter, at indgrebet har fundet sted',
    reportTo: LEADER_FORWARDS,
    reportEvery: 'månedligt',
    citations: ['sel-135a-stk1', 'vejl2025-k27-p1', 'vejl2025-k27-p2'],
  },
  pre_approved: {
    regime: 'pre_approved',
    registeredBy: 'Personalet: én registrering med et skøn over, hvor mange gange indgrebet er brugt i perioden',
    deadline:
      'senest når den kommunale afgørelse ophører; straks, hvis betingelserne ikke længere er opfyldt, eller hvis personen kraftigt modsætter sig',
    reportTo: LEADER_FORWARDS,
    reportEvery:
      'senest {acute_registration_days} dage efter registreringen (ved én samlet registrering, når afgørelsen ophører: straks)',
    citations: ['sel-135a-stk1', 'vejl2025-k27-p2', 'vejl2025-k27-p3'],
  },
  move: {
    regime: 'move',
    registeredBy: 'Personalet, når flytningen gennemføres (kun selve fuldbyrdelsen af afgørelsen registreres)',
    deadline: 'straks og senest {acute_registration_days} dage efter, at indgrebet har fundet sted',
    reportTo: LEADER_FORWARDS,
    reportEvery: 'månedligt',
    citations: ['sel-135a-stk1', 'vejl2025-k27-p1', 'vejl2025-k27-p2'],
    readings: [
      {
        deadline: 'straks og senest {acute_registration_days} dage efter, at indgrebet har fundet sted',
        reportEvery: 'månedligt',
        citations: ['vejl2025-k27-p1', 'vejl2025-k27-p2'],
      },
      {
        deadline: 'senest med udgangen af den måned, hvor flytningen er påbegyndt',
        reportEvery: 'kvartalsvist',
        citations: ['vejl2025-k27-p2'],
      },
    ],
    conflict:
      'Vejledningen er selvmodsigende: den citerede bekendtgørelse § 21, stk. 1, og vejledningens første afsnit nævner flytninger efter §§ 129, 129 a og 136 f under fristen "straks og senest {acute_registration_days} dage", mens det følgende afsnit siger "senest med udgangen af den måned, hvor flytningen er påbegyndt" med kvartalsvis indberetning. Bekendtgørelsens tekst er vist først; afklar med kommunen, hvilken frist der bruges.',
  },
  kap24d: {
    regime: 'kap24d',
    registeredBy:
      'Personalet på boformen – hvert indgreb, også når kommunalbestyrelsen har truffet afgørelse for en periode (navn, tidspunkt, varighed, indgrebets art og begrundelse; ved undersøgelse af besøgende også den besøgendes navn)',
    deadline: 'inden for {kap24d_registration_hours} timer (normalt samme dag, som indgrebet er iværksat)',
    reportTo:
      'Lederen af boformen eller stedfortræderen indberetter uden ugrundet ophold til kommunalbestyrelsen i handlekommunen; ved månedens udgang sendes kopi af registreringerne med kommentarer til kommunalbestyrelsen i handlekommunen og til socialtilsynet (og kommunale/regionale driftsherrer orienteres)',
    reportEvery:
      'uden ugrundet ophold efter hver registrering, og månedligt (kopi til kommunalbestyrelsen og socialtilsynet)',
    citations: ['vejl2025-k33-p1', 'vejl2025-k33-p2'],
    personInformed: true,
  },
  none: {
    regime: 'none',
    registeredBy: null,
    deadline: null,
    reportTo: null,
    reportEvery: null,
    citations: ['vejl2025-k27-p4'],
  },
};

/** A fresh registration object (callers may serialise it; never share mutable state). */
export function registrationFor(regime: RegistrationRegime, relativesInformed: boolean): Registration {
  const base = BASE[regime];
  return {
    ...base,
    citations: [...base.citations, ...(relativesInformed ? ['sel-135a-stk3', 'vejl2025-k27-p5'] : [])],
    ...(base.readings ? { readings: base.readings.map((r) => ({ ...r, citations: [...r.citations] })) } : {}),
    relativesInformed,
  };
}

export const REGISTRATION_CITATIONS: string[] = [
  ...new Set(Object.values(BASE).flatMap((b) => [...b.citations, ...(b.readings ?? []).flatMap((r) => r.citations)])),
  'sel-135a-stk3',
  'vejl2025-k27-p5',
];
