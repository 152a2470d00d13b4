/**
 * The web mount: the standalone chat page (`/`), the widget bundle (`/widget.js`, built with esbuild at
 * start-up so a fresh clone needs no build step), the source list (`/kilder`), feedback
 * (`POST /api/v1/feedback`) and its admin table (`GET /admin/feedback`). Cited paragraphs come from the
 * journal API's `GET /api/v1/units/:id` (src/server/api).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../errors/index.ts';
import { type AppState, type Mount, principalOf, requireAdmin, requireReady, servicesOf } from '../http/index.ts';
import { maskCpr } from '../llm/index.ts';
import { explainMeasure } from '../rules/explain.ts';
import { listMeasures, MEASURE_IDS, type MeasureId } from '../rules/index.ts';
import { buildWidget, WIDGET_FILE } from './build.ts';
import { feedbackPage, PAGE_CSP, rulesIndexPage, rulesPage, sourcesPage, standalonePage } from './pages.ts';

export const FeedbackRequestSchema = z
  .strictObject({
    sessionId: z.string().min(1).max(100).optional().describe('Samtalen, svaret hører til.'),
    turn: z.number().int().min(0).max(100_000).optional().describe('Svarets plads i samtalens ture (0-baseret).'),
    rating: z.enum(['up', 'down']).describe('up = svaret hjalp; down = svaret hjalp ikke.'),
    reason: z
      .enum(['source_mismatch', 'wrong_answer', 'unclear', 'other'])
      .optional()
      .describe('kilden passer ikke | svaret er forkert | uklart | andet.'),
    comment: z.string().trim().max(2000).optional().describe('Valgfri kommentar (CPR-numre maskeres).'),
  })
  .describe('Feedback på et svar.');

interface Bundle {
  code: Buffer;
  gzipped: Buffer;
  etag: string;
}

let bundle: Promise<Bundle> | undefined;

/** Builds the widget once per process; falls back to dist/widget.js when esbuild is not installed. */
export function widgetBundle(): Promise<Bundle> {
  bundle ??= buildWidget()
    .then((b) => ({ code: Buffer.from(b.code), gzipped: b.gzipped }))
    .catch((err) => {
      if (!existsSync(WIDGET_FILE)) throw err;
      const code = readFileSync(WIDGET_FILE);
      return { code, gzipped: gzipSync(code, { level: 9 }) };
    })
    .then((b) => ({ ...b, etag: `"w-${b.code.length.toString(36)}-${hash(b.code)}"` }));
  return bundle;
}

function hash(buf: Buffer): string {
  let h = 2166136261;
  for (const byte of buf) h = Math.imul(h ^ byte, 16777619);
  return (h >>> 0).toString(36);
}

function sendPage(res: Response, html: string, cache = 'no-cache'): void {
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': cache,
    })
    .send(html);
}

function routes(app: import('express').Express, state: AppState): void {
  // Start bundling now, so the first request does not wait.
  widgetBundle().catch((err) =>
    console.error('[hjemmel] widget build failed:', err instanceof Error ? err.message : err),
  );

  app.get('/', (_req, res) => sendPage(res, standalonePage()));

  app.get('/widget.js', async (req, res) => {
    const b = await widgetBundle().catch(() => {
      throw new DomainError(
        'unavailable',
        'widget_unavailable',
        'widget.js kunne ikke bygges / could not be built: run npm run build',
      );
    });
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
      ETag: b.etag,
      Vary: 'Accept-Encoding',
    });
    if (req.get('if-none-match') === b.etag) {
      res.status(304).end();
      return;
    }
    if (/\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
      res.set('Content-Encoding', 'gzip').send(b.gzipped);
      return;
    }
    res.send(b.code);
  });

  app.get('/kilder', requireReady(state), (_req, res) => {
    sendPage(res, sourcesPage(servicesOf(state).corpus.sources, servicesOf(state).corpus.hash));
  });

  app.get('/kilder/regler', (_req, res) => sendPage(res, rulesIndexPage(listMeasures())));

  app.get('/kilder/regler/:measure', requireReady(state), (req, res) => {
    const id = String(req.params['measure']);
    const { corpus } = servicesOf(state);
    const e = (MEASURE_IDS as readonly string[]).includes(id)
      ? explainMeasure(id as MeasureId, (u) => corpus.unit(u))
      : undefined;
    if (!e) throw new DomainError('not_found', 'unknown_measure', `Ukendt indgreb / unknown measure: ${id}`);
    sendPage(res, rulesPage(e));
  });

  app.post('/api/v1/feedback', requireReady(state), async (req, res) => {
    const f = FeedbackRequestSchema.parse(req.body ?? {});
    const caller = principalOf(res);
    let answer: string | null = null;
    if (f.sessionId) {
      // Feedback on someone else's session is refused as if the session did not exist.
      const session = await servicesOf(state).conversation.session(f.sessionId, caller);
      if (!session) throw new DomainError('not_found', 'unknown_session', 'Ukendt samtale / unknown session');
      const turn = f.turn !== undefined ? session.turns[f.turn] : undefined;
      if (turn?.role === 'assistant') answer = turn.text;
    }
    const id = await servicesOf(state).store.feedback.add({
      sessionId: f.sessionId ?? null,
      turn: f.turn ?? null,
      rating: f.rating,
      reason: f.reason ?? null,
      comment: f.comment ? maskCpr(f.comment) : null,
      answer,
      owner: caller.owner,
    });
    res.status(201).json({ id });
  });

  app.get('/admin/feedback', requireReady(state), async (req, res) => {
    requireAdmin(state, req, res);
    sendPage(res, feedbackPage(await servicesOf(state).store.feedback.list(500)), 'no-store');
  });
}

export const webMount: Mount = { name: 'web', routes };
