/**
 * Server entry module: wires corpus → index → conversation → HTTP. `startServer()` listens at once
 * (so /healthz answers) and loads the corpus and the search index in the background; /readyz turns
 * 200 when both are ready. The corpus and index are built on first run if missing.
 */
import { createServer, type Server } from 'node:http';
import { loadCorpus } from '../corpus/index.ts';
import { Conversation } from '../dialogue/index.ts';
import { llmFromEnv } from '../llm/index.ts';
import { quizMount } from '../quiz/routes.ts';
import { getSearcher } from '../search/index.ts';
import { openStore } from '../store/index.ts';
import { retentionFrom, startRetentionJob } from '../store/retention.ts';
import { webMount } from '../web/routes.ts';
import { apiMount } from './api/index.ts';
import { chatRecorder } from './api/records.ts';
import { type AppState, createApp, type Mount } from './app.ts';

/** The capabilities served by `npm start`, in mount order. */
export const DEFAULT_MOUNTS: Mount[] = [apiMount, webMount, quizMount];

export { type AppState, createApp, HttpError, type Mount, type Services, servicesOf } from './app.ts';

export interface StartOptions {
  port?: number;
  host?: string;
  dbPath?: string;
  env?: NodeJS.ProcessEnv;
  mounts?: Mount[];
  log?: (msg: string) => void;
}

export interface Started {
  server: Server;
  state: AppState;
  url: string;
  ready: Promise<void>;
  close(): Promise<void>;
  /** SIGTERM: refuse new connections, finish in-flight requests (at most `graceMs`), then close the pool. */
  drain(graceMs?: number): Promise<void>;
}

/** Refuses to start with a guessable admin token: at least 24 characters, at least 10 different ones. */
export function checkAdminToken(env: NodeJS.ProcessEnv): void {
  const token = env['HJEMMEL_ADMIN_TOKEN'];
  if (!token) return;
  if (token.length < 24 || new Set(token).size < 10)
    throw new Error(
      'HJEMMEL_ADMIN_TOKEN er for svag: mindst 24 tegn og 10 forskellige, fx `openssl rand -base64 32` / HJEMMEL_ADMIN_TOKEN too weak: at least 24 characters, 10 distinct',
    );
}

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  /** Requests a connection may have waiting for their answers (pipelined) before it is closed. */
  maxPipelined: number;
  maxRequestsPerSocket: number;
}

export function serverLimitsFrom(env: NodeJS.ProcessEnv): ServerLimits {
  const num = (name: string, dflt: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : dflt;
  };
  return {
    headersTimeoutMs: num('HJEMMEL_HEADERS_TIMEOUT_MS', 10_000),
    requestTimeoutMs: num('HJEMMEL_REQUEST_TIMEOUT_MS', 30_000),
    keepAliveTimeoutMs: 5_000,
    maxConnections: num('HJEMMEL_MAX_CONNECTIONS', 256),
    maxPipelined: 8,
    maxRequestsPerSocket: 1000,
  };
}

/** Timeouts, a connection cap and bounded pipelining on the HTTP server (Node's defaults allow minutes). */
export function applyServerLimits(server: Server, limits: ServerLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  // An idle socket (no request in flight) is closed after the keep-alive time; a busy one after the request timeout.
  server.timeout = limits.requestTimeoutMs + 1_000;
  const pending = new WeakMap<object, number>();
  server.on('request', (req, res) => {
    const socket = req.socket;
    const n = (pending.get(socket) ?? 0) + 1;
    pending.set(socket, n);
    res.once('close', () => pending.set(socket, (pending.get(socket) ?? 1) - 1));
    if (n > limits.maxPipelined) socket.destroy();
  });
}

export async function startServer(opts: StartOptions = {}): Promise<Started> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((m: string) => console.log(`[hjemmel] ${m}`));
  checkAdminToken(env);
  const state: AppState = { startedAt: Date.now(), env, log };
  const app = createApp(state, opts.mounts ?? DEFAULT_MOUNTS);
  const port = opts.port ?? Number(env['PORT'] ?? 3000);
  const host = opts.host ?? env['HOST'] ?? '127.0.0.1';
  const limits = serverLimitsFrom(env);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks the header and request timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
      maxHeaderSize: 16 * 1024,
    },
    app,
  );
  applyServerLimits(server, limits);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const url = `http://${host}:${typeof addr === 'object' && addr ? addr.port : port}`;

  let stopRetention: (() => void) | undefined;
  const ready = (async () => {
    const t0 = performance.now();
    const corpus = loadCorpus();
    const retriever = await getSearcher();
    const store = await openStore(env, opts.dbPath);
    const llm = llmFromEnv(env);
    // The composition root: every service is built once here, typed, and published together.
    const onRecord = chatRecorder(store, corpus, log);
    state.services = { corpus, store, conversation: new Conversation({ corpus, retriever, store, llm, onRecord }) };
    stopRetention = startRetentionJob(store, retentionFrom(env), log);
    log(
      `klar / ready on ${url}: ${corpus.units.length} units, corpus ${corpus.hash}, store ${store.kind}, ${llm ? `LLM ${llm.model}` : 'offline (no LLM)'}, ${Math.round(performance.now() - t0)} ms`,
    );
  })();
  ready.catch((err) => log(`start-up failed: ${err instanceof Error ? err.stack : err}`));

  return {
    server,
    state,
    url,
    ready,
    close: () =>
      new Promise<void>((resolve) => {
        stopRetention?.();
        server.close(() => {
          void (state.services?.store.close() ?? Promise.resolve()).finally(resolve);
        });
        server.closeAllConnections();
      }),
    drain: async (graceMs = 10_000) => {
      // Stop taking new connections, let in-flight requests finish (idle keep-alive sockets close now),
      // then close the database pool.
      state.draining = true;
      stopRetention?.();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      await ready.catch(() => {});
      // A request whose client went away has no connection left but may still be finishing its writes.
      await new Promise((r) => setTimeout(r, 300));
      await state.services?.store.close();
    },
  };
}
