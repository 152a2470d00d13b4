import { createInterface } from 'node:readline';
import { ZodError } from 'zod';
import { loadCorpus } from '../corpus/index.ts';
import { llmFromEnv } from '../llm/index.ts';
import { getSearcher } from '../search/index.ts';
import { databaseLine, openStore } from '../store/index.ts';
import { Conversation } from './chat.ts';

/** One JSON error object per failed line: `{"error": {"code", "message"}}` with a readable message. */
function errorOf(err: unknown): { error: { code: string; message: string } } {
  if (err instanceof ZodError) {
    const i = err.issues[0];
    const where = i?.path.length ? `${i.path.join('.')}: ` : '';
    return {
      error: {
        code: 'invalid_request',
        message: `Ugyldig forespørgsel / invalid request: ${where}${i?.message ?? ''}`,
      },
    };
  }
  if (err instanceof SyntaxError)
    return { error: { code: 'invalid_json', message: `Ugyldig JSON / invalid JSON: ${err.message}` } };
  const code = (err as { code?: unknown })?.code;
  return {
    error: {
      code: typeof code === 'string' ? code : 'error',
      message: err instanceof Error ? err.message : String(err),
    },
  };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `ask "<message>" [--session <id>] --json`: the /api/v1/chat response for one message.
 * `ask --jsonl < messages.jsonl`: lines `{"message": "…"}`, each a new session; one response per line.
 */
export async function run(args: string[]): Promise<number> {
  const rest = args.slice(1);
  const jsonl = rest.includes('--jsonl');
  const session = flag(rest, '--session');
  const message = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--session');
  const store = await openStore();
  process.stderr.write(databaseLine(store));
  const conversation = new Conversation({
    corpus: loadCorpus(),
    retriever: await getSearcher(),
    store,
    llm: llmFromEnv(),
  });
  if (jsonl) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of rl) {
      if (!line.trim()) continue;
      try {
        const req = JSON.parse(line) as { message?: unknown; context?: unknown };
        const res = await conversation.handle({
          message: req.message as string,
          ...(req.context ? { context: req.context as never } : {}),
        });
        process.stdout.write(`${JSON.stringify(res)}\n`);
      } catch (err) {
        process.stdout.write(`${JSON.stringify(errorOf(err))}\n`);
      }
    }
    return 0;
  }
  if (!message) {
    process.stderr.write('Brug / usage: ask "<besked>" [--session <id>] --json | ask --jsonl < messages.jsonl\n');
    return 2;
  }
  try {
    const res = await conversation.handle({ message, ...(session ? { sessionId: session } : {}) });
    if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(res)}\n`);
    else process.stdout.write(`${res.answer}\n\n(session ${res.sessionId})\n`);
    return 0;
  } catch (err) {
    const e = errorOf(err);
    if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(e)}\n`);
    process.stderr.write(`${e.error.message}\n`);
    return e.error.code === 'unknown_session' ? 1 : 2;
  }
}
