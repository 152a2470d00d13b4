import { loadCorpus } from './index.ts';

/** `units [--json]` and `unit <id> [--json]`. */
export async function run(args: string[]): Promise<number> {
  const [cmd, ...rest] = args;
  const json = rest.includes('--json');
  const corpus = loadCorpus();
  if (cmd === 'units') {
    if (json) process.stdout.write(`${JSON.stringify(corpus.units)}\n`);
    else for (const u of corpus.units) process.stdout.write(`${u.id}\t${u.citation}\t${u.status}\n`);
    return 0;
  }
  const id = rest.find((a) => !a.startsWith('--'));
  if (!id) {
    process.stderr.write('Angiv et enheds-id / give a unit id: unit <id> [--json]\n');
    return 2;
  }
  const ctx = corpus.inContext(id);
  if (!ctx) {
    process.stderr.write(`Ukendt enhed / unknown unit: ${id}\n`);
    return 1;
  }
  const out = { ...ctx.unit, source: ctx.source, parent: ctx.parent, children: ctx.children, siblings: ctx.siblings };
  if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    process.stdout.write(`${ctx.unit.citation} [${ctx.unit.status}] (${ctx.source.shortTitle})\n`);
    if (ctx.parent) process.stdout.write(`Del af: ${ctx.parent.citation}\n`);
    process.stdout.write(`\n${ctx.unit.text}\n`);
  }
  return 0;
}
