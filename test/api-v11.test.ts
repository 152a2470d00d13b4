/**
 * Journal API v1.1 (issue 17): dry runs that make no record, the vendor's case reference on records and a list by
 * it for the owning key only, and the structured fields of incidents/check (dueDate from the incident date, the
 * reporting chain as codes, the complaint route with its deadline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../src/rules/index.ts';
import { PRINT_LINK_SECONDS, recordIdCodec } from '../src/server/api/record-id.ts';
import { bearer, call, startApiServer, type TestServer } from './api-helpers.ts';

const HOLD = {
  measure: 'restraint',
  date: '2026-11-30',
  facts: { consent: 'objects', documentedImpairment: true, impairmentCause: 'other', riskOfHarm: true },
};

describe('journal API v1.1', () => {
  let srv: TestServer;
  let keyA: string;
  let keyB: string;
  beforeAll(async () => {
    srv = await startApiServer({ HJEMMEL_REQUIRE_KEY: '1' });
    keyA = (await srv.keys.create({ name: 'journal A', origins: [] })).key;
    keyB = (await srv.keys.create({ name: 'journal B', origins: [] })).key;
  });
  afterAll(async () => {
    await srv.close();
  });

  it('evaluate carries the same structured deadlines as incidents/check, for an act on asOf', async () => {
    const r = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'restraint', asOf: '2026-11-30', facts: HOLD.facts, dryRun: true },
      headers: bearer(keyA),
    });
    expect(r.status).toBe(200);
    expect(r.json.dueDate).toBe('2026-12-03');
    expect(r.json.reportToCodes.map((c: { code: string }) => c.code)).toEqual([
      'leader',
      'municipality',
      'supervision',
    ]);
    expect(r.json.complaint).toMatchObject({ to: 'municipality', deadlineDays: null });
    expect(r.json.todo.find((t: { due?: string }) => t.due)?.due).toBe('2026-12-03');
    // An act that needs no registration has no due date.
    const none = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'house_rules', asOf: '2026-11-30', facts: {}, dryRun: true },
      headers: bearer(keyA),
    });
    expect(none.json.dueDate).toBeNull();
    expect(none.json.reportToCodes).toBeNull();
  });

  it('dryRun answers without making a record', async () => {
    const list = async () =>
      (await call(`${srv.url}/api/v1/records?caseRef=SAG-DRY`, { headers: bearer(keyA) })).json.records.length;
    const e = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'restraint', facts: HOLD.facts, dryRun: true, caseRef: 'SAG-DRY' },
      headers: bearer(keyA),
    });
    expect(e.status).toBe(200);
    expect(e.json.outcome).toBeDefined();
    expect(e.json.recordId).toBeUndefined();
    expect(e.headers.get('x-record-id')).toBeNull();
    const c = await call(`${srv.url}/api/v1/incidents/check`, {
      body: { ...HOLD, dryRun: true, caseRef: 'SAG-DRY' },
      headers: bearer(keyA),
    });
    expect(c.status).toBe(200);
    expect(c.json.recordId).toBeUndefined();
    expect(await list()).toBe(0);
  });

  it('incidents/check gives dueDate from the incident date, the reporting chain as codes and the complaint route', async () => {
    const c = await call(`${srv.url}/api/v1/incidents/check`, { body: HOLD, headers: bearer(keyA) });
    expect(c.status).toBe(200);
    expect(c.json.mustRegister).toBe(true);
    expect(c.json.dueDate).toBe('2026-12-03');
    expect(c.json.reportToCodes.map((r: { code: string }) => r.code)).toEqual([
      'leader',
      'municipality',
      'supervision',
    ]);
    expect(c.json.complaint).toMatchObject({ to: expect.any(String), text: expect.stringContaining('klage') });
    const secured = await call(`${srv.url}/api/v1/incidents/check`, {
      body: {
        measure: 'lock_own_home_exterior',
        date: '2026-11-30',
        facts: { consent: 'objects', documentedImpairment: true, impairmentCause: 'dementia', riskOfHarm: true },
      },
      headers: bearer(keyA),
    });
    expect(secured.status).toBe(200);
    expect(secured.json.complaint).toMatchObject({ to: 'ankestyrelsen', deadlineDays: 28 });
    expect(secured.json.complaint.text).toContain('4 uger');
    const none = await call(`${srv.url}/api/v1/incidents/check`, {
      body: { measure: 'house_rules', date: '2026-11-30', facts: {} },
      headers: bearer(keyA),
    });
    expect(none.json.dueDate).toBeNull();
  });

  it('keeps caseRef on the record and lists records by it for the owning key only', async () => {
    const made = await call(`${srv.url}/api/v1/incidents/check`, {
      body: { ...HOLD, caseRef: 'SAG-2026-0042' },
      headers: bearer(keyA),
    });
    expect(made.json.caseRef).toBe('SAG-2026-0042');
    const ev = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'restraint', facts: HOLD.facts, caseRef: 'SAG-2026-0042' },
      headers: bearer(keyA),
    });
    const mine = await call(`${srv.url}/api/v1/records?caseRef=SAG-2026-0042`, { headers: bearer(keyA) });
    expect(mine.status).toBe(200);
    expect(mine.json.records.map((r: { recordId: string }) => r.recordId)).toEqual([
      ev.json.recordId,
      made.json.recordId,
    ]);
    expect(mine.json.records[1]).toMatchObject({ kind: 'incident', measure: 'restraint' });
    const rec = await call(`${srv.url}/api/v1/records/${made.json.recordId}`, { headers: bearer(keyA) });
    expect(rec.json.caseRef).toBe('SAG-2026-0042');
    // JSON and printable HTML only: a PDF is 406, never JSON in disguise; the print shows labels, not fact keys.
    const pdf = await call(`${srv.url}/api/v1/records/${made.json.recordId}?format=pdf`, { headers: bearer(keyA) });
    expect(pdf.status).toBe(406);
    expect(pdf.json.error.code).toBe('not_acceptable');
    const accept = await call(`${srv.url}/api/v1/records/${made.json.recordId}`, {
      headers: { ...bearer(keyA), accept: 'application/pdf' },
    });
    expect(accept.status).toBe(406);
    const html = await call(`${srv.url}/api/v1/records/${made.json.recordId}?format=html`, { headers: bearer(keyA) });
    expect(html.status).toBe(200);
    expect(html.text).not.toMatch(/>impairmentCause</);
    expect(html.text).not.toMatch(/>other</);
    // Another key neither lists nor reads them.
    const theirs = await call(`${srv.url}/api/v1/records?caseRef=SAG-2026-0042`, { headers: bearer(keyB) });
    expect(theirs.json.records).toEqual([]);
    expect((await call(`${srv.url}/api/v1/records/${made.json.recordId}`, { headers: bearer(keyB) })).status).toBe(404);
    // A bad reference is refused with the shared error shape.
    const bad = await call(`${srv.url}/api/v1/records?caseRef=${encodeURIComponent('<script>')}`, {
      headers: bearer(keyA),
    });
    expect(bad.status).toBe(400);
    const badBody = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'restraint', facts: {}, caseRef: 'x'.repeat(65) },
      headers: bearer(keyA),
    });
    expect(badBody.status).toBe(400);
  });

  it('publishes the changelog: the newest rules entry is the running rulesVersion, the API version is in the spec', async () => {
    const c = await call(`${srv.url}/api/v1/changelog`, { headers: bearer(keyA) });
    expect(c.status).toBe(200);
    expect(c.json.rules[0].version).toBe(RULES_VERSION);
    expect(c.json.api[0].version).toMatch(/^1\.\d+\.\d+$/);
    const spec = await call(`${srv.url}/api/v1/openapi.json`);
    expect(spec.json.info.version).toContain(c.json.api[0].version);
    expect(spec.json.paths['/api/v1/changelog']).toBeDefined();
  });

  it('opens the printable record by a short-lived signed link, without the key; a tampered or expired link is 404', async () => {
    const made = await call(`${srv.url}/api/v1/incidents/check`, { body: HOLD, headers: bearer(keyA) });
    const rec = await call(`${srv.url}/api/v1/records/${made.json.recordId}`, { headers: bearer(keyA) });
    const print = rec.json.print as { url: string; exp: number; sig: string };
    expect(print.url).toMatch(/^\/api\/v1\/records\/rec_[A-Za-z0-9_-]{22}\/print\?exp=\d+&sig=/);
    expect(print.exp - Date.now() / 1000).toBeLessThanOrEqual(PRINT_LINK_SECONDS + 1);
    const page = await call(`${srv.url}${print.url}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Beslutningsnotat');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const tampered = print.url.replace(/sig=./, (m) => (m.endsWith('A') ? 'sig=B' : 'sig=A'));
    expect((await call(`${srv.url}${tampered}`)).status).toBe(404);
    const other = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'restraint', facts: {} },
      headers: bearer(keyA),
    });
    const moved = print.url.replace(made.json.recordId, other.json.recordId);
    expect((await call(`${srv.url}${moved}`)).status).toBe(404);
    const later = print.url.replace(`exp=${print.exp}`, `exp=${print.exp + 3600}`);
    expect((await call(`${srv.url}${later}`)).status).toBe(404);
    // Expiry, by the codec's clock.
    const codec = recordIdCodec(Buffer.from('a-server-token-secret-of-32-bytes!'));
    const sig = codec.signPrint('rec_x', 1000);
    expect(codec.verifyPrint('rec_x', 1000, sig, 999)).toBe(true);
    expect(codec.verifyPrint('rec_x', 1000, sig, 1001)).toBe(false);
  });
});
