/**
 * Corpus entry module: loads the built corpus (corpus/build/units.json), building it on first use
 * or whenever the sources or the ingestion code change, and looks units up with their context.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusInputHash, ingest } from './ingest.ts';
import { BUILD_DIR } from './sources.ts';
import type { Corpus, SourceMeta, Unit, UnitInContext } from './types.ts';

export type { Corpus, SourceMeta, Unit, UnitInContext } from './types.ts';

export const UNITS_FILE = join(BUILD_DIR, 'units.json');

/** Serialises a corpus deterministically (stable key order as constructed, fixed indentation). */
export function serializeCorpus(corpus: Corpus): string {
  return `${JSON.stringify(corpus, null, 1)}\n`;
}

/** Runs ingestion and writes corpus/build/units.json. Returns the corpus. */
export function buildCorpus(): Corpus {
  const corpus = ingest();
  mkdirSync(BUILD_DIR, { recursive: true });
  writeFileSync(UNITS_FILE, serializeCorpus(corpus));
  return corpus;
}

let cached: CorpusIndex | undefined;

export class CorpusIndex {
  readonly byId = new Map<string, Unit>();
  readonly sourceById = new Map<string, SourceMeta>();

  constructor(readonly corpus: Corpus) {
    for (const u of corpus.units) this.byId.set(u.id, u);
    for (const s of corpus.sources) this.sourceById.set(s.id, s);
  }

  get hash(): string {
    return this.corpus.hash;
  }

  get units(): Unit[] {
    return this.corpus.units;
  }

  get sources(): SourceMeta[] {
    return this.corpus.sources;
  }

  unit(id: string): Unit | undefined {
    return this.byId.get(id);
  }

  source(id: string): SourceMeta {
    const s = this.sourceById.get(id);
    if (!s) throw new Error(`Unknown source id: ${id}`);
    return s;
  }

  /** A unit with its source, parent, children and siblings (the "open the paragraph" view). */
  inContext(id: string): UnitInContext | undefined {
    const unit = this.byId.get(id);
    if (!unit) return undefined;
    const parent = unit.parentId ? (this.byId.get(unit.parentId) ?? null) : null;
    const children = unit.childIds.map((c) => this.byId.get(c)).filter((u): u is Unit => !!u);
    const siblingIds = parent
      ? parent.childIds
      : this.corpus.units.filter((u) => u.sourceId === unit.sourceId && u.parentId === null).map((u) => u.id);
    const siblings = siblingIds.filter((s) => s !== id).map((s) => this.byId.get(s)!);
    return { unit, source: this.source(unit.sourceId), parent, children, siblings };
  }
}

/**
 * Loads the corpus, building it if missing or stale. Cached per process.
 * @param opts.rebuild force a rebuild even when the built file is current.
 */
export function loadCorpus(opts: { rebuild?: boolean } = {}): CorpusIndex {
  if (cached && !opts.rebuild) return cached;
  let corpus: Corpus | undefined;
  if (!opts.rebuild && existsSync(UNITS_FILE)) {
    const onDisk = JSON.parse(readFileSync(UNITS_FILE, 'utf8')) as Corpus;
    if (onDisk.hash === corpusInputHash()) corpus = onDisk;
  }
  corpus ??= buildCorpus();
  cached = new CorpusIndex(corpus);
  return cached;
}
