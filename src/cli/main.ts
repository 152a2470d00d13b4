/**
 * Hjemmel CLI: `npm run --silent cli -- <command> [args]`.
 * Each capability owns its sub-commands in src/<capability>/cli.ts and exports
 * `run(args: string[]): Promise<number>` returning the process exit code.
 */

type Runner = (args: string[]) => Promise<number>;

const commands: Record<string, { describe: string; load: () => Promise<Runner> }> = {
  units: {
    describe: 'units [--json]: list all corpus units',
    load: async () => (await import('../corpus/cli.ts')).run,
  },
  unit: {
    describe: 'unit <id> [--json]: one unit with parent and children',
    load: async () => (await import('../corpus/cli.ts')).run,
  },
  evaluate: {
    describe: 'evaluate --json|--jsonl < input: run the rule evaluator',
    load: async () => (await import('../rules/cli.ts')).run,
  },
  explain: {
    describe: 'explain <measure> [--json]: each condition of the measure beside the text of the units it cites',
    load: async () => (await import('../rules/explain-cli.ts')).run,
  },
  search: {
    describe: 'search "<question>" [--k 10] --json | search --jsonl < questions.jsonl',
    load: async () => (await import('../search/cli.ts')).run,
  },
  ask: {
    describe: 'ask "<message>" [--session <id>] --json | ask --jsonl < messages.jsonl: the chat answer',
    load: async () => (await import('../dialogue/cli.ts')).run,
  },
  purge: {
    describe:
      'purge [--json]: delete conversations and decision records past their retention (HJEMMEL_*_RETENTION_DAYS)',
    load: async () => (await import('../store/cli.ts')).run,
  },
  keys: {
    describe: 'keys create --name <client> --origins <url,…> | keys list | keys revoke <id>: API keys',
    load: async () => (await import('../keys/cli.ts')).run,
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!name || !cmd) {
    process.stderr.write(`Brug / usage: npm run --silent cli -- <command>\n`);
    for (const c of Object.values(commands)) process.stderr.write(`  ${c.describe}\n`);
    return name ? 2 : 0;
  }
  const run = await cmd.load();
  // The sub-command sees its own name first so one module can serve several commands.
  return run([name, ...rest]);
}

process.exitCode = await main(process.argv.slice(2));
