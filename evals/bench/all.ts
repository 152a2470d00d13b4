/** `npm run bench`: runs every benchmark in turn (rules, search, chat, start, instances), each in its own process. */
import { spawnSync } from 'node:child_process';

for (const name of ['rules', 'search', 'chat', 'start', 'instances']) {
  console.log(`\n=== bench:${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `evals/bench/${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
