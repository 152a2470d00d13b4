import { createInterface } from 'node:readline';
import { loadCorpus } from '../corpus/index.ts';
import { llmFromEnv } from '../llm/index.ts';
import { getSearcher } from '../search/index.ts';
import { Store } from '../store/index.ts';
import { Conversation } from './chat.ts';

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
  const conversation = new Conversation({
    corpus: loadCorpus(),
    retriever: await getSearcher(),
    store: new Store(),
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
        process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
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
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
