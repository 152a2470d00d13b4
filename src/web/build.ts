/**
 * Bundles the chat widget (src/web/widget/index.ts) into one self-contained `widget.js` with esbuild.
 * `npm run build` writes dist/widget.js and prints its raw and gzipped size (budget: 60 KB gzipped).
 * The server calls `buildWidget()` at start-up, so a fresh clone without dist/ still serves /widget.js.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { sourceDir } from '../runtime/index.ts';

export const WIDGET_ENTRY = join(sourceDir(import.meta.dirname), 'widget', 'index.ts');
export const DIST_DIR = join(sourceDir(import.meta.dirname), '..', '..', 'dist');
export const WIDGET_FILE = join(DIST_DIR, 'widget.js');
/** The size budget of the gzipped bundle, in bytes. */
export const GZIP_BUDGET = 60 * 1024;

export interface BuiltWidget {
  code: string;
  gzipped: Buffer;
  rawBytes: number;
  gzipBytes: number;
}

/** Builds the widget in memory (minified IIFE, ES2020, no external requests). */
export async function buildWidget(opts: { minify?: boolean } = {}): Promise<BuiltWidget> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: opts.minify ?? true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const gzipped = gzipSync(code, { level: 9 });
  return { code, gzipped, rawBytes: Buffer.byteLength(code), gzipBytes: gzipped.length };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const built = await buildWidget();
  mkdirSync(DIST_DIR, { recursive: true });
  writeFileSync(WIDGET_FILE, built.code);
  const within = built.gzipBytes <= GZIP_BUDGET;
  console.log(
    `dist/widget.js: ${kb(built.rawBytes)} raw, ${kb(built.gzipBytes)} gzipped (budget ${kb(GZIP_BUDGET)}: ${within ? 'ok' : 'OVER BUDGET'})`,
  );
  if (!within) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
