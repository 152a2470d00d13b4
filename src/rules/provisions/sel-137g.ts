/**
 * SEL § 137 g (kap. 24 d): listening in on or monitoring (stk. 1) and cutting off (stk. 2) the placed person's
 * telephone and internet, never communication with authorities, lawyers, værger or bistandsværger (stk. 3);
 * the driftsherre's general device ban in a § 108 boform with sikrede afdelinger (stk. 4).
 */

import { NOT_FORCE } from '../common.ts';
import {
  endsWhenConditionsLapse,
  kap24dDecision,
  kap24dInterim,
  lessIntrusive24d,
  orderOrSafety,
  secureUnit,
  target24d,
} from '../common-24cd.ts';
import { not } from '../predicates.ts';
import type { ConditionDef, Provision } from '../types.ts';

/** § 137 g, stk. 3: absolute. */
const protectedCommunication: ConditionDef = {
  id: 'not-protected-correspondent',
  text: 'Kommunikationen er ikke med offentlige myndigheder, advokater, værger eller bistandsværger – den må aldrig påhøres, overvåges, afbrydes eller forhindres.',
  cite: ['vejl2025-k31', 'vejl2025-k31-p1'],
  kind: 'prohibition',
  when: not('protectedCorrespondent'),
  unmet:
    'Den anbragtes kommunikation med offentlige myndigheder, advokater, værger eller bistandsværger kan hverken påhøres, overvåges, afbrydes eller forhindres (§ 137 g, stk. 3).',
};

export const sel137gStk1: Provision = kap24dDecision({
  id: 'sel-137g-stk1',
  label: 'SEL § 137 g, stk. 1',
  title: 'Påhøring eller overvågning af den anbragtes brug af telefon og internet',
  cite: ['vejl2025-k31', 'vejl2025-k31-p1'],
  conditions: [
    ...target24d,
    protectedCommunication,
    {
      ...orderOrSafety(['vejl2025-k31', 'vejl2025-k31-p1']),
      text: 'Påhøring eller overvågning i et konkret tilfælde skønnes nødvendig af ordens- eller sikkerhedsmæssige hensyn, herunder for at forebygge eller forhindre kriminalitet (f.eks. kontakt til børn for nøgenbilleder, køb af narkotika, chikane via telefon) – vurderet ud fra adfærden under anbringelsen.',
    },
    lessIntrusive24d,
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Afgørelsen kræver ikke retskendelse. Kan overvågningen ikke gennemføres, fordi den anbragte forhindrer den, kan der i stedet træffes afgørelse om afbrydelse efter stk. 2.',
      citations: ['vejl2025-k31-p1'],
    },
  ],
});

export const sel137gStk2: Provision = kap24dDecision({
  id: 'sel-137g-stk2',
  label: 'SEL § 137 g, stk. 2',
  title: 'Afbrydelse eller forhindring af den anbragtes adgang til telefon og internet',
  cite: ['vejl2025-k31', 'vejl2025-k31-p1'],
  conditions: [
    ...target24d,
    protectedCommunication,
    {
      ...orderOrSafety(['vejl2025-k31', 'vejl2025-k31-p1']),
      text: 'Afbrydelsen er nødvendig af ordens- eller sikkerhedsmæssige hensyn, herunder for at forebygge eller forhindre kriminalitet – vurderet ud fra adfærden under anbringelsen.',
    },
    lessIntrusive24d,
    endsWhenConditionsLapse,
  ],
  notes: [
    {
      text: 'Afbrydelsen kan f.eks. ske ved at afbryde strømmen til computeren, slukke routeren eller tage simkortet ud. Er det ikke nok, kan der træffes afgørelse om inddragelse af effekter efter § 137 i.',
      citations: ['vejl2025-k31-p1'],
    },
  ],
});

export const sel137gStk1Interim: Provision = kap24dInterim(sel137gStk1);
export const sel137gStk2Interim: Provision = kap24dInterim(sel137gStk2);

/** § 137 g, stk. 4: the driftsherre's general ban; not a decision, no registration, no complaint. */
export const sel137gStk4: Provision = {
  id: 'sel-137g-stk4',
  label: 'SEL § 137 g, stk. 4',
  title: 'Generelt forbud mod computere, mobiltelefoner, tablets o.l. med internetadgang i hele boformen',
  chapter: '24d',
  ...NOT_FORCE,
  decider: 'sel-137g-stk4',
  complaintCite: [],
  maxDuration: null,
  cite: ['vejl2025-k32', 'vejl2025-k32-p1'],
  conditions: [
    ...target24d,
    secureUnit(['vejl2025-k32', 'vejl2025-k32-p1']),
    {
      id: 'in-house-rules',
      text: 'Forbuddet fremgår af boformens husorden.',
      cite: ['vejl2025-k32-p1'],
      kind: 'statutory',
    },
    {
      id: 'whole-boform',
      text: 'Forbuddet gælder i hele boformen – både åbne og sikrede afdelinger – men ikke under udgang, og ikke fastnettelefoner eller mobiltelefoner uden internetadgang.',
      cite: ['vejl2025-k32-p1'],
      kind: 'statutory',
    },
    {
      id: 'alternative-internet',
      text: 'Driftsherren sørger for, at de anbragte på anden vis har adgang til internettet (f.eks. et computerlokale i faste tidsrum); overvågning af beboere med domsvilkår sker manuelt ved personligt opsyn, aldrig elektronisk.',
      cite: ['vejl2025-k32', 'vejl2025-k32-p1'],
      kind: 'statutory',
    },
  ],
  deciderText:
    'Driftsherren (den myndighed, der driver boformen) beslutter selv forbuddet uden materielle betingelser eller formkrav, men forbuddet skal fremgå af husordenen. Det er ikke en afgørelse: det skal ikke registreres eller indberettes og kan ikke påklages til Ankestyrelsen.',
};
