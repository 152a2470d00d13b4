/**
 * Search entry module. `getSearcher()` loads the index from corpus/build/index-<hash>/ (hash = corpus hash +
 * analyzer/embedding settings + search code), building and saving it when missing, and caches the result.
 * Use `searcher.search(q, {k})` (async, any embeddings) or `searcher.searchSync(q, {k})` (offline).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { type CorpusIndex, loadCorpus } from '../corpus/index.ts';
import { BUILD_DIR } from '../corpus/sources.ts';
import type { Unit } from '../corpus/types.ts';
import { sourceDir } from '../runtime/index.ts';
import { Analyzer, type AnalyzerOptions, DEFAULT_ANALYZER_OPTIONS, Lexicon } from './analyzer.ts';
import { Bm25, type Bm25Json } from './bm25.ts';
import { findDuplicateGroups } from './dedup.ts';
import {
  configuredRemoteEmbeddings,
  HashedNgramEmbeddings,
  type OpenAICompatibleEmbeddings,
  type SyncEmbeddings,
} from './embeddings.ts';
import { type RankingOptions, Searcher, type SearchIndexParts } from './searcher.ts';
import { loadVocabularyFile, Vocabulary } from './vocabulary.ts';

export type { Hit, RankingOptions, SearchOptions } from './searcher.ts';
export { asksAboutOldRules, Searcher } from './searcher.ts';

/** Bump when the on-disk format changes. */
const INDEX_FORMAT = 1;
/** Source files whose content changes what is stored in the index. */
const INDEX_CODE_FILES = ['analyzer.ts', 'bm25.ts', 'dedup.ts', 'embeddings.ts', 'index.ts'];

type QueryEmbeddings = SyncEmbeddings & {
  embedQuery(q: string): Promise<number[]>;
  embedDocuments(d: string[]): Promise<number[][]>;
};

export interface IndexSettings {
  analyzer: AnalyzerOptions;
  embeddings: string;
}

export interface BuildInfo {
  dir: string;
  hash: string;
  built: boolean;
  ms: number;
}

/**
 * Text indexed for a unit: its citation and its whole heading path (chapter, section, sub-heading) give context
 * words the body may not repeat. The whole path beat the last two headings on every development set.
 */
export function unitIndexText(u: Unit): string {
  return `${u.citation} ${u.headingPath.join(' ')} ${u.text}`;
}

/**
 * BM25 parameters. Units range from a 75-character heading to a 13,000-character guidance section, and answers
 * often sit in the long ones: b = 0.5 (less length normalisation than the usual 0.75) was better on every
 * development set (evals/retrieval/README.md).
 */
export const BM25_PARAMS = { k1: 1.2, b: 0.5 };

export function indexHash(corpusHash: string, settings: IndexSettings): string {
  const h = createHash('sha256');
  h.update(`format:${INDEX_FORMAT}\n${corpusHash}\n${JSON.stringify(settings)}\n`);
  for (const f of INDEX_CODE_FILES) h.update(f).update(readFileSync(join(sourceDir(import.meta.dirname), f)));
  return h.digest('hex').slice(0, 16);
}

export function indexDir(hash: string): string {
  return join(BUILD_DIR, `index-${hash}`);
}

function offlineEmbeddings(): HashedNgramEmbeddings {
  return new HashedNgramEmbeddings();
}

/** Builds all in-memory parts from the corpus (no disk). */
export async function buildParts(
  corpus: CorpusIndex,
  opts: { analyzer?: AnalyzerOptions; embeddings?: QueryEmbeddings | null } = {},
): Promise<SearchIndexParts> {
  const units = corpus.units;
  const texts = units.map(unitIndexText);
  const vocabFile = loadVocabularyFile();
  const lexicon = Lexicon.fromTexts(texts);
  // Everyday words from the vocabulary are known words too, so "køkken" can head "fælleskøkken".
  for (const e of vocabFile.entries)
    for (const p of [...e.staff, ...e.legal]) for (const w of p.split(/\s+/)) lexicon.add(w.toLowerCase(), 2);
  const analyzer = new Analyzer(lexicon, opts.analyzer ?? DEFAULT_ANALYZER_OPTIONS);
  const bm25 = Bm25.build(
    texts.map((t) => analyzer.terms(t)),
    BM25_PARAMS,
  );
  const duplicateGroups = findDuplicateGroups(units, corpus.sources);
  let dense: SearchIndexParts['dense'] = null;
  const emb = opts.embeddings === undefined ? offlineEmbeddings() : opts.embeddings;
  if (emb && units.length > 0) {
    if (emb instanceof HashedNgramEmbeddings) emb.fit(texts);
    const vectors = await emb.embedDocuments(texts);
    const store = new HNSWLib(emb, { space: 'cosine', numDimensions: vectors[0]!.length });
    await store.addVectors(
      vectors,
      units.map((u) => new Document({ pageContent: u.id, metadata: { id: u.id } })),
    );
    store.index.setEf(200);
    dense = { store, embeddings: emb };
  }
  return {
    units,
    sources: corpus.sources,
    analyzer,
    bm25,
    vocabulary: new Vocabulary(vocabFile, analyzer),
    dense,
    duplicateGroups,
  };
}

interface StoredLexical {
  lexicon: [string, number][];
  bm25: Bm25Json;
  duplicateGroups: number[][];
  unitIds: string[];
}

interface StoredMeta {
  format: number;
  hash: string;
  corpusHash: string;
  settings: IndexSettings;
  units: number;
  builtAt: string;
  buildMs: number;
  idf?: number[];
  hashedSettings?: HashedNgramEmbeddings['settings'];
}

async function saveParts(
  dir: string,
  hash: string,
  corpusHash: string,
  settings: IndexSettings,
  parts: SearchIndexParts,
  buildMs: number,
): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const lexical: StoredLexical = {
    lexicon: parts.analyzer.lexicon.toJSON(),
    bm25: parts.bm25.toJSON(),
    duplicateGroups: parts.duplicateGroups,
    unitIds: parts.units.map((u) => u.id),
  };
  writeFileSync(join(tmp, 'lexical.json'), JSON.stringify(lexical));
  const meta: StoredMeta = {
    format: INDEX_FORMAT,
    hash,
    corpusHash,
    settings,
    units: parts.units.length,
    builtAt: new Date().toISOString(),
    buildMs,
  };
  if (parts.dense) {
    await parts.dense.store.save(join(tmp, 'hnsw'));
    const emb = parts.dense.embeddings;
    if (emb instanceof HashedNgramEmbeddings) {
      meta.idf = Array.from(emb.idf, (x) => Math.round(x * 1e6) / 1e6);
      meta.hashedSettings = emb.settings;
    }
  }
  writeFileSync(join(tmp, 'meta.json'), JSON.stringify(meta));
  // Atomic publish: another process may be building the same index at the same time.
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function loadParts(
  dir: string,
  corpus: CorpusIndex,
  remote: OpenAICompatibleEmbeddings | null,
): Promise<SearchIndexParts> {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as StoredMeta;
  const lexical = JSON.parse(readFileSync(join(dir, 'lexical.json'), 'utf8')) as StoredLexical;
  const units = lexical.unitIds.map((id) => {
    const u = corpus.unit(id);
    if (!u) throw new Error(`Index ${dir} refers to unknown unit ${id}`);
    return u;
  });
  const lexicon = Lexicon.fromJSON(lexical.lexicon);
  const analyzer = new Analyzer(lexicon, meta.settings.analyzer);
  let dense: SearchIndexParts['dense'] = null;
  if (existsSync(join(dir, 'hnsw'))) {
    const emb: QueryEmbeddings = meta.idf ? new HashedNgramEmbeddings(meta.hashedSettings, meta.idf) : remote!;
    const store = await HNSWLib.load(join(dir, 'hnsw'), emb);
    store.index.setEf(200);
    dense = { store, embeddings: emb };
  }
  return {
    units,
    sources: corpus.sources,
    analyzer,
    bm25: Bm25.fromJSON(lexical.bm25),
    vocabulary: new Vocabulary(loadVocabularyFile(), analyzer),
    dense,
    duplicateGroups: lexical.duplicateGroups,
  };
}

/** Removes index directories of older hashes (keeps the current one). */
function pruneOldIndexes(keep: string[]): void {
  if (!existsSync(BUILD_DIR)) return;
  for (const f of readdirSync(BUILD_DIR)) {
    if (/^index-[0-9a-f]{16}$/.test(f) && !keep.includes(join(BUILD_DIR, f)))
      rmSync(join(BUILD_DIR, f), { recursive: true, force: true });
  }
}

/**
 * Loads the saved index for the current corpus and settings, or builds and saves it.
 * With remote embeddings configured, a failed remote build falls back to the offline embeddings.
 */
export async function openIndex(
  opts: { corpus?: CorpusIndex; rebuild?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ parts: SearchIndexParts; info: BuildInfo }> {
  const corpus = opts.corpus ?? loadCorpus();
  const remote = configuredRemoteEmbeddings(opts.env ?? process.env);
  const offlineSettings: IndexSettings = { analyzer: DEFAULT_ANALYZER_OPTIONS, embeddings: offlineEmbeddings().id };
  const candidates: { settings: IndexSettings; emb: QueryEmbeddings }[] = [];
  if (remote) candidates.push({ settings: { analyzer: DEFAULT_ANALYZER_OPTIONS, embeddings: remote.id }, emb: remote });
  candidates.push({ settings: offlineSettings, emb: offlineEmbeddings() });

  for (const c of candidates) {
    const hash = indexHash(corpus.hash, c.settings);
    const dir = indexDir(hash);
    const t0 = performance.now();
    if (!opts.rebuild && existsSync(join(dir, 'meta.json'))) {
      try {
        const parts = await loadParts(dir, corpus, remote);
        return { parts, info: { dir, hash, built: false, ms: performance.now() - t0 } };
      } catch (err) {
        process.stderr.write(`hjemmel: indekset i ${dir} kunne ikke indlæses, bygger igen (${err})\n`);
      }
    }
    try {
      const parts = await buildParts(corpus, { embeddings: c.emb });
      const ms = performance.now() - t0;
      await saveParts(dir, hash, corpus.hash, c.settings, parts, ms);
      pruneOldIndexes(candidates.map((x) => indexDir(indexHash(corpus.hash, x.settings))));
      return { parts, info: { dir, hash, built: true, ms } };
    } catch (err) {
      if (c.emb === remote) {
        process.stderr.write(`hjemmel: embeddings via OpenAI fejlede, bruger offline embeddings (${err})\n`);
        continue;
      }
      throw err;
    }
  }
  throw new Error('unreachable');
}

let cached: Promise<Searcher> | undefined;
let loaded: Searcher | undefined;
let lastInfo: BuildInfo | undefined;

/** The shared searcher (cached per process). */
export function getSearcher(): Promise<Searcher> {
  cached ??= openIndex().then(({ parts, info }) => {
    lastInfo = info;
    loaded = new Searcher(parts);
    return loaded;
  });
  return cached;
}

/** The shared searcher if `getSearcher()` has finished loading it, for synchronous callers. */
export function getLoadedSearcher(): Searcher | undefined {
  return loaded;
}

/** Where the shared index came from (built or loaded, directory, milliseconds). */
export function lastBuildInfo(): BuildInfo | undefined {
  return lastInfo;
}

/** Creates a searcher with non-default ranking switches over freshly built parts (evaluation only). */
export async function buildSearcher(
  corpus: CorpusIndex,
  opts: { analyzer?: AnalyzerOptions; dense?: boolean; ranking?: Partial<RankingOptions> } = {},
): Promise<Searcher> {
  const parts = await buildParts(corpus, {
    ...(opts.analyzer ? { analyzer: opts.analyzer } : {}),
    embeddings: opts.dense === false ? null : offlineEmbeddings(),
  });
  return new Searcher(parts, opts.ranking);
}
