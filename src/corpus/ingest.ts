import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from '../runtime/index.ts';
import { parseGuidance } from './guidance.ts';
import { parseHandbook } from './handbook.ts';
import { parseHearing } from './hearing.ts';
import { parseLawSource } from './law.ts';
import { CORPUS_DIR, loadSourceMeta, readRawSource, SOURCES_DIR, sourceMeta } from './sources.ts';
import type { Corpus, Unit } from './types.ts';
import { linkUnits } from './unit.ts';

/**
 * Content hash of everything ingestion depends on: the source texts, their metadata and the
 * ingestion code itself. Any change yields a new hash, which keys the built corpus and the index.
 */
export function corpusInputHash(): string {
  const h = createHash('sha256');
  h.update(readFileSync(join(CORPUS_DIR, 'sources.json')));
  for (const meta of loadSourceMeta()) if (meta.file) h.update(readFileSync(join(SOURCES_DIR, meta.file)));
  const codeDir = sourceDir(import.meta.dirname);
  for (const f of readdirSync(codeDir).sort()) {
    if (f.endsWith('.ts') || f.endsWith('.json')) h.update(f).update(readFileSync(join(codeDir, f)));
  }
  return h.digest('hex').slice(0, 16);
}

/** Parses every source into linked units. Deterministic: same input, same output. */
export function ingest(): Corpus {
  const sources = loadSourceMeta();
  const hb = parseHandbook(sourceMeta('hb2025'), readRawSource('hb2025'), sourceMeta('sel'));
  const perSource: Record<string, Unit[]> = {
    sel: hb.sel,
    bek1412: parseLawSource(sourceMeta('bek1412'), readRawSource('bek1412')),
    bek2017: parseLawSource(sourceMeta('bek2017'), readRawSource('bek2017')),
    vejl2025: parseGuidance(sourceMeta('vejl2025'), readRawSource('vejl2025')),
    hb2025: hb.handbook,
    hoering2024: parseHearing(sourceMeta('hoering2024'), readRawSource('hoering2024')),
  };
  const units: Unit[] = [];
  for (const s of sources) {
    const list = perSource[s.id];
    if (!list) throw new Error(`No parser for source ${s.id}`);
    // order is per source; linkUnits sets a global order which we re-base per source below.
    units.push(...list);
  }
  linkUnits(units);
  const firstOrder = new Map<string, number>();
  for (const u of units) {
    if (!firstOrder.has(u.sourceId)) firstOrder.set(u.sourceId, u.order);
    u.order -= firstOrder.get(u.sourceId)!;
  }
  return { hash: corpusInputHash(), sources, units };
}
