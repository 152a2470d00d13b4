// Placeholder until API keys (issue 7) land.
export async function run(args: string[]): Promise<number> {
  process.stderr.write(`Ikke implementeret endnu / not implemented yet: ${args[0]}\n`);
  return 2;
}
