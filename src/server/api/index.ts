/**
 * The journal-system API (/api/v1): evaluate, incident checks, search, units, measures, sources, decision
 * records, session tokens and the OpenAPI document, plus /docs, /embed and the example journal page.
 * `before` guards every /api/v1 route (the core chat and session routes too): keys, tokens, CORS, rate limits.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Response } from 'express';
import { registrationDueDate, todoFor } from '../../answer/shape.ts';
import type { CorpusIndex, SourceMeta, Unit } from '../../corpus/index.ts';
import { servicesOf } from '../../http/index.ts';
import { DEFAULT_TOKEN_TTL_SECONDS, KeyStore, normaliseOrigin, signToken } from '../../keys/index.ts';
import {
  evaluate,
  listMeasures,
  MEASURE_IDS,
  MeasureNotImplementedError,
  measureInfo,
  RULES_VERSION,
  RulesPeriodError,
  VALID_FROM,
  type Verdict,
} from '../../rules/index.ts';
import { sourceDir } from '../../runtime/index.ts';
import { getSearcher } from '../../search/index.ts';
import type { Store } from '../../store/index.ts';
import { type AppState, HttpError, type Mount } from '../app.ts';
import { apiGuard, type Client, settingsFrom } from './auth.ts';
import { CHANGELOG } from './changelog.ts';
import { renderDocsHtml } from './docs.ts';
import { embedHandler } from './embed.ts';
import { checkIncident, complaintOf, reportChainOf } from './incident.ts';
import { openApiDocument } from './openapi.ts';
import { printLinkFor, recordIds } from './record-id.ts';
import { getRecord, recordOwner, recordsByCaseRef, renderRecordHtml, writeVerdictRecord } from './records.ts';
import {
  ApiEvaluateRequestSchema,
  CaseRefSchema,
  IncidentCheckRequestSchema,
  SearchQuerySchema,
  type Source,
  TokenRequestSchema,
} from './schemas.ts';

/** HTML documents that are never framed (API docs, decision records). */
const NO_FRAME_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const EXAMPLE_STATIC_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The example journal page's CSP: its own inline scripts by hash, /embed in a frame, nothing else. */
function exampleCsp(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export const EXAMPLES_DIR = join(sourceDir(import.meta.dirname), '..', '..', '..', 'examples');

function ready(state: AppState): { corpus: CorpusIndex; store: Store } {
  return servicesOf(state);
}

function clientOf(res: Response): Client {
  return res.locals['client'] as Client;
}

export function toSource(s: SourceMeta, corpus: CorpusIndex): Source {
  return {
    id: s.id,
    title: s.title,
    shortTitle: s.shortTitle,
    kind: s.kind,
    issuer: s.issuer,
    date: s.date,
    number: s.number ?? null,
    status: s.status,
    validFrom: s.validFrom ?? null,
    validTo: s.validTo ?? null,
    derivedFrom: s.derivedFrom ?? null,
    units: corpus.units.filter((u) => u.sourceId === s.id).length,
  };
}

function toUnit(u: Unit) {
  return {
    id: u.id,
    sourceId: u.sourceId,
    kind: u.kind,
    citation: u.citation,
    headingPath: u.headingPath,
    text: u.text,
    status: u.status,
    validFrom: u.validFrom ?? null,
    validTo: u.validTo ?? null,
    parentId: u.parentId,
    childIds: u.childIds,
    page: u.page ?? null,
  };
}

function toUnitRef(u: Unit, parent: Unit | null) {
  const own =
    u.headingPath.length > (parent?.headingPath.length ?? 0) ? u.headingPath[u.headingPath.length - 1] : undefined;
  return { id: u.id, kind: u.kind, citation: u.citation, status: u.status, heading: own ?? null };
}

/** Runs the evaluator, mapping its "cannot evaluate" errors to 422 with the shared error shape. */
function runEvaluate(request: unknown): Verdict {
  try {
    return evaluate(request);
  } catch (err) {
    if (err instanceof MeasureNotImplementedError) throw new HttpError(422, err.code, err.message);
    if (err instanceof RulesPeriodError) throw err;
    throw err;
  }
}

function measureTitle(id: string): string {
  return listMeasures().find((m) => m.id === id)?.title ?? id;
}

/** A record exists as JSON and as printable HTML only: any other format (e.g. pdf) is 406, never JSON. */
function assertRecordFormat(req: Request): void {
  const format = req.query['format'];
  const accept = req.get('accept') ?? '*/*';
  const acceptable = /\*\/\*|application\/(\*|json)|text\/(\*|html)/.test(accept);
  if ((format !== undefined && format !== 'html' && format !== 'json') || (format === undefined && !acceptable))
    throw new HttpError(
      406,
      'not_acceptable',
      'Beslutningsnotatet findes kun som JSON og som HTML til udskrift (format=json|html) / only json and html are available',
    );
}

function wantsHtml(req: Request): boolean {
  if (req.query['format'] === 'html') return true;
  if (req.query['format'] === 'json') return false;
  const accept = req.get('accept') ?? '';
  return accept.includes('text/html') && !accept.startsWith('application/json');
}

export const apiMount: Mount = {
  name: 'api',
  before(app, state) {
    const settings = settingsFrom(state.env);
    // Rate limits are token buckets in the store, shared by every instance on the same database.
    app.use('/api/v1', apiGuard(state, settings));
  },
  routes(app, state) {
    app.get('/api/v1/openapi.json', (_req, res) => {
      res.json(openApiDocument());
    });
    app.get('/docs', (_req, res) => {
      res.type('html').set({ 'Content-Security-Policy': NO_FRAME_CSP, 'X-Frame-Options': 'DENY' });
      res.send(renderDocsHtml(openApiDocument()));
    });

    app.get('/api/v1/sources', (_req, res) => {
      const { corpus } = ready(state);
      res.json({ corpusHash: corpus.hash, sources: corpus.sources.map((s) => toSource(s, corpus)) });
    });

    app.get('/api/v1/units/:id', (req, res) => {
      const { corpus } = ready(state);
      const id = String(req.params['id']);
      const ctx = corpus.inContext(id);
      if (!ctx) throw new HttpError(404, 'unknown_unit', `Ukendt enhed / unknown unit: ${id}`);
      res.json({
        unit: toUnit(ctx.unit),
        source: toSource(ctx.source, corpus),
        parent: ctx.parent ? toUnit(ctx.parent) : null,
        children: ctx.children.map(toUnit),
        siblings: ctx.siblings.map((s) => toUnitRef(s, ctx.parent)),
      });
    });

    app.get('/api/v1/search', async (req, res) => {
      ready(state);
      const { q, k } = SearchQuerySchema.parse({ q: req.query['q'] ?? '', k: req.query['k'] ?? undefined });
      const hits = await (await getSearcher()).search(q, { k });
      res.json({
        query: q,
        k,
        hits: hits.map((h) => ({
          id: h.id,
          citation: h.citation,
          sourceId: h.sourceId,
          status: h.status,
          text: h.text,
          score: h.score,
          parent: h.parent ?? null,
          alsoIn: h.alsoIn,
        })),
      });
    });

    app.get('/api/v1/measures', (_req, res) => {
      res.json({
        rulesVersion: RULES_VERSION,
        validFrom: VALID_FROM,
        measures: listMeasures().map((m) => measureInfo(m.id)!),
      });
    });

    app.get('/api/v1/measures/:id', (req, res) => {
      const id = String(req.params['id']);
      const info = (MEASURE_IDS as readonly string[]).includes(id) ? measureInfo(id as Verdict['measure']) : undefined;
      if (!info) throw new HttpError(404, 'unknown_measure', `Ukendt indgreb / unknown measure: ${id}`);
      res.json(info);
    });

    app.post('/api/v1/evaluate', async (req, res) => {
      const { corpus, store } = ready(state);
      const { dryRun, caseRef, ...request } = ApiEvaluateRequestSchema.parse(req.body ?? {});
      const verdict = runEvaluate(request);
      // The same structured deadlines as incidents/check, for an act carried out on asOf (default today).
      const on = request.asOf ?? new Date().toISOString().slice(0, 10);
      const structured = {
        dueDate: registrationDueDate(verdict, on),
        reportToCodes: reportChainOf(verdict),
        complaint: complaintOf(verdict, on),
        todo: todoFor(verdict, on),
      };
      if (dryRun) {
        res.json({ ...verdict, ...structured });
        return;
      }
      const recordId = await writeVerdictRecord(store, corpus, {
        kind: 'evaluate',
        client: clientOf(res).keyId,
        tokenId: clientOf(res).tokenId ?? null,
        facts: request.facts,
        verdict,
        question: `Regelvurdering via API: ${measureTitle(request.measure)}`,
        caseRef,
      });
      const publicId = (await recordIds(store, state.env)).encode(recordId);
      res
        .set('X-Record-Id', publicId)
        .json({ ...verdict, ...structured, recordId: publicId, ...(caseRef ? { caseRef } : {}) });
    });

    app.post('/api/v1/incidents/check', async (req, res) => {
      const { corpus, store } = ready(state);
      const input = IncidentCheckRequestSchema.parse(req.body ?? {});
      let result: ReturnType<typeof checkIncident>;
      try {
        result = checkIncident(input, new Date().toISOString().slice(0, 10));
      } catch (err) {
        if (err instanceof MeasureNotImplementedError) throw new HttpError(422, err.code, err.message);
        throw err;
      }
      if (input.dryRun) {
        res.json(result);
        return;
      }
      const recordId = await writeVerdictRecord(store, corpus, {
        kind: 'incident',
        client: clientOf(res).keyId,
        tokenId: clientOf(res).tokenId ?? null,
        facts: input.facts,
        verdict: result.verdict,
        question: `Tjek af hændelse ${input.date}: ${measureTitle(input.measure)}${
          input.decisionExists === undefined ? '' : input.decisionExists ? ' (afgørelse forelå)' : ' (ingen afgørelse)'
        }`,
        caseRef: input.caseRef,
      });
      const publicId = (await recordIds(store, state.env)).encode(recordId);
      res
        .set('X-Record-Id', publicId)
        .json({ ...result, recordId: publicId, ...(input.caseRef ? { caseRef: input.caseRef } : {}) });
    });

    app.get('/api/v1/changelog', (_req, res) => {
      res.json(CHANGELOG);
    });

    app.get('/api/v1/records', async (req, res) => {
      const { store } = ready(state);
      const caseRef = CaseRefSchema.safeParse(req.query['caseRef']);
      if (!caseRef.success)
        throw new HttpError(
          400,
          'invalid_request',
          'Angiv caseRef (1-64 tegn: bogstaver, cifre og . _ : / # -) / caseRef is required (1-64 characters)',
        );
      const caller = clientOf(res);
      const ids = await recordIds(store, state.env);
      const records = await recordsByCaseRef(
        store,
        caller.keyId,
        caller.kind === 'token' ? (caller.tokenId ?? null) : null,
        caseRef.data,
      );
      res.json({
        caseRef: caseRef.data,
        records: records.map((r) => ({
          recordId: ids.encode(r.auditId),
          kind: r.kind,
          createdAt: r.createdAt,
          measure: r.measure,
          outcome: r.outcome,
        })),
      });
    });

    /** The caller's own record by its public id, else 404 (a record is only shown to the client it was made for). */
    const ownRecord = async (req: Request, res: Response) => {
      const { corpus, store } = ready(state);
      const raw = String(req.params['id']);
      const id = (await recordIds(store, state.env)).decode(raw);
      const record = id === undefined ? undefined : await getRecord(store, corpus, id, raw);
      // Anonymous local records are shown to local users.
      const made = id === undefined ? undefined : await recordOwner(store, id);
      const caller = clientOf(res);
      const mine =
        made !== undefined &&
        made.owner === caller.keyId &&
        (caller.kind !== 'token' || made.tokenId === (caller.tokenId ?? null));
      if (!record || !mine)
        throw new HttpError(404, 'unknown_record', `Ukendt beslutningsnotat / unknown record: ${raw}`);
      return { record, raw };
    };
    const sendRecordHtml = (res: Response, record: Parameters<typeof renderRecordHtml>[0]) => {
      res.type('html').set({ 'Content-Security-Policy': NO_FRAME_CSP, 'X-Frame-Options': 'DENY' });
      res.send(renderRecordHtml(record));
    };

    app.get('/api/v1/records/:id', async (req, res) => {
      const { record, raw } = await ownRecord(req, res);
      assertRecordFormat(req);
      // Deprecated: HTML by Accept or ?format=html (getRecordHtml is the documented operation).
      if (wantsHtml(req)) return sendRecordHtml(res, record);
      res.json({ ...record, print: printLinkFor(await recordIds(ready(state).store, state.env), raw) });
    });

    app.get('/api/v1/records/:id/html', async (req, res) => {
      sendRecordHtml(res, (await ownRecord(req, res)).record);
    });

    // The printable page by a signed link (printUrl): no API key, so staff can open it from the journal.
    app.get('/api/v1/records/:id/print', async (req, res) => {
      const { corpus, store } = ready(state);
      const raw = String(req.params['id']);
      const codec = await recordIds(store, state.env);
      const exp = Number(req.query['exp']);
      const sig = typeof req.query['sig'] === 'string' ? req.query['sig'] : '';
      const id = codec.decode(raw);
      const ok = id !== undefined && codec.verifyPrint(raw, exp, sig, Math.floor(Date.now() / 1000));
      const record = ok ? await getRecord(store, corpus, id, raw) : undefined;
      if (!record)
        throw new HttpError(
          404,
          'unknown_record',
          `Linket er ugyldigt eller udløbet; hent et nyt i journalsystemet / invalid or expired print link: ${raw}`,
        );
      res
        .type('html')
        .set({ 'Content-Security-Policy': NO_FRAME_CSP, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' });
      res.send(renderRecordHtml(record));
    });

    app.post('/api/v1/tokens', async (req, res) => {
      const { store } = ready(state);
      const client = clientOf(res);
      if (client.kind !== 'key' || client.public)
        throw new HttpError(
          403,
          'secret_key_required',
          'Tokens udstedes kun mod en hemmelig API-nøgle (fra serveren) / a secret API key is required',
        );
      const body = TokenRequestSchema.parse(req.body ?? {});
      let origins = client.origins;
      if (body.origin !== undefined) {
        const o = (() => {
          try {
            return normaliseOrigin(body.origin);
          } catch {
            return '';
          }
        })();
        if (!origins.includes(o))
          throw new HttpError(400, 'origin_not_allowed', `Oprindelsen står ikke på nøglen / origin not on the key`);
        origins = [o];
      }
      const keys = new KeyStore(store);
      const ttl = body.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
      const now = Math.floor(Date.now() / 1000);
      const token = signToken(
        { kid: client.keyId!, origins, iat: now, exp: now + ttl, jti: randomBytes(12).toString('base64url') },
        await keys.tokenSecret(state.env ?? {}),
      );
      res.status(201).json({
        token,
        tokenType: 'Bearer',
        expiresIn: ttl,
        expiresAt: new Date((now + ttl) * 1000).toISOString(),
        keyId: client.keyId!,
        origins,
      });
    });

    app.get('/embed', embedHandler(state));

    // The example journal system (a static page that embeds /embed and calls the incident check).
    // (Express matches with and without the trailing slash; the page's relative paths need the slash.)
    app.get('/examples/journal-system', (req, res) => {
      if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, '/examples/journal-system/');
      const html = readFileSync(join(EXAMPLES_DIR, 'journal-system', 'index.html'), 'utf8');
      res.type('html').set('Content-Security-Policy', exampleCsp(html)).send(html);
    });
    app.use(
      '/examples',
      (_req, res, next) => {
        res.set('Content-Security-Policy', EXAMPLE_STATIC_CSP);
        next();
      },
      express.static(EXAMPLES_DIR, { index: false, fallthrough: true }),
    );
  },
};
