/**
 * Danish domain lexicon for the conversation layer: measure ids and fact names (the contract of
 * issues 3 and 9), text normalisation and Unicode-aware pattern helpers, and the word lists the
 * router uses to decide whether a message is about magtanvendelse at all.
 *
 * Facts and measure ids come from the rule evaluator's schema (src/rules/schema.ts), kap. 24 c / 24 d included.
 */

import {
  FACT_NAMES as RULE_FACT_NAMES,
  MEASURE_IDS as RULE_MEASURE_IDS,
  type Facts as RuleFacts,
  type MeasureId as RuleMeasureId,
} from '../rules/schema.ts';

/** Every measure id the conversation layer can recognise (kap. 24–24 d, the evaluator's contract). */
export const MEASURE_IDS: readonly RuleMeasureId[] = RULE_MEASURE_IDS;
export type MeasureId = RuleMeasureId;

export function isMeasureId(value: unknown): value is MeasureId {
  return typeof value === 'string' && (MEASURE_IDS as readonly string[]).includes(value);
}

/** All facts the extractor can find (src/rules/schema.ts), each one present: extraction returns Partial<Facts>. */
export type Facts = Required<RuleFacts>;

/** Only the facts the rule evaluator's strict schema accepts (drops issue-9 facts it does not know yet). */
export function toRuleFacts(facts: Partial<Facts> | Record<string, unknown>): RuleFacts {
  const out: Record<string, unknown> = {};
  for (const name of RULE_FACT_NAMES) {
    const value = (facts as Record<string, unknown>)[name];
    if (value !== undefined) out[name] = value;
  }
  return out as RuleFacts;
}

export type FactName = keyof Facts;

export const BOOLEAN_FACTS: readonly FactName[] = [
  'documentedImpairment',
  'representativeObjects',
  'aidsUsed',
  'recordsOrStores',
  'twoWayAudio',
  'openFrequency',
  'recognizableImage',
  'usesAI',
  'unlockedAccessRemains',
  'locksIndoorCommonAreas',
  'significantPropertyDamage',
  'repeated',
  'representativeConsents',
  'physicalResistance',
  'locksPersonIn',
  'blocksFoodDrinkOrExit',
  'onlyDelays',
  'doorAlarm',
  'riskOfHarm',
  'justifiedByStaffing',
  'helpPossibleInCurrentHome',
  'placedByCriminalJudgment',
  'secureUnit',
  'undressing',
  'inOwnRoom',
  'onLeave',
  'urgent',
  'lessIntrusiveTried',
  'scannerTriedFirst',
  'sameSexStaff',
  'bodyCavity',
  'readsLetters',
  'protectedCorrespondent',
  'withinNightWindow',
  'nightLockConditionsMet',
  'noHealthRisk',
  'suicidal',
  'canCallStaff',
  'toiletAndWater',
  'regularSupervision',
  'towardsStaffDuringCare',
  'decidedAtCouncilMeeting',
];

export const NUMBER_FACTS: readonly FactName[] = [
  'priorHygieneRestraintsLast6Months',
  'requestedMonths',
  'staffPresent',
  'hours',
];

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Lower-case, unify quotes/dashes and whitespace. Offsets are not preserved (evidence is re-read from this). */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/**
 * Reads a message typed without æ/ø/å ("laase doeren", "maa vi", "hun er demens") as Danish: only when the message
 * has none of the three letters, "aa" becomes "å", and "oe"/"ae" become "ø"/"æ" between consonants or at a word's
 * end after a consonant ("doeren" → "døren", "vaere" → "være"), never next to another vowel ("poesi" stays).
 */
export function restoreDanishLetters(text: string): string {
  if (/[æøåÆØÅ]/u.test(text)) return text;
  return text.replace(/\p{L}+/gu, (word) => {
    // Capitalised words are often names (Michael, Aage): left alone.
    if (/^\p{Lu}/u.test(word) && word.length > 1 && /\p{Ll}/u.test(word)) return word;
    return word
      .replace(/aa/g, 'å')
      .replace(/(?<=[bcdfghjklmnpqrstvwxz])oe(?![aeiouy])/gu, 'ø')
      .replace(/(?<=[bcdfghjklmnpqrstvwxz])ae(?![aeiouy])/gu, 'æ');
  });
}

const LETTER = String.raw`[\p{L}\p{N}_]`;
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;
const WORD_BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;

/**
 * A case-insensitive Unicode regex where `\b` means a word boundary that knows æ, ø and å
 * (JavaScript's own `\b` treats them as non-word characters) and `\w` is any Unicode letter or digit.
 * Do not use `\w` inside a character class.
 */
export function rx(source: string, flags = 'giu'): RegExp {
  // A `\b` before a word (a letter, a group or an escape follows) only needs to look behind; one after a word
  // only needs to look ahead. Both are cheaper than the general boundary, which stays for anything else.
  const withBoundaries = source.replace(/\\b/g, (_m, offset: number) => {
    const next = source.slice(offset + 2, offset + 5);
    if (next === '' || next.startsWith('|') || next.startsWith(')') || /^\(\?[=!]/.test(next)) return WORD_END;
    if (/^[\p{L}\p{N}(]/u.test(next) || /^\\[wp]/.test(next)) return WORD_START;
    return WORD_BOUNDARY;
  });
  return new RegExp(withBoundaries.replaceAll(String.raw`\w`, LETTER), flags);
}

/** Danish number words used by staff ("tre gange", "seks måneder"). */
export const NUMBER_WORDS: Record<string, number> = {
  nul: 0,
  ingen: 0,
  en: 1,
  én: 1,
  et: 1,
  ét: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  atten: 18,
  fireogtyve: 24,
};

export const NUMBER_SOURCE = String.raw`(?:\d{1,3}|nul|ingen|en|én|et|ét|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|atten|fireogtyve)`;

export function parseNumberWord(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

// ---------------------------------------------------------------------------------------------
// Routing vocabulary

/** Words that make a message topically about magtanvendelse / selvbestemmelse in care. */
export const DOMAIN_TERMS = rx(
  String.raw`§|\b(?:magtanvendelse\w*|magt|tvang\w*|indgreb\w*|selvbestemmelse\w*|servicelove\w*|sel\b|paragraf\w*|stk\.|kapitel 24|kap\. ?24|vejledning\w*|bekendtgørelse\w*|håndbog\w*|borger\w*|beboer\w*|bruger(?:en|e|ne)?\b|klient\w*|ældre\b|dement\w*|demens\w*|alzheimer\w*|udviklingshæm\w*|autis\w*|hjerneskade\w*|handicap\w*|funktionsevne\w*|funktionsnedsættelse\w*|samtykke\w*|værge\w*|fremtidsfuldm\w*|pårørende|botilbud\w*|bosted\w*|bofællesskab\w*|plejecent\w*|plejebolig\w*|plejehjem\w*|dagtilbud\w*|aflastning\w*|socialtilsyn\w*|ankestyrelsen|familieretshuset|nævn\w*|kommunalbestyrelse\w*|registrer\w*|indberet\w*|klage\w*|afgørelse\w*|handleplan\w*|lås\w*|aflås\w*|dør\w*|låge\w*|fastholde\w*|holde\s+(?:ham|hende|dem)\b|slår\b|slog\b|sparker\w*|udadreagerende|voldsom\w*|tilbageholde\w*|sele\w*|spænde\w*|alarm\w*|sensor\w*|gps|kamera\w*|velfærdsteknologi\w*|hygiejne\w*|tandbørst\w*|børste\s+tænder|tænder\w*|bleskift\w*|bad\b|medicin\w*|flytning\w*|flytte\w*|visit\w*|kropsvisitation|scann\w*|afskærm\w*|besøg\w*|brevkontrol|post\b|brev\w*|anbragt\w*|anbringelse\w*|dømt\w*|dom\b|dommen|kendelse\w*|sikret\s+afdeling|mobil\w*|telefon\w*|inddrag\w*|husorden\w*|fysisk\s+guidning|guide\w*|afværge\w*|nødværge|nødret|tryghed\w*|personale\w*|medarbejder\w*|omsorg\w*|pleje\w*|frist\w*|varighed)`,
  'iu',
);

/** Clearly off-topic subjects: answered with the polite scope message even if a care word appears. */
export const OFF_TOPIC_TERMS = rx(
  String.raw`\b(?:vejr\w*|regn\w*|sol\w*skin|digt\w*|sang(?:tekst)?|vittighed\w*|joke\w*|opskrift\w*|madplan\w*|parker\w*|p-plads\w*|løn\w*|lønseddel\w*|overenskomst\w*|ferie(?:penge|dage|plan)\w*|vagtplan\w*|skat\w*|pension\w*|fodbold\w*|film\w*|netflix|aktie\w*|bitcoin|bil(?:en)?\s+(?:til|på)\s+værksted|kantine\w*|frokostordning\w*|julefrokost\w*|barsel\w*|sygemeld\w*|opsig\w*|lønforhandling\w*|fagforening\w*|wifi|wi-fi|netværkskode\w*|adgangskode\w*|password\w*|printer\w*|it-support\w*|kaffemaskine\w*|ansøgning\s+om\s+ferie|feriean\w*)`,
  'iu',
);

/** Greetings and small talk without a question about the rules. */
export const SMALL_TALK = rx(
  String.raw`^(?:hej|hejsa|halløj|goddag|godmorgen|godaften|tak|mange tak|tusind tak|hvem er du|hvad kan du|hvordan har du det|hvad hedder du|ok|okay|fint)\b[\s!?.,]*(?:med dig)?[\s!?.]*$`,
  'iu',
);
