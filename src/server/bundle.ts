/**
 * `npm run build:server` (run by `prestart`): bundles the production server (src/server/main.ts and everything it
 * imports, node_modules included) with esbuild into one ES module, `.build/bundle/main.mjs`. Loading one file
 * instead of some thousand modules is what brings spawn→ready under a second (`npm run bench:start`).
 *
 * Modules find their data files relative to their own folder (`import.meta.dirname`, `import.meta.url`: the corpus,
 * rule parameters, prompts, models, the Danish dictionary). In a bundle every module would see the bundle's folder,
 * so the `source-location` plugin writes each module's own path into it at build time. The bundle is therefore
 * tied to this checkout; it is rebuilt by every `npm start`. Native addons (better-sqlite3, hnswlib-node) and
 * esbuild itself (the server builds the widget with it) stay external and load from node_modules.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { sourceDir } from '../runtime/index.ts';

const ROOT = join(sourceDir(import.meta.dirname), '..', '..');
export const BUNDLE_FILE = join(ROOT, '.build', 'bundle', 'main.mjs');

/** Each module's own folder and URL instead of the bundle's. */
const sourceLocation: Plugin = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.(?:ts|js|mjs)$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const contents = text
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

export async function bundleServer(outfile = BUNDLE_FILE): Promise<{ ms: number; outfile: string }> {
  const t0 = performance.now();
  await build({
    entryPoints: [join(ROOT, 'src', 'server', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3', 'hnswlib-node', 'pg-native', 'esbuild'],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as __hjemmelCreateRequire } from 'node:module'; const require = __hjemmelCreateRequire(import.meta.url);",
    },
    plugins: [sourceLocation],
    logLevel: 'warning',
  });
  return { ms: performance.now() - t0, outfile };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { ms, outfile } = await bundleServer();
  process.stderr.write(`server bundle: ${outfile} (${Math.round(ms)} ms)\n`);
}
