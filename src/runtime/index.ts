/**
 * Where the running code's source folder is. `npm start` runs the compiled JavaScript in `.build/` (tsc, see
 * tsconfig.build.json), tests and tools run the TypeScript through tsx; both must read the same data files
 * (corpus, rule parameters, scenarios, models, prompts) and hash the same source files. `sourceDir` maps a
 * compiled module's folder (`<root>/.build/src/x`) back to its source folder (`<root>/src/x`).
 */
import { sep } from 'node:path';

const BUILD = `${sep}.build${sep}`;

export function sourceDir(dirname: string): string {
  const i = dirname.lastIndexOf(BUILD);
  return i < 0 ? dirname : dirname.slice(0, i) + sep + dirname.slice(i + BUILD.length);
}
