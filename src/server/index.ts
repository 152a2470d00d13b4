/**
 * Server entry module: wires corpus → index → conversation → HTTP. `startServer()` listens at once
 * (so /healthz answers) and loads the corpus and the search index in the background; /readyz turns
 * 200 when both are ready. The corpus and index are built on first run if missing.
 */
import type { Server } from 'node:http';
import { loadCorpus } from '../corpus/index.ts';
import { Conversation } from '../dialogue/index.ts';
import { llmFromEnv } from '../llm/index.ts';
import { quizMount } from '../quiz/routes.ts';
import { getSearcher } from '../search/index.ts';
import { Store } from '../store/index.ts';
import { webMount } from '../web/routes.ts';
import { apiMount } from './api/index.ts';
import { type AppState, createApp, type Mount } from './app.ts';

/** The capabilities served by `npm start`, in mount order. */
export const DEFAULT_MOUNTS: Mount[] = [apiMount, webMount, quizMount];

export { type AppState, createApp, HttpError, type Mount } from './app.ts';

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
}

export async function startServer(opts: StartOptions = {}): Promise<Started> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((m: string) => console.log(`[hjemmel] ${m}`));
  const state: AppState = { ready: false, startedAt: Date.now(), env, log };
  const app = createApp(state, opts.mounts ?? DEFAULT_MOUNTS);
  const port = opts.port ?? Number(env['PORT'] ?? 3000);
  const host = opts.host ?? env['HOST'] ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const addr = server.address();
  const url = `http://${host}:${typeof addr === 'object' && addr ? addr.port : port}`;

  const ready = (async () => {
    const t0 = performance.now();
    const corpus = loadCorpus();
    const retriever = await getSearcher();
    const store = new Store(opts.dbPath ?? env['HJEMMEL_DB']);
    const llm = llmFromEnv(env);
    state.corpus = corpus;
    state.store = store;
    state.conversation = new Conversation({ corpus, retriever, store, llm });
    state.ready = true;
    log(
      `klar / ready on ${url}: ${corpus.units.length} units, corpus ${corpus.hash}, ${llm ? `LLM ${llm.model}` : 'offline (no LLM)'}, ${Math.round(performance.now() - t0)} ms`,
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
        server.close(() => {
          state.store?.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
