/** The error contract of issue 17: Danish `message` with `messageEn`, 405 + Allow for a wrong method, 415 for a non-JSON body. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors/index.ts';
import { openApiDocument } from '../src/server/api/openapi.ts';
import { call, startApiServer, type TestServer } from './api-helpers.ts';

describe('error contract', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startApiServer();
  });
  afterAll(async () => {
    await srv.close();
  });

  it('sends the Danish message and the English one apart', async () => {
    const r = await call(`${srv.url}/api/v1/evaluate`, { body: { measure: 'restraint', facts: { hours: 'x' } } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_request');
    expect(r.json.error.message).toMatch(/^Ugyldig forespørgsel: facts\.hours/);
    expect(r.json.error.message).not.toContain(' / ');
    expect(r.json.error.messageEn).toMatch(/^invalid request: facts\.hours/);
    const nf = await call(`${srv.url}/api/v1/nothing-here`);
    expect(nf.status).toBe(404);
    expect(nf.json.error).toMatchObject({ code: 'not_found', message: 'Ukendt adresse' });
    expect(nf.json.error.messageEn).toContain('not found');
  });

  it('answers 405 with Allow for a known path and a wrong method, 404 for an unknown path', async () => {
    const r = await call(`${srv.url}/api/v1/evaluate`, { method: 'GET' });
    expect(r.status).toBe(405);
    expect(r.json.error.code).toBe('method_not_allowed');
    expect(r.headers.get('allow')).toBe('POST');
    const m = await call(`${srv.url}/api/v1/measures`, { method: 'DELETE' });
    expect(m.status).toBe(405);
    expect(m.headers.get('allow')).toBe('GET, HEAD');
    const s = await call(`${srv.url}/api/v1/sessions/abc`, { method: 'PUT', body: {} });
    expect(s.status).toBe(405);
    expect(s.headers.get('allow')).toContain('DELETE');
  });

  it('answers 415 for a body that is not JSON, and still parses JSON with a charset', async () => {
    const r = await call(`${srv.url}/api/v1/evaluate`, {
      body: 'measure=restraint',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(415);
    expect(r.json.error.code).toBe('unsupported_media_type');
    const ok = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'restraint', facts: {} },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('spec for code generators', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as JSON
  const doc = openApiDocument() as any;
  const json = JSON.stringify(doc);

  it('names the shared types and refers to them instead of inlining the enums', () => {
    for (const name of ['MeasureId', 'FactName', 'Facts', 'Outcome', 'ConditionStatus', 'ErrorCode']) {
      expect(doc.components.schemas[name], name).toBeDefined();
      expect(json.split(`"#/components/schemas/${name}"`).length - 1, name).toBeGreaterThan(0);
    }
    expect(doc.components.schemas.EvaluateRequest.properties.measure).toEqual({
      $ref: '#/components/schemas/MeasureId',
    });
    expect(doc.components.schemas.Error.properties.error.properties.code).toEqual({
      $ref: '#/components/schemas/ErrorCode',
    });
    expect(doc.components.schemas.Error.properties.error.properties.messageEn).toBeDefined();
  });

  it('lists every error code the source sends in ErrorCode', () => {
    const found = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'widget') walk(p);
        } else if (e.name.endsWith('.ts')) {
          const s = readFileSync(p, 'utf8');
          for (const m of s.matchAll(
            /(?:HttpError|sendError)\(\s*(?:[a-zA-Z.]+,\s*)?(?:\d+|[a-zA-Z.]+),\s*'([a-z_]+)'/g,
          ))
            found.add(m[1]!);
          for (const m of s.matchAll(/(?:DomainError|super)\(\s*'[a-z_]+',\s*'([a-z_]+)'/g)) found.add(m[1]!);
          for (const m of s.matchAll(/\bcode: '([a-z_]+)'/g)) found.add(m[1]!);
        }
      }
    };
    walk(join(import.meta.dirname, '..', 'src'));
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(doc.components.schemas.ErrorCode.enum).toEqual([...ERROR_CODES]);
  });
});
