import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from '../runtime/index.ts';
import type { SourceMeta } from './types.ts';

export const CORPUS_DIR = join(sourceDir(import.meta.dirname), '..', '..', 'corpus');
export const SOURCES_DIR = join(CORPUS_DIR, 'sources');
export const BUILD_DIR = join(CORPUS_DIR, 'build');

let cachedMeta: SourceMeta[] | undefined;

/** The source metadata from corpus/sources.json, in file order. */
export function loadSourceMeta(): SourceMeta[] {
  cachedMeta ??= JSON.parse(readFileSync(join(CORPUS_DIR, 'sources.json'), 'utf8')) as SourceMeta[];
  return cachedMeta;
}

export function sourceMeta(id: string): SourceMeta {
  const meta = loadSourceMeta().find((s) => s.id === id);
  if (!meta) throw new Error(`Unknown source id: ${id}`);
  return meta;
}

/** The raw text of a source file exactly as copied from the seeds (offsets refer to this string). */
export function readRawSource(id: string): string {
  const meta = sourceMeta(id);
  if (!meta.file) throw new Error(`Source ${id} is derived and has no file`);
  return readFileSync(join(SOURCES_DIR, meta.file), 'utf8');
}
