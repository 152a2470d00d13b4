/**
 * `npm run --silent cli -- search "<question>" [--k 10] --json`
 * `npm run --silent cli -- search [--k 10] --jsonl < questions.jsonl` (lines {"q": "..."}; one array per line)
 * Only JSON goes to stdout; messages go to stderr in Danish.
 */
import { createInterface } from 'node:readline';
import { getSearcher, type Hit } from './index.ts';

interface CliOptions {
  k: number;
  json: boolean;
  jsonl: boolean;
  includeSuperseded?: boolean;
  question: string;
}

function parseArgs(args: string[]): CliOptions | string {
  const opts: CliOptions = { k: 10, json: false, jsonl: false, question: '' };
  const words: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--k' || a === '-k') {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 200) return '--k skal være et helt tal mellem 1 og 200';
      opts.k = v;
    } else if (a.startsWith('--k=')) {
      const v = Number(a.slice(4));
      if (!Number.isInteger(v) || v < 1 || v > 200) return '--k skal være et helt tal mellem 1 og 200';
      opts.k = v;
    } else if (a === '--json') opts.json = true;
    else if (a === '--jsonl') opts.jsonl = true;
    else if (a === '--include-superseded') opts.includeSuperseded = true;
    else if (a === '--exclude-superseded') opts.includeSuperseded = false;
    else if (a.startsWith('--')) return `ukendt flag: ${a}`;
    else words.push(a);
  }
  opts.question = words.join(' ').trim();
  return opts;
}

function shape(h: Hit) {
  return {
    id: h.id,
    citation: h.citation,
    sourceId: h.sourceId,
    status: h.status,
    text: h.text,
    score: h.score,
    ...(h.parent ? { parent: h.parent } : {}),
    alsoIn: h.alsoIn,
  };
}

function human(hits: Hit[]): string {
  return hits
    .map((h, i) => {
      const text = h.text.replace(/\s+/g, ' ');
      const also = h.alsoIn.length ? `\n   også i: ${h.alsoIn.map((a) => a.citation).join('; ')}` : '';
      return `${i + 1}. ${h.citation} [${h.id}] (${h.status}, ${h.score})\n   ${text.slice(0, 220)}${text.length > 220 ? '…' : ''}${also}`;
    })
    .join('\n');
}

export async function run(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    process.stderr.write(`Fejl: ${opts}\n`);
    return 2;
  }
  const searchOpts = {
    k: opts.k,
    ...(opts.includeSuperseded !== undefined ? { includeSuperseded: opts.includeSuperseded } : {}),
  };
  if (opts.jsonl) {
    const searcher = await getSearcher();
    const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNo = 0;
    let failed = false;
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      let q: unknown;
      try {
        q = (JSON.parse(line) as { q?: unknown }).q;
      } catch {
        q = undefined;
      }
      if (typeof q !== 'string') {
        process.stderr.write(`Fejl i linje ${lineNo}: forventede {"q": "…"}\n`);
        process.stdout.write('[]\n');
        failed = true;
        continue;
      }
      const hits = await searcher.search(q, searchOpts);
      process.stdout.write(`${JSON.stringify(hits.map(shape))}\n`);
    }
    return failed ? 1 : 0;
  }
  if (!opts.question) {
    process.stderr.write(
      'Brug: npm run --silent cli -- search "<spørgsmål>" [--k 10] --json\n     npm run --silent cli -- search [--k 10] --jsonl < spørgsmål.jsonl\n',
    );
    return 2;
  }
  const searcher = await getSearcher();
  const hits = await searcher.search(opts.question, searchOpts);
  process.stdout.write(opts.json ? `${JSON.stringify(hits.map(shape))}\n` : `${human(hits)}\n`);
  return 0;
}
