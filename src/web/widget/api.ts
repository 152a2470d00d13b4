/**
 * The widget's HTTP client: chat over SSE (fetch + ReadableStream, POST), sessions, units, feedback.
 * Types are imported type-only from the server modules, so the contract stays in one place.
 */
import type { ChatResponse } from '../../dialogue/chat.ts';

export type { ChatResponse } from '../../dialogue/chat.ts';
export type { Verdict } from '../../rules/schema.ts';

export interface ClientOptions {
  apiBase: string;
  apiKey?: string | undefined;
  token?: string | undefined;
}

export interface SessionTurn {
  role: 'user' | 'assistant';
  text: string;
  route?: string;
  outcome?: string;
}

export interface SessionView {
  sessionId: string;
  pending: ChatResponse['followUp'] | null;
  turns: SessionTurn[];
}

export interface UnitLike {
  id: string;
  citation: string;
  text: string;
  headingPath?: string[];
  status?: string;
  kind?: string;
}

export interface UnitView {
  unit: UnitLike;
  parent: UnitLike | null;
  children: UnitLike[];
  siblings: UnitLike[];
  source: { title: string; shortTitle?: string; date?: string; status?: string } | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Incremental parser for a text/event-stream body: feed decoded text, get whole events. */
export function createSseParser(onEvent: (event: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk: string) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of raw.split('\n')) {
        if (line.startsWith(':')) continue;
        const i = line.indexOf(':');
        const field = i === -1 ? line : line.slice(0, i);
        const value = i === -1 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) onEvent(event, data.join('\n'));
      end = buffer.indexOf('\n\n');
    }
  };
}

const NETWORK_MESSAGE = 'Hjemmel kunne ikke nås. Tjek din forbindelse, og prøv igen.';

export class HjemmelClient {
  constructor(readonly opts: ClientOptions) {}

  /** Uses a fresh short-lived token from now on (the host page's refresh, "hjemmel:token"). */
  setToken(token: string): void {
    this.opts.token = token;
  }

  url(path: string): string {
    return `${this.opts.apiBase.replace(/\/+$/, '')}${path}`;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.opts.apiKey) h['X-API-Key'] = this.opts.apiKey;
    if (this.opts.token) h['Authorization'] = `Bearer ${this.opts.token}`;
    return h;
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        ...init,
        headers: this.headers((init.headers as Record<string, string> | undefined) ?? {}),
      });
    } catch {
      throw new ApiError(0, 'network', NETWORK_MESSAGE);
    }
    if (!res.ok) {
      let code = 'http_error';
      let message = `Der opstod en fejl (${res.status}). Prøv igen.`;
      try {
        const body = (await res.json()) as { error?: { code?: string; message?: string } };
        if (body.error?.code) code = body.error.code;
        if (body.error?.message) message = body.error.message.split(' / ')[0] ?? message;
      } catch {
        // not JSON: keep the generic message
      }
      throw new ApiError(res.status, code, message);
    }
    return res;
  }

  /** Sends a message; `onDelta` gets the answer text as it streams. Resolves with the whole response. */
  async chat(body: unknown, onDelta: (text: string) => void): Promise<ChatResponse> {
    const res = await this.request('/api/v1/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
    });
    if (!(res.headers.get('content-type') ?? '').includes('text/event-stream') || !res.body) {
      const json = (await res.json()) as ChatResponse;
      onDelta(json.answer);
      return json;
    }
    let final: ChatResponse | undefined;
    let failure: ApiError | undefined;
    const feed = createSseParser((event, data) => {
      if (event === 'delta') onDelta((JSON.parse(data) as { text: string }).text);
      else if (event === 'final') final = JSON.parse(data) as ChatResponse;
      else if (event === 'error') {
        const e = JSON.parse(data) as { error?: { code?: string; message?: string } };
        failure = new ApiError(500, e.error?.code ?? 'stream_error', e.error?.message ?? 'Der opstod en fejl.');
      }
    });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        feed(decoder.decode(value, { stream: true }));
      }
      feed(`${decoder.decode()}\n\n`);
    } catch {
      throw new ApiError(0, 'network', NETWORK_MESSAGE);
    }
    if (failure) throw failure;
    if (!final) throw new ApiError(0, 'incomplete', 'Svaret blev afbrudt. Prøv igen.');
    return final;
  }

  async session(id: string): Promise<SessionView> {
    const res = await this.request(`/api/v1/sessions/${encodeURIComponent(id)}`);
    return (await res.json()) as SessionView;
  }

  /** Deletes the conversation on the server ("Slet samtale"); an unknown session counts as deleted. */
  async deleteSession(id: string): Promise<void> {
    try {
      await this.request(`/api/v1/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
  }

  /** A cited unit in context; tolerant of `{unit, …}` and of a bare unit. */
  async unit(id: string): Promise<UnitView> {
    const res = await this.request(`/api/v1/units/${encodeURIComponent(id)}`);
    const d = (await res.json()) as Partial<UnitView> & UnitLike;
    const unit = d.unit ?? d;
    return {
      unit,
      parent: d.parent ?? null,
      children: d.children ?? [],
      siblings: d.siblings ?? [],
      source: d.source ?? null,
    };
  }

  async feedback(body: {
    sessionId?: string | undefined;
    turn?: number | undefined;
    rating: 'up' | 'down';
    reason?: string | undefined;
    comment?: string | undefined;
  }): Promise<void> {
    await this.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}
