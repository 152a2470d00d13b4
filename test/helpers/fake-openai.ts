/**
 * A small fake OpenAI-compatible server for tests (no network): answers /v1/chat/completions with
 * whatever the test's handler returns, and records the requests it received.
 */
import { createServer, type Server } from 'node:http';

export interface FakeRequest {
  path: string;
  body: { model?: string; messages?: Array<{ role: string; content: string }>; response_format?: unknown };
}

export interface FakeOpenAI {
  baseURL: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export type Handler = (req: FakeRequest) => string | { delayMs: number; content: string };

export async function startFakeOpenAI(handler: Handler): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const fr: FakeRequest = { path: req.url ?? '', body: raw ? JSON.parse(raw) : {} };
      requests.push(fr);
      const out = handler(fr);
      const { delayMs, content } = typeof out === 'string' ? { delayMs: 0, content: out } : out;
      const send = () => {
        if (res.destroyed) return;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'fake',
            object: 'chat.completion',
            created: 0,
            model: fr.body.model ?? 'fake',
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
          }),
        );
      };
      if (delayMs) setTimeout(send, delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
