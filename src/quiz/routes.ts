/**
 * The quiz mount: the API (/api/v1/quiz/*), the quiz page (/quiz, /quiz/quiz.js) and the manager view
 * (/quiz/leder). Stats, the manager view and exports of everyone's answers are admin-only: from localhost
 * when HJEMMEL_ADMIN_TOKEN is unset; else the token (as bearer / Basic password on /quiz/leder*, like
 * /admin/feedback, and in X-Hjemmel-Admin-Token under /api/v1); API keys do not admit. A learner's own
 * export (?learnerId=…) is open to whoever holds the id.
 */

import { join } from 'node:path';
import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../errors/index.ts';
import { selfOrigin } from '../http/client.ts';
import {
  type AppState,
  type Mount,
  requireAdmin,
  requiredAdminToken,
  requireReady,
  safeEqual,
  servicesOf,
} from '../http/index.ts';
import { sourceDir } from '../runtime/index.ts';
import { PAGE_CSP } from '../web/pages.ts';
import { scenarioById } from './bank.ts';
import { askPage, managerPage, quizPage, unitPage } from './page.ts';
import { AnswerRequestSchema, CreateQuizSessionRequestSchema, LearnerIdSchema, StatsQuerySchema } from './schemas.ts';
import { QuizService } from './service.ts';
import type { AnswerFilter } from './store.ts';
import { QuizStore } from './store.ts';

const CLIENT_ENTRY = join(sourceDir(import.meta.dirname), 'client.ts');

let clientJs: Promise<string> | undefined;

/** Bundles the quiz page's script once per process (esbuild, as the widget does). */
export function quizClientBundle(): Promise<string> {
  clientJs ??= import('esbuild').then(async (esbuild) => {
    const out = await esbuild.build({
      entryPoints: [CLIENT_ENTRY],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      write: false,
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.text;
  });
  return clientJs;
}

const services = new WeakMap<object, QuizService>();

function service(state: AppState): QuizService {
  const { store, corpus } = servicesOf(state);
  let s = services.get(store);
  if (!s) {
    s = new QuizService(new QuizStore(store), corpus);
    services.set(store, s);
  }
  return s;
}

function sendPage(res: Response, html: string): void {
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    })
    .send(html);
}

/**
 * Admin access for /api/v1/quiz/stats and the exports of everyone's answers: the admin token only (an API
 * key, even a secret one, belongs to one tenant and never sees every learner). The journal API's guard owns
 * the Authorization header under /api/v1, so there the admin token goes in X-Hjemmel-Admin-Token.
 */
function requireApiAdmin(state: AppState, req: Request, _res: Response): void {
  const token = requiredAdminToken(state, req);
  if (token === null) return;
  const given = req.get('x-hjemmel-admin-token');
  if (given !== undefined && safeEqual(given, token)) return;
  throw new DomainError(
    'unauthorized',
    'unauthorized',
    'Lederadgang kræver token i X-Hjemmel-Admin-Token / admin token required',
  );
}

const ExportQuerySchema = z.object({ learnerId: LearnerIdSchema.optional() });

/** The learner of an export: their own answers, or (admin only) everyone's. */
function exportScope(state: AppState, req: Request, res: Response): string | undefined {
  const q = ExportQuerySchema.parse({ learnerId: req.query['learnerId'] });
  if (!q.learnerId) requireApiAdmin(state, req, res);
  return q.learnerId;
}

/** The stats/CSV filters from the query string (empty values are "no filter"); 400 on a bad value. */
function filterOf(req: Request): AnswerFilter {
  const raw: Record<string, string> = {};
  for (const k of ['from', 'to', 'scenario', 'kind']) {
    const v = req.query[k];
    if (typeof v === 'string' && v.trim()) raw[k] = v.trim();
  }
  const f = StatsQuerySchema.parse(raw);
  if (f.from && f.to && f.from > f.to)
    throw new DomainError('invalid', 'invalid_request', 'Fra-datoen ligger efter til-datoen / from is after to');
  return f;
}

function csvName(f: AnswerFilter): string {
  const parts = [f.scenario, f.kind, f.from && `fra-${f.from}`, f.to && `til-${f.to}`].filter(Boolean);
  return `hjemmel-quiz${parts.length ? `-${parts.join('-')}` : ''}.csv`;
}

function baseUrl(req: Request): string {
  return selfOrigin(req);
}

function routes(app: Express, state: AppState): void {
  quizClientBundle().catch((err) =>
    console.error('[hjemmel] quiz.js build failed:', err instanceof Error ? err.message : err),
  );
  const ready = requireReady(state);

  app.get('/api/v1/quiz/topics', ready, (_req, res) => {
    res.json(service(state).topics());
  });

  app.post('/api/v1/quiz/sessions', ready, async (req, res) => {
    const input = CreateQuizSessionRequestSchema.parse(req.body ?? {});
    res.status(201).json(await service(state).createSession(input));
  });

  app.get('/api/v1/quiz/sessions/:id', ready, async (req, res) => {
    res.json(await service(state).getSession(String(req.params['id'])));
  });

  app.post('/api/v1/quiz/sessions/:id/answers', ready, async (req, res) => {
    const input = AnswerRequestSchema.parse(req.body ?? {});
    res.json(await service(state).answer(String(req.params['id']), input));
  });

  app.get('/api/v1/quiz/stats', ready, async (req, res) => {
    requireApiAdmin(state, req, res);
    res.set('Cache-Control', 'no-store').json(await service(state).stats(filterOf(req)));
  });

  app.get('/api/v1/quiz/export.csv', ready, async (req, res) => {
    const learnerId = exportScope(state, req, res);
    const filter = filterOf(req);
    res
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${learnerId ? 'hjemmel-quiz-deltager.csv' : csvName(filter)}"`,
        'Cache-Control': 'no-store',
      })
      .send(await service(state).exportCsv(learnerId, filter));
  });

  app.get('/api/v1/quiz/export.xapi.json', ready, async (req, res) => {
    const learnerId = exportScope(state, req, res);
    res.set('Cache-Control', 'no-store').json(await service(state).exportXapi(baseUrl(req), learnerId));
  });

  app.get('/quiz', ready, (_req, res) => sendPage(res, quizPage(service(state))));

  app.get('/quiz/leder', ready, async (req, res) => {
    requireAdmin(state, req, res, 'Hjemmel leder');
    sendPage(res, await managerPage(service(state), filterOf(req)));
  });

  // The manager's downloads, outside /api/v1 so the page's Basic/Bearer admin login applies.
  app.get('/quiz/leder/export.csv', ready, async (req, res) => {
    requireAdmin(state, req, res, 'Hjemmel leder');
    const filter = filterOf(req);
    res
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csvName(filter)}"`,
        'Cache-Control': 'no-store',
      })
      .send(await service(state).exportCsv(undefined, filter));
  });

  app.get('/quiz/leder/export.xapi.json', ready, async (req, res) => {
    requireAdmin(state, req, res, 'Hjemmel leder');
    res.set('Cache-Control', 'no-store').json(await service(state).exportXapi(baseUrl(req)));
  });

  // A cited paragraph as a page (the review list's source links).
  app.get('/quiz/kilde/:unitId', ready, (req, res) => {
    const id = String(req.params['unitId']);
    const unit = servicesOf(state).corpus.unit(id);
    if (!unit) throw new DomainError('not_found', 'unknown_unit', `Ukendt kildeenhed / unknown unit: ${id}`);
    sendPage(res, unitPage(unit));
  });

  // "Spørg Hjemmel om dette": the chat with the scenario's measure and facts as context.
  app.get('/quiz/spoerg', ready, (req, res) => {
    const id = typeof req.query['scenarie'] === 'string' ? req.query['scenarie'] : '';
    const s = scenarioById(id);
    if (!s) throw new DomainError('not_found', 'unknown_scenario', `Ukendt scenarie / unknown scenario: ${id}`);
    const kind = typeof req.query['spoergsmaal'] === 'string' ? req.query['spoergsmaal'] : '';
    sendPage(res, askPage(s, kind));
  });

  app.get('/quiz/quiz.js', async (_req, res) => {
    const js = await quizClientBundle().catch(() => {
      throw new DomainError('unavailable', 'quiz_unavailable', 'quiz.js kunne ikke bygges / could not be built');
    });
    res
      .set({
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(js);
  });
}

export const quizMount: Mount = { name: 'quiz', routes };
