/**
 * SEL § 128 b: stk. 1 situational camera look-in (the board, 12 months);
 * stk. 2 other welfare technology (KB, 12 months), with bek. nr. 1412/2024 §§ 2 and 7.
 */

import { ALL_SETTINGS, forceBasics, lessIntrusiveFirst, PRE_APPROVED_24, proportionate } from '../common.ts';
import { any, holds, judged, not } from '../predicates.ts';
import type { ConditionDef, Provision } from '../types.ts';

export const noRecording: ConditionDef = {
  id: 'no-recording',
  text: 'Løsningen optager, gemmer eller lagrer hverken lyd eller billeder.',
  cite: ['bek1412-2-stk2', 'vejl2025-k17-p9', 'vejl2025-k17-p13'],
  kind: 'prohibition',
  when: not('recordsOrStores'),
  unmet: 'Lyd og billeder må aldrig optages, gemmes eller lagres.',
};

export const noTwoWayAudio: ConditionDef = {
  id: 'no-two-way-audio',
  text: 'Lydovervågning giver ikke tovejskommunikation.',
  cite: ['bek1412-2-stk1-nr2', 'vejl2025-k17-p9'],
  kind: 'prohibition',
  when: not('twoWayAudio'),
  unmet: 'Lydovervågning må ikke give mulighed for tovejskommunikation.',
};

export const noOpenFrequency: ConditionDef = {
  id: 'no-open-frequency',
  text: 'Lyd sendes ikke på åbne frekvensbånd.',
  cite: ['bek1412-2-stk1-nr2', 'vejl2025-k17-p9'],
  kind: 'prohibition',
  when: not('openFrequency'),
  unmet: 'Lyd må ikke sendes på åbne frekvensbånd.',
};

export const noRecognizableImage: ConditionDef = {
  id: 'no-recognizable-image',
  text: 'Video- og billedovervågning viser ikke et genkendeligt billede af personen (det er kamerakig, § 128 b, stk. 1).',
  cite: ['bek1412-2-stk1-nr3', 'vejl2025-k17-p9'],
  kind: 'prohibition',
  when: not('recognizableImage'),
  unmet:
    'Video- og billedovervågning må ikke vise et genkendeligt billede; et genkendeligt billede er situationsbestemt kamerakig, som kræver afgørelse fra Det Socialfaglige Nævn (§ 128 b, stk. 1).',
};

export const reactiveUse: ConditionDef = {
  id: 'reactive-use',
  text: 'Løsningen bruges kun som reaktiv alarm eller tidsbegrænset digitalt tilsyn, og personalet er til stede til at reagere.',
  cite: ['bek1412-2-stk2', 'vejl2025-k17-p9', 'vejl2025-k17-p4'],
  kind: 'authority',
};

/** Met when no AI is used; with AI, the authority judges whether the person is informed (usesAI is asked). */
export const aiInformed: ConditionDef = {
  id: 'ai-informed',
  text: 'Bruges kunstig intelligens, er personen eller repræsentanten informeret, og der indsamles kun nødvendige data.',
  cite: ['bek1412-7', 'vejl2025-k17-p10'],
  kind: 'authority',
  when: any(not('usesAI'), judged()),
};

/** Hard limits of bek. nr. 1412/2024 § 2 for welfare technology other than camera look-in. */
export const technologyLimits: ConditionDef[] = [
  noRecording,
  noTwoWayAudio,
  noOpenFrequency,
  noRecognizableImage,
  reactiveUse,
  aiInformed,
];

export const sel128bStk1: Provision = {
  id: 'sel-128b-stk1',
  label: 'SEL § 128 b, stk. 1',
  title: 'Situationsbestemt kamerakig',
  ...PRE_APPROVED_24,
  decider: 'sel-128b-stk1',
  complaintCite: ['sel-134-stk1', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128b-stk1',
  cite: ['sel-128b-stk1', 'vejl2025-k17-p11'],
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'risk-injury',
      text: 'Der er en konkret vurderet risiko for personskade (f.eks. fald om natten).',
      cite: ['sel-128b-stk1', 'vejl2025-k17-p11'],
      kind: 'statutory',
      when: holds('riskOfHarm'),
      unmet: 'Kamerakig kræver en konkret vurderet risiko for personskade.',
    },
    {
      id: 'situational',
      text: 'Kigget er situationsbestemt (ingen konstant overvågning), i de situationer og tidsrum nævnet fastsætter, vises kun live, logges og har en tydelig indikator; det bruges ikke alene mod utryghed.',
      cite: ['sel-128b-stk3', 'vejl2025-k17-p13', 'vejl2025-k17-p11'],
      kind: 'authority',
    },
    noRecording,
    lessIntrusiveFirst,
    proportionate,
  ],
};

export const sel128bStk2: Provision = {
  id: 'sel-128b-stk2',
  label: 'SEL § 128 b, stk. 2',
  title: 'Tryghedsskabende velfærdsteknologi',
  ...PRE_APPROVED_24,
  decider: 'sel-128b-stk2',
  complaintCite: ['sel-133-stk2', 'vejl2025-k28-p2'],
  maxDuration: 'sel-128b-stk2',
  cite: ['sel-128b-stk2', 'bek1412-2-stk1', 'vejl2025-k17-p4'],
  conditions: [
    ...forceBasics(ALL_SETTINGS, ['vejl2025-k10-p2']),
    {
      id: 'risk-injury',
      text: 'Der er risiko for personskade efter en konkret vurdering – ikke blot en formodning.',
      cite: ['sel-128b-stk2', 'vejl2025-k17-p4'],
      kind: 'statutory',
      when: holds('riskOfHarm'),
      unmet: 'Tryghedsskabende velfærdsteknologi efter § 128 b, stk. 2, kræver en konkret risiko for personskade.',
    },
    ...technologyLimits,
    lessIntrusiveFirst,
    proportionate,
  ],
};
