/**
 * Incidents told in the past tense ("Vi holdt Lone fast i går …, hvad skal vi gøre nu?"): the incident date,
 * so the answer speaks retrospectively and dates its to-dos from the incident, not from today.
 */
import { DANISH_MONTHS } from '../answer/labels.ts';
import { parseNumberWord } from './lexicon.ts';

const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const MONTHS = DANISH_MONTHS;

/** Past-tense verbs of the acts staff report (holdt, låste, gav, spændte, …) after a subject. */
const PAST_ACT =
  /\b(?:vi|jeg|personalet|kollegaen|min kollega|en kollega|de|hun|han|nattevagten|vagten)\s+(?:har\s+|havde\s+)?(?:holdt|holdte|låste|låst|tog|taget|gav|givet|spændte|spændt|førte|ført|fastholdt|fastholdte|brugte|brugt|skubbede|trak|greb|bar|båret|lukkede|lukket|afskærmede|afskærmet|fjernede|fjernet|satte|sat|flyttede|flyttet|puttede|stoppede|forhindrede|ringede)\b/iu;
const PAST_EVENT = /\b(?:skete|er sket|har fundet sted|fandt sted|hvad skal vi gøre nu|hvad gør vi nu)\b/iu;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const minusDays = (today: string, n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return iso(d);
};

/** The date a past incident happened, or null when the message is not about an incident that happened. */
export function incidentDateOf(message: string, today: string): string | null {
  const m = message.toLowerCase();
  const when = dateIn(m, today);
  if (!PAST_ACT.test(m) && !PAST_EVENT.test(m) && !(when && when < today)) return null;
  return when ?? today;
}

function dateIn(m: string, today: string): string | null {
  if (/\bi forgårs\b/u.test(m)) return minusDays(today, 2);
  if (/\bi går\b/u.test(m)) return minusDays(today, 1);
  if (/\b(?:i dag|i morges|i formiddags|i eftermiddags|i aftes|i nat)\b/u.test(m)) return today;
  const ago = /\bfor (\d{1,2}|to|tre|fire|fem|seks) dage siden\b/u.exec(m);
  if (ago) {
    const words: Record<string, number> = { to: 2, tre: 3, fire: 4, fem: 5, seks: 6 };
    return minusDays(today, words[ago[1]!] ?? Number(ago[1]));
  }
  const isoDate = /\b(20\d\d-\d\d-\d\d)\b/u.exec(m);
  if (isoDate && isoDate[1]! <= today) return isoDate[1]!;
  const named = new RegExp(`\\b(\\d{1,2})\\.\\s*(${MONTHS.join('|')})\\b`, 'u').exec(m);
  if (named) {
    const y = Number(today.slice(0, 4));
    const mm = String(MONTHS.indexOf(named[2]!) + 1).padStart(2, '0');
    const dd = named[1]!.padStart(2, '0');
    const d = `${y}-${mm}-${dd}`;
    return d <= today ? d : `${y - 1}-${mm}-${dd}`;
  }
  const wd = new RegExp(`\\b(?:i|sidste|om)\\s+(${WEEKDAYS.join('|')})s?\\b`, 'u').exec(m);
  if (wd && /\b(?:i|sidste)\s/u.test(wd[0])) {
    const target = WEEKDAYS.indexOf(wd[1]!);
    const now = new Date(`${today}T00:00:00Z`).getUTCDay();
    const back = (now - target + 7) % 7 || 7;
    return minusDays(today, back);
  }
  return null;
}

function minusMonths(today: string, n: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A date as staff give a decision's date: "2025-03-01", "1. marts 2025", "marts 2025" (the 1st), "1/3-2025",
 * "for 2 år siden", "for et halvt år siden", "for 20 måneder siden". Null when there is none.
 */
export function dateOf(message: string, today: string): string | null {
  const m = message.toLowerCase();
  const isoDate = /\b(20\d\d-\d\d-\d\d)\b/u.exec(m);
  if (isoDate) return isoDate[1]!;
  const months = MONTHS.join('|');
  const full = new RegExp(`\\b(\\d{1,2})\\.?\\s*(${months})\\s+(20\\d\\d)\\b`, 'u').exec(m);
  if (full) return `${full[3]}-${String(MONTHS.indexOf(full[2]!) + 1).padStart(2, '0')}-${full[1]!.padStart(2, '0')}`;
  const monthYear = new RegExp(`\\b(${months})\\s+(20\\d\\d)\\b`, 'u').exec(m);
  if (monthYear) return `${monthYear[2]}-${String(MONTHS.indexOf(monthYear[1]!) + 1).padStart(2, '0')}-01`;
  const slash = /\b(\d{1,2})[/.](\d{1,2})[-/.](20\d\d)\b/u.exec(m);
  if (slash) return `${slash[3]}-${slash[2]!.padStart(2, '0')}-${slash[1]!.padStart(2, '0')}`;
  if (/\bfor\s+et\s+halvt\s+år\s+siden\b/u.test(m)) return minusMonths(today, 6);
  if (/\bfor\s+halvandet\s+år\s+siden\b/u.test(m)) return minusMonths(today, 18);
  const ago =
    /\bfor\s+(\d{1,2}|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|atten)\s+(år|måned(?:er)?)\s+siden\b/u.exec(
      m,
    );
  const n = ago ? parseNumberWord(ago[1]!) : undefined;
  if (ago && n !== undefined) return minusMonths(today, ago[2] === 'år' ? n * 12 : n);
  return null;
}
