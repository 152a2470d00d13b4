/** SEL § 128 Stofseler (KB, 18 months, bek. § 4); stk. 2 resistance rule. */

import { ALL_SETTINGS, forceBasics, lessIntrusiveFirst, PRE_APPROVED_24, proportionate } from '../common.ts';
import { all, any, holds, is, isNot } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel128: Provision = {
  id: 'sel-128',
  label: 'SEL § 128',
  title: 'Anvendelse af stofseler',
  ...PRE_APPROVED_24,
  decider: 'sel-128',
  complaintCite: ['sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128',
  cite: ['sel-128-stk1', 'vejl2025-k16-p1'],
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'belt-ground',
      text: 'Selen bruges på et af lovens grunde: nærliggende risiko for personskade ved fald, uhensigtsmæssig siddestilling eller pludselige, ukontrollerbare bevægelser, eller den hjælper personen med en handling, der ellers ville være særdeles begrænset eller anstrengt – aldrig for at begrænse adfærd eller uro.',
      cite: ['sel-128-stk1', 'vejl2025-k16-p3'],
      kind: 'prohibition',
      when: isNot('beltReason', 'restlessness'),
      unmet: 'Stofseler må aldrig bruges til at begrænse eller indskrænke en persons adfærd, f.eks. uro.',
    },
    {
      id: 'belt-device',
      text: 'Der bruges en stofsele el.lign. (f.eks. bækkenbælte eller sternumstøtte) – aldrig metalbure, reb, indespærrende sengeheste eller fiksering.',
      cite: ['vejl2025-k16-p4', 'vejl2025-k9-p11'],
      kind: 'prohibition',
      when: is('beltDevice', 'fabric_belt_or_similar'),
      unmet:
        'Metalbure, reb og lignende må ikke bruges, sengeheste må ikke være indespærrende, og fiksering er aldrig lovlig efter serviceloven.',
    },
    {
      id: 'no-resistance',
      text: 'Ved siddestilling, pludselige bevægelser eller hjælp til en handling må selen ikke bruges, når personen modsætter sig (ved faldrisiko må den).',
      cite: ['sel-128-stk2', 'vejl2025-k16-p2'],
      kind: 'statutory',
      when: any(isNot('consent', 'objects'), is('beltReason', 'fall')),
      unmet:
        'Når selen skal bruges på grund af siddestilling, pludselige bevægelser eller som hjælp til en handling, må den ikke bruges, hvis personen modsætter sig (§ 128, stk. 2).',
      atUse: {
        unmet:
          'Når personen modsætter sig, må selen ikke bruges på grund af siddestilling, pludselige bevægelser eller som hjælp til en handling – heller ikke med en afgørelse (§ 128, stk. 2).',
        unknown:
          'Modsætter personen sig (også med ord), må selen kun bruges, hvis afgørelsen er givet på grund af faldrisiko (§ 128, stk. 2).',
        met: [
          {
            when: all(is('consent', 'objects'), is('beltReason', 'fall')),
            text: 'Ved faldrisiko må selen bruges, selv om personen modsætter sig (§ 128, stk. 2).',
          },
          {
            when: isNot('consent', 'objects'),
            text: 'Personen modsætter sig ikke, så selen må bruges som beskrevet i afgørelsen.',
          },
        ],
      },
    },
    {
      id: 'risk-injury',
      text: 'Risikoen for personskade er konkret kendt (personen er tidligere kommet til skade eller gentagne gange har været i nærliggende risiko).',
      cite: ['vejl2025-k16-p2'],
      kind: 'statutory',
      when: holds('riskOfHarm'),
      unmet:
        'En formodning om risiko er ikke nok: der skal være konkret viden om tidligere skader eller gentagne risikosituationer.',
    },
    {
      id: 'absolutely-required',
      text: 'Forholdene gør det absolut påkrævet, og mindre indgribende hjælpemidler (f.eks. sengeheste, lav seng, puder) er udelukket; formål og placering af hver sele er beskrevet.',
      cite: ['sel-128-stk1', 'vejl2025-k16-p2'],
      kind: 'authority',
    },
    lessIntrusiveFirst,
    proportionate,
  ],
};
