// biome-ignore-all lint/suspicious/noExplicitAny: JSON answers of the API under test
/**
 * A journal vendor's first day, as src/server/api/README.md tells it ("Et journalsystem på en dag"):
 * 1. a client generated from the published OpenAPI document with openapi-typescript compiles against a small
 *    integration written with openapi-fetch (named MeasureId, FactName, Outcome, ErrorCode types; a wrong id does
 *    not compile);
 * 2. the walk-through runs end to end against a real server: key (the CLI, on the server's database) → token →
 *    /embed with the case reference → incident check (dry run, then for real) → record → chat turn from the
 *    iframe → list by caseRef → print link opened without a key.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/server/api/openapi.ts';
import { bearer, call, startApiServer, type TestServer } from './api-helpers.ts';

const ROOT = join(import.meta.dirname, '..');

/** The vendor's integration, type-checked against the generated client. */
const INTEGRATION = `import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

type MeasureId = components['schemas']['MeasureId'];
type FactName = components['schemas']['FactName'];
type Outcome = components['schemas']['Outcome'];
type ErrorCode = components['schemas']['ErrorCode'];

export async function walkThrough(baseUrl: string, secret: string, caseRef: string): Promise<string> {
  const client = createClient<paths>({ baseUrl });
  const headers = { Authorization: \`Bearer \${secret}\` };
  const token = await client.POST('/api/v1/tokens', { body: { ttlSeconds: 600 }, headers });
  if (token.error) {
    const code: ErrorCode = token.error.error.code;
    return code;
  }
  const embedUrl = \`\${baseUrl}/embed?measure=restraint&caseRef=\${caseRef}&token=\${token.data.token}\`;
  const measure: MeasureId = 'restraint';
  const fact: FactName = 'holdMinutes';
  const check = await client.POST('/api/v1/incidents/check', {
    body: { measure, date: '2026-11-30', facts: { holdMinutes: 5, dangerToOthers: true }, caseRef },
    headers,
  });
  if (check.error) return check.error.error.message;
  const due: string | null = check.data.dueDate;
  const legal: boolean | null = check.data.legalBasis;
  const outcome: Outcome = check.data.verdict.outcome;
  const todo: string[] = (check.data.todo ?? []).map((t) => t.text);
  const recordId = check.data.recordId;
  if (!recordId) return 'dry run';
  const record = await client.GET('/api/v1/records/{id}', { params: { path: { id: recordId } }, headers });
  const printUrl: string | undefined = record.data?.print.url;
  const list = await client.GET('/api/v1/records', { params: { query: { caseRef } }, headers });
  const listed: Array<Outcome | null> = (list.data?.records ?? []).map((r) => r.outcome);
  return [embedUrl, fact, due, legal, outcome, todo.length, printUrl, listed.length].join(' ');
}

// @ts-expect-error an unknown measure is not a MeasureId
export const badMeasure: MeasureId = 'no_such_measure';
// @ts-expect-error an unknown fact is not a FactName
export const badFact: FactName = 'notAFact';
// @ts-expect-error outcomes are an enum
export const badOutcome: Outcome = 'maybe';
// @ts-expect-error error codes are an enum
export const badCode: ErrorCode = 'oops';

export async function wrongBody(baseUrl: string): Promise<void> {
  const client = createClient<paths>({ baseUrl });
  await client.POST('/api/v1/incidents/check', {
    // @ts-expect-error a fact the API does not know is refused by the Facts type
    body: { measure: 'restraint', date: '2026-11-30', facts: { notAFact: true } },
  });
}
`;

describe('generated client (openapi-typescript + openapi-fetch)', () => {
  it('generates types from the published document and compiles an integration against them', async () => {
    const doc = openApiDocument();
    const types = astToString(await openapiTS(doc as never));
    // Named schemas are named types in the client.
    for (const name of ['MeasureId', 'FactName', 'Facts', 'Outcome', 'ConditionStatus', 'ErrorCode'])
      expect(types, name).toMatch(new RegExp(`\\b${name}:`));
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'test-artifacts', 'codegen-'));
    writeFileSync(join(dir, 'schema.d.ts'), types);
    writeFileSync(join(dir, 'client.ts'), INTEGRATION);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2022', 'dom'],
          types: [],
          skipLibCheck: true,
          exactOptionalPropertyTypes: true,
        },
        files: ['client.ts', 'schema.d.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], {
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr, 'tsc output').toBe('');
    expect(tsc.status).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe('the vendor guide walk-through, executed', () => {
  let srv: TestServer;
  const origin = 'https://nexus.kommune.example';
  const caseRef = 'SAG-2026-0042';

  beforeAll(async () => {
    srv = await startApiServer({ HJEMMEL_REQUIRE_KEY: '1' });
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('key → token → embed → check → record → chat → list by caseRef → print link', async () => {
    // 1. The key, made with the CLI on the server's database (the CLI says which database it opened).
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src', 'cli', 'main.ts'),
        'keys',
        'create',
        '--name',
        'nexus',
        '--origins',
        origin,
        '--json',
      ],
      { encoding: 'utf8', cwd: ROOT, env: { ...process.env, HJEMMEL_DB: srv.dbPath } },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toContain(`${srv.dbPath} (HJEMMEL_DB)`);
    const secret = JSON.parse(cli.stdout).key as string;
    expect(secret).toMatch(/^hjm_sk_/);

    // 2. The backend trades it for a short-lived token for the browser.
    const tok = await call(`${srv.url}/api/v1/tokens`, { body: { ttlSeconds: 600 }, headers: bearer(secret) });
    expect(tok.status).toBe(201);
    const token = tok.json.token as string;

    // 3. The form page frames /embed with what the journal knows and the case reference.
    const embed = await call(
      `${srv.url}/embed?measure=restraint&facts=consent%3Dobjects&caseRef=${caseRef}&token=${encodeURIComponent(token)}`,
      { headers: { accept: 'text/html' } },
    );
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain(`frame-ancestors ${origin}`);
    expect(embed.text).toContain(`"caseRef":"${caseRef}"`);

    // 4. While the form is filled in: dry runs make no record.
    const facts = {
      consent: 'objects',
      documentedImpairment: true,
      impairmentCause: 'dementia',
      setting: 'botilbud',
      actor: 'care_staff',
      holdMinutes: 5,
      dangerToOthers: true,
    };
    const dry = await call(`${srv.url}/api/v1/incidents/check`, {
      body: { measure: 'restraint', date: '2026-11-30', facts, caseRef, dryRun: true },
      headers: bearer(secret),
    });
    expect(dry.status).toBe(200);
    expect(dry.json.recordId).toBeUndefined();
    expect(dry.headers.get('x-record-id')).toBeNull();

    // 5. On save: the check for real, with its dated deadline, and a record under the case reference.
    const check = await call(`${srv.url}/api/v1/incidents/check`, {
      body: { measure: 'restraint', date: '2026-11-30', facts, caseRef },
      headers: bearer(secret),
    });
    expect(check.status).toBe(200);
    expect(check.json.dueDate).toBe('2026-12-03');
    expect(check.json.reportToCodes.length).toBeGreaterThan(0);
    expect(check.json.caseRef).toBe(caseRef);
    const recordId = check.json.recordId as string;
    expect(check.headers.get('x-record-id')).toBe(recordId);

    // 6. A question in the iframe: the widget sends the token and the case reference from the embed page.
    const chat = await call(`${srv.url}/api/v1/chat`, {
      body: { message: 'Skal vi også orientere de pårørende?', context: { measure: 'restraint', facts }, caseRef },
      headers: { ...bearer(token), origin },
    });
    expect(chat.status).toBe(200);
    expect(chat.json.caseRef).toBe(caseRef);

    // 7. The journal lists the case's records; another key sees none of them.
    const list = await call(`${srv.url}/api/v1/records?caseRef=${caseRef}`, { headers: bearer(secret) });
    expect(list.status).toBe(200);
    const ids = list.json.records.map((r: any) => r.recordId);
    expect(ids).toContain(recordId);
    expect(ids).toContain(chat.json.recordId);
    const other = (await srv.keys.create({ name: 'other', origins: ['https://other.example'] })).key;
    expect(
      (await call(`${srv.url}/api/v1/records?caseRef=${caseRef}`, { headers: bearer(other) })).json.records,
    ).toEqual([]);

    // 8. The record, and its print link opened by staff without any key; labels, not fact keys.
    const record = await call(`${srv.url}/api/v1/records/${recordId}`, { headers: bearer(secret) });
    expect(record.status).toBe(200);
    expect(record.json.caseRef).toBe(caseRef);
    const printUrl = new URL(record.json.print.url, srv.url);
    const page = await call(printUrl.href);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Fastholdelse');
    expect(page.text).not.toMatch(/\bholdMinutes\b|\bdangerToOthers\b/);
    const html = await call(`${srv.url}/api/v1/records/${recordId}/html`, { headers: bearer(secret) });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
  });
});
