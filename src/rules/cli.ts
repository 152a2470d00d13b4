/**
 * `npm run --silent cli -- evaluate --json < request.json` prints one Verdict;
 * `... evaluate --jsonl < requests.jsonl` prints one Verdict or {"error": …} per input line, in order.
 * Exit code 2 for invalid input (bad JSON, schema error, asOf outside the rules' period).
 */
import { readFileSync } from 'node:fs';
import { ZodError } from 'zod';
import { evaluate, MeasureNotImplementedError, RulesPeriodError } from './index.ts';

interface ErrorBody {
  error: { code: string; message: string; issues?: unknown };
}

function toError(e: unknown): ErrorBody {
  if (e instanceof ZodError) {
    return {
      error: {
        code: 'invalid_request',
        message: 'Ugyldig forespørgsel: indgreb eller oplysninger passer ikke til skemaet.',
        issues: e.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      },
    };
  }
  if (e instanceof RulesPeriodError) return { error: { code: e.code, message: e.message } };
  if (e instanceof MeasureNotImplementedError) return { error: { code: e.code, message: e.message } };
  if (e instanceof SyntaxError) return { error: { code: 'invalid_json', message: `Ugyldig JSON: ${e.message}` } };
  return { error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

export async function run(args: string[]): Promise<number> {
  const mode = args.includes('--jsonl') ? 'jsonl' : args.includes('--json') ? 'json' : null;
  if (!mode) {
    process.stderr.write('Brug: evaluate --json < forespørgsel.json | evaluate --jsonl < forespørgsler.jsonl\n');
    return 2;
  }
  const input = readStdin();
  if (mode === 'json') {
    try {
      process.stdout.write(`${JSON.stringify(evaluate(JSON.parse(input)), null, 2)}\n`);
      return 0;
    } catch (e) {
      const body = toError(e);
      process.stdout.write(`${JSON.stringify(body)}\n`);
      process.stderr.write(`${body.error.message}\n`);
      return body.error.code === 'internal' ? 1 : 2;
    }
  }
  let failed = false;
  const out: string[] = [];
  for (const line of input.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.stringify(evaluate(JSON.parse(line))));
    } catch (e) {
      failed = true;
      out.push(JSON.stringify(toError(e)));
    }
  }
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
  return failed ? 2 : 0;
}
