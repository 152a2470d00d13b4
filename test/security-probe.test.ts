/**
 * The security probe's assertions as a test (issue 16): every attack of the review is repeated against a
 * fresh loopback server and must find no leak, with the expected refusals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTable, type ProbeRow, runSecurityProbe } from '../evals/security/probe.ts';

describe('security probe', () => {
  let rows: ProbeRow[];
  beforeAll(async () => {
    rows = await runSecurityProbe();
  }, 180_000);

  const row = (prefix: string) => {
    const r = rows.find((x) => x.attack.startsWith(prefix));
    if (!r) throw new Error(`no probe row ${prefix}`);
    return r;
  };

  it('finds no leak in any attack', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) expect(r.leaks, `${r.attack}\n${formatTable(rows)}`).toBe(0);
  });

  it('refuses another key, another token and tampered tokens with 404/401', () => {
    expect(row("another key's session").statuses).toEqual({ 404: 5 });
    expect(row('browser token').statuses).toEqual({ 200: 1, 404: 2 });
    expect(row('token with extra part').statuses).toEqual({ 401: 5 });
  });

  it('answers 421 for foreign hosts, 401/403 for proxy-header tricks, 429 for token guessing', () => {
    expect(row('Host:').statuses).toEqual({ 421: 12 });
    const proxied = row('X-Real-IP');
    expect(proxied.statuses['200'] ?? 0).toBe(0);
    expect(proxied.requests).toBe(15);
    const guess = row('admin token guessing');
    expect(guess.statuses['429']).toBeGreaterThan(0);
    expect(guess.statuses['200'] ?? 0).toBe(0);
    expect(row('secret key reads quiz').statuses).toEqual({ 401: 3 });
  });
});
