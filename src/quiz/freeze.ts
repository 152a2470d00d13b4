/**
 * `npm run quiz:freeze [-- --update <scenario-id> … | --all] [--check]`: writes the frozen key
 * (`expected`, per question kind) into the scenario files.
 *
 * By default only scenarios without `expected` are filled in: a new scenario is frozen once, after its
 * author has checked the evaluator's answers against the source. Changing the key of an existing scenario
 * needs its id after `--update` (or `--all`), so a rules change never rewrites the bank silently.
 * `--check` writes nothing and lists every scenario whose frozen key differs from the evaluator (exit 1).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isServed, type QuestionKind, SCENARIO_DIR, type Scenario } from './bank.ts';
import { questionsFor } from './questions.ts';

function keysOf(s: Scenario): Partial<Record<QuestionKind, string>> {
  return Object.fromEntries(questionsFor(s).map((q) => [q.kind, q.correctOptionId]));
}

function same(a: Partial<Record<string, string>> | undefined, b: Partial<Record<string, string>>): boolean {
  return JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort());
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const all = args.includes('--all');
const i = args.indexOf('--update');
const update = new Set(i >= 0 ? args.slice(i + 1).filter((a) => !a.startsWith('--')) : []);

let differ = 0;
let written = 0;
for (const file of readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json'))) {
  const path = join(SCENARIO_DIR, file);
  const scenarios = JSON.parse(readFileSync(path, 'utf8')) as Scenario[];
  let changed = false;
  for (const s of scenarios) {
    if (!isServed(s)) continue;
    const keys = keysOf(s);
    if (same(s.expected, keys)) continue;
    if (check || (s.expected && !all && !update.has(s.id))) {
      differ++;
      console.log(`${s.id}: frozen ${JSON.stringify(s.expected ?? null)} ≠ evaluator ${JSON.stringify(keys)}`);
      continue;
    }
    s.expected = keys;
    changed = true;
    written++;
    console.log(`${s.id}: frozen ${JSON.stringify(keys)}`);
  }
  if (changed) writeFileSync(path, `${JSON.stringify(scenarios, null, 2)}\n`);
}
console.log(
  `${written} scenario(s) frozen, ${differ} differ${differ ? ' (use --update <id> after checking the source)' : ''}`,
);
if (differ && check) process.exit(1);
