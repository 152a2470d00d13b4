/**
 * The one CPR detector. Danish CPR numbers (DDMMYY + 4 digits) are masked as `XXXXXX-XXXX` before anything
 * is stored, logged or sent to a language model.
 *
 * Detection works on a normalised view of the text (NFKC per character, so full-width digits become ASCII;
 * zero-width characters and soft hyphens dropped) and maps matches back to the original text, so everything
 * around a CPR number is left exactly as written. Between the date parts and before the serial any dash
 * (hyphen, en/em dash, non-breaking hyphen, minus sign), dot, slash or whitespace is accepted, up to three
 * characters (" - "). Digit look-arounds replace `\b`, so "cpr1601656015" and digits glued to letters are
 * found, while a longer run of digits is not cut into a CPR number. Only date-plausible numbers are masked
 * (a real day of a real month; 29 February is allowed, as the century is unknown).
 */
import { randomUUID } from 'node:crypto';

export const CPR_MASK = 'XXXXXX-XXXX';

/** Zero-width and invisible formatting characters that may be hidden inside a number. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;

const SEP = String.raw`[\s./\\\p{Pd}\u2212\u2043\uFE63\uFF0D]{0,3}`;
const CPR_NORMALISED = new RegExp(String.raw`(?<!\d)([0-3]\d)${SEP}([01]\d)${SEP}(\d{2})${SEP}(\d{4})(?!\d)`, 'gu');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when DD and MM form a real calendar day (leap day allowed). */
export function plausibleCprDate(dd: number, mm: number): boolean {
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= DAYS_IN_MONTH[mm - 1]!;
}

interface Normalised {
  text: string;
  /** For each UTF-16 unit of `text`: the start offset of the original character it came from. */
  from: number[];
  /** ... and the end offset (exclusive) of that original character. */
  to: number[];
}

function normalise(text: string): Normalised {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const start = i;
    i += ch.length;
    if (INVISIBLE.test(ch)) continue;
    const n = ch.normalize('NFKC');
    for (let k = 0; k < n.length; k++) {
      from.push(start);
      to.push(i);
    }
    out += n;
  }
  return { text: out, from, to };
}

/** The original-text spans [start, end) of every CPR number in `text`. */
export function findCpr(text: string): Array<[number, number]> {
  // Fast path: plain ASCII with fewer than ten digits cannot hold a CPR number.
  if (!/[^\x00-\x7F]/.test(text) && (text.match(/\d/g)?.length ?? 0) < 10) return [];
  const n = normalise(text);
  const spans: Array<[number, number]> = [];
  for (const m of n.text.matchAll(CPR_NORMALISED)) {
    if (!plausibleCprDate(Number(m[1]), Number(m[2]))) continue;
    const s = m.index;
    const e = s + m[0].length - 1;
    spans.push([n.from[s]!, n.to[e]!]);
  }
  return spans;
}

export function maskCpr(text: string): string {
  const spans = findCpr(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += text.slice(at, s) + CPR_MASK;
    at = e;
  }
  return out + text.slice(at);
}

/**
 * A random id (UUID v4) that the CPR masking leaves alone. A UUID's last group can hold ten digits that read as a
 * CPR number ("…-2803762394ce"); stored state is masked at the store boundary, so such an id would come back
 * altered and the session would no longer be found under it. About one UUID in a few thousand is redrawn.
 */
export function cprSafeId(): string {
  for (;;) {
    const id = randomUUID();
    if (!containsCpr(id)) return id;
  }
}

export function containsCpr(text: string): boolean {
  return findCpr(text).length > 0;
}

/** Whether a number, written out as digits, is CPR-shaped (a ten-digit, date-plausible integer). */
export function cprShapedNumber(value: number): boolean {
  if (!Number.isInteger(value) || value < 0) return false;
  const s = String(value).padStart(10, '0');
  return s.length === 10 && plausibleCprDate(Number(s.slice(0, 2)), Number(s.slice(2, 4)));
}

/**
 * Masks CPR numbers in every string (and object key) of a JSON-like value; CPR-shaped numbers become the
 * mask string. Used at the storage boundary, so nothing written to the database carries a raw number.
 */
export function scrubCpr<T>(value: T): T {
  return scrub(value, 0) as T;
}

function scrub(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return maskCpr(v);
  if (typeof v === 'number') return cprShapedNumber(v) ? CPR_MASK : v;
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) return v.map((x) => scrub(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[maskCpr(k)] = scrub(x, depth + 1);
  return out;
}

/** A path for the access log: percent-decoded (so %2D or %E2%80%93 cannot hide a number), then masked. */
export function maskPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  }
  // Control characters would let a crafted path forge log lines.
  return maskCpr(decoded).replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu, '?');
}
