/**
 * The HTTP kit shared by every capability that serves routes (src/server, src/web, src/quiz): the app's
 * state, the `Mount` contract, and guards. It sits below src/server, so capabilities never import from
 * the server; the server composes the mounts. Guards throw domain errors (src/errors); src/server/app.ts
 * is the one place that maps them to status codes.
 */
import type express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { CorpusIndex } from '../corpus/index.ts';
import type { Conversation } from '../dialogue/index.ts';
import { NotReadyError } from '../errors/index.ts';
import type { Store } from '../store/index.ts';

export { isLocalRequest, requireAdmin, requiredAdminToken, safeEqual } from './admin.ts';
export { keyIdOf, LOCAL_OWNER, mayAccess, type Principal, principalOf } from './owner.ts';

/** The services built once by the composition root (src/server/index.ts) when the corpus and store are loaded. */
export interface Services {
  readonly corpus: CorpusIndex;
  readonly conversation: Conversation;
  readonly store: Store;
}

export interface AppState {
  /** Set once, when start-up has finished; until then every route that needs it answers 503 `not_ready`. */
  services?: Services;
  startedAt: number;
  /** The server's environment (startServer's `env`), for mounts' settings. */
  env?: NodeJS.ProcessEnv;
  /** Set on SIGTERM: /readyz answers 503 so the proxy stops sending, while in-flight requests finish. */
  draining?: boolean;
  /** The server's logger (startServer's `log`); mounts log through it. */
  log?: (msg: string) => void;
}

/** The loaded services; throws NotReadyError (503 `not_ready`) while the server is still starting. */
export function servicesOf(state: AppState): Services {
  if (!state.services) throw new NotReadyError();
  return state.services;
}

/** Express middleware: 503 `not_ready` until the corpus, index and store are loaded. */
export function requireReady(state: AppState) {
  return (_req: Request, _res: Response, next: NextFunction) => {
    servicesOf(state);
    next();
  };
}

/**
 * A capability's HTTP part (journal API, widget, quiz). `before` runs right after body parsing (for
 * middleware such as auth, CORS and rate limits, which then also guard /api/v1/chat); `routes` adds
 * routes after the core ones and before the 404 and error handlers.
 */
export interface Mount {
  name: string;
  before?: (app: express.Express, state: AppState) => void;
  routes?: (app: express.Express, state: AppState) => void;
}
