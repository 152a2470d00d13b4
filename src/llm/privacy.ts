/**
 * Danish CPR numbers (DDMMYY-XXXX, with or without the dash or a space) are masked before anything
 * is logged, stored or sent to a language model.
 */
const CPR = /\b([0-3]\d)([01]\d)(\d{2})[-\s]?(\d{4})\b/g;

export function maskCpr(text: string): string {
  return text.replace(CPR, (m, dd: string, mm: string) => {
    const day = Number(dd);
    const month = Number(mm);
    // Only mask what is a plausible date; leave other 10-digit numbers alone.
    return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? 'XXXXXX-XXXX' : m;
  });
}

export function containsCpr(text: string): boolean {
  return maskCpr(text) !== text;
}
