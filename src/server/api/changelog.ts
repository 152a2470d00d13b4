/** The API and rules changelog (changelog.yaml), validated with zod at start; served as GET /api/v1/changelog. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { sourceDir } from '../../runtime/index.ts';

export const ChangelogSchema = z
  .object({
    api: z
      .array(
        z.object({
          version: z.string().regex(/^\d+\.\d+\.\d+$/),
          date: z.iso.date(),
          changes: z.array(z.string()).min(1),
        }),
      )
      .min(1)
      .describe('API-versioner (semver for /api/v1), nyeste først.'),
    rules: z
      .array(z.object({ version: z.string(), changes: z.array(z.string()).min(1) }))
      .min(1)
      .describe('Regelsættets versioner (rulesVersion), nyeste først.'),
  })
  .describe('Ændringer i API og regelsæt, nyeste først.');
export type Changelog = z.infer<typeof ChangelogSchema>;

export const CHANGELOG: Changelog = ChangelogSchema.parse(
  parse(readFileSync(join(sourceDir(import.meta.dirname), 'changelog.yaml'), 'utf8')),
);

/** The API's version (semver), the newest entry of the changelog. */
export const API_VERSION: string = CHANGELOG.api[0]!.version;
