// Placeholder: replaced by the capability's real CLI.
export async function run(args: string[]): Promise<number> {
  process.stderr.write(`Ikke implementeret endnu / not implemented yet: ${args[0]}\n`);
  return 2;
}
