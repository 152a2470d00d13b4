import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CPR_MASK, containsCpr, maskCpr, maskPath, plausibleCprDate, scrubCpr } from '../../src/privacy/cpr.ts';

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date-plausible CPR number as its four parts. */
const cprParts = fc
  .record({
    mm: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 0, max: 30 }),
    yy: fc.integer({ min: 0, max: 99 }),
    serial: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ mm, d, yy, serial }) => ({
    dd: pad((d % DAYS[mm - 1]!) + 1),
    mm: pad(mm),
    yy: pad(yy),
    serial: pad(serial, 4),
  }));

const DASHES = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D'];
const SEPARATORS = ['', ' ', '\u00A0', '.', '/', ' - ', ' – ', ...DASHES];
const toFullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Every format named in the issue, applied to one number. */
const formats: Array<(p: { dd: string; mm: string; yy: string; serial: string }, sep: string) => string> = [
  (p) => `${p.dd}${p.mm}${p.yy}${p.serial}`,
  (p, s) => `${p.dd}${p.mm}${p.yy}${s}${p.serial}`,
  (p, s) => `${p.dd}${s}${p.mm}${s}${p.yy}${s}${p.serial}`,
  (p) => `${p.dd}.${p.mm}.${p.yy}-${p.serial}`,
  (p) => `${p.dd} ${p.mm} ${p.yy}-${p.serial}`,
  (p) => `${p.dd}/${p.mm}/${p.yy} ${p.serial}`,
  (p, s) => toFullWidth(`${p.dd}${p.mm}${p.yy}`) + s + toFullWidth(p.serial),
  (p) => `${p.dd}\u200B${p.mm}${p.yy}\u200D-\u2060${p.serial}`,
  (p) => `${p.dd}${p.mm}${p.yy}\u00AD${p.serial}`,
  (p) => `cpr${p.dd}${p.mm}${p.yy}${p.serial}`,
  (p) => `CPR:${p.dd}${p.mm}${p.yy}-${p.serial}`,
  (p) => `abc${p.dd}${p.mm}${p.yy}${p.serial}xyz`,
];

describe('CPR detector', () => {
  it('masks every generated CPR number in every format, keeps the text around it, and is idempotent', () => {
    fc.assert(
      fc.property(
        cprParts,
        fc.constantFrom(...formats),
        fc.constantFrom(...SEPARATORS),
        fc.constantFrom('', 'Borgeren ', 'Hun har cpr-nr. ', '(', 'æøå: '),
        fc.constantFrom('', ' og bor på Solbakken.', ')', '.', ' ?'),
        (p, format, sep, before, after) => {
          const raw = format(p, sep);
          const masked = maskCpr(`${before}${raw}${after}`);
          expect(masked).toContain(CPR_MASK);
          expect(masked.startsWith(before.replace(/cpr$/i, ''))).toBe(true);
          expect(masked.endsWith(after)).toBe(true);
          // No digit of the number survives.
          expect(masked.replace(/\D/g, '')).toBe('');
          expect(maskCpr(masked)).toBe(masked);
          expect(containsCpr(masked)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves date-implausible ten-digit numbers and longer digit runs alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 32, max: 39 }), fc.integer({ min: 0, max: 99_999_999 }), (dd, rest) => {
        const s = `${dd}${pad(rest, 8)}`;
        expect(maskCpr(s)).toBe(s);
      }),
    );
    for (const s of [
      '0113866036', // month 13
      '3002866036', // 30 February
      '3104866036', // 31 April
      '00028660360', // eleven digits
      '123456789012',
      'Ring 12 34 56 78',
      'SEL § 128 c, stk. 2, kl. 10.30-11.15',
      'Afgørelse 2025-03-01, 3 måneder',
      'version 1.2.3',
    ])
      expect(maskCpr(s), s).toBe(s);
  });

  it('knows the calendar', () => {
    expect(plausibleCprDate(29, 2)).toBe(true);
    expect(plausibleCprDate(30, 2)).toBe(false);
    expect(plausibleCprDate(31, 12)).toBe(true);
    expect(plausibleCprDate(0, 1)).toBe(false);
  });

  it('scrubs nested values, keys and CPR-shaped numbers for storage', () => {
    const v = scrubCpr({ a: ['x 010286-6036'], '0102866036': 1, n: 102866036, small: 42, ok: true });
    expect(JSON.stringify(v)).not.toMatch(/6036/);
    expect(v.small).toBe(42);
    expect(v.ok).toBe(true);
  });

  it('decodes paths for the access log and neutralises control characters', () => {
    expect(maskPath('/api/v1/sessions/010286%2D6036')).toBe(`/api/v1/sessions/${CPR_MASK}`);
    expect(maskPath('/api/v1/x/01%E2%80%9302%E2%80%93866036')).toBe(`/api/v1/x/${CPR_MASK}`);
    expect(maskPath('/a%0Afake 200')).toBe('/a?fake 200');
    expect(maskPath('/bad%E2%80')).not.toMatch(/\n/);
  });
});
