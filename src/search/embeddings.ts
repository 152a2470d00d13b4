/**
 * Embeddings behind LangChain's `Embeddings` interface.
 * - HashedNgramEmbeddings: the offline default. Signed feature hashing of character 3-5-grams of the
 *   analysed words (plus the whole words), weighted by a per-bucket IDF fitted on the corpus and
 *   L2-normalised. No download; tolerant of OCR remnants, inflection and compounds.
 * - OpenAICompatibleEmbeddings: any OpenAI-compatible endpoint through the `openai` SDK, used when
 *   OPENAI_API_KEY or OPENAI_BASE_URL is set (model HJEMMEL_EMBEDDING_MODEL, default text-embedding-3-small).
 */
import { Embeddings } from '@langchain/core/embeddings';
import type OpenAI from 'openai';
import { STOP_WORDS, tokenize } from './analyzer.ts';

export interface SyncEmbeddings {
  /** Stable description of the model and settings; part of the index hash. */
  readonly id: string;
  embedSync?(text: string): number[];
}

export interface HashedNgramSettings {
  dims: number;
  minN: number;
  maxN: number;
}

export const DEFAULT_HASHED_SETTINGS: HashedNgramSettings = { dims: 1024, minN: 3, maxN: 5 };

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class HashedNgramEmbeddings extends Embeddings implements SyncEmbeddings {
  readonly id: string;
  readonly settings: HashedNgramSettings;
  /** Per-bucket inverse document frequency; all ones until fitted. */
  idf: Float64Array;
  private readonly featureCache = new Map<string, Int32Array>();

  constructor(settings: Partial<HashedNgramSettings> = {}, idf?: ArrayLike<number>) {
    super({});
    this.settings = { ...DEFAULT_HASHED_SETTINGS, ...settings };
    const { dims, minN, maxN } = this.settings;
    this.id = `hashed-ngram-v1:d${dims}:n${minN}-${maxN}`;
    this.idf = idf ? Float64Array.from(idf) : new Float64Array(dims).fill(1);
  }

  /** Signed bucket ids (bucket+1, negated for negative sign) of one word's features. */
  private wordFeatures(word: string): Int32Array {
    let f = this.featureCache.get(word);
    if (f) return f;
    const { dims, minN, maxN } = this.settings;
    const padded = `<${word}>`;
    const out: number[] = [];
    const push = (feat: string) => {
      const h = fnv1a(feat);
      const bucket = (h % dims) + 1;
      out.push(h & 0x80000000 ? -bucket : bucket);
    };
    push(`w:${word}`);
    for (let n = minN; n <= maxN; n++) {
      for (let i = 0; i + n <= padded.length; i++) push(padded.slice(i, i + n));
    }
    f = Int32Array.from(out);
    if (this.featureCache.size < 200_000) this.featureCache.set(word, f);
    return f;
  }

  private words(text: string): string[] {
    return tokenize(text)
      .map((t) => t.value)
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  }

  /** Fits the per-bucket IDF on the corpus texts (document frequency of each bucket). */
  fit(texts: string[]): void {
    const { dims } = this.settings;
    const df = new Float64Array(dims);
    const seen = new Uint8Array(dims);
    for (const t of texts) {
      seen.fill(0);
      for (const w of this.words(t)) for (const s of this.wordFeatures(w)) seen[Math.abs(s) - 1] = 1;
      for (let i = 0; i < dims; i++) df[i]! += seen[i]!;
    }
    const n = texts.length;
    this.idf = df.map((d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  }

  embedSync(text: string): number[] {
    const { dims } = this.settings;
    const counts = new Float64Array(dims);
    const v = new Array<number>(dims).fill(0);
    for (const w of this.words(text)) {
      for (const s of this.wordFeatures(w)) counts[Math.abs(s) - 1]! += s > 0 ? 1 : -1;
    }
    let norm = 0;
    for (let i = 0; i < dims; i++) {
      const c = counts[i]!;
      if (c === 0) continue;
      const x = Math.sign(c) * (1 + Math.log(Math.abs(c))) * this.idf[i]!;
      v[i] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dims; i++) v[i] = v[i]! / norm;
    return v;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embedSync(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embedSync(document);
  }
}

export interface OpenAIEmbeddingSettings {
  model: string;
  baseURL?: string;
  apiKey?: string;
  batchSize?: number;
}

export class OpenAICompatibleEmbeddings extends Embeddings implements SyncEmbeddings {
  readonly id: string;
  private clientP: Promise<OpenAI> | undefined;
  private readonly batchSize: number;

  constructor(readonly settings: OpenAIEmbeddingSettings) {
    super({ maxRetries: 2 });
    this.batchSize = settings.batchSize ?? 96;
    this.id = `openai:${settings.model}@${settings.baseURL ?? 'api.openai.com'}`;
  }

  /** The SDK is loaded on first use (not at start-up of the offline default). */
  private client(): Promise<OpenAI> {
    this.clientP ??= import('openai').then(
      ({ default: OpenAI }) =>
        new OpenAI({
          apiKey: this.settings.apiKey ?? 'not-needed',
          ...(this.settings.baseURL ? { baseURL: this.settings.baseURL } : {}),
          timeout: 30_000,
          maxRetries: 1,
        }),
    );
    return this.clientP;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const client = await this.client();
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += this.batchSize) {
      const input = documents.slice(i, i + this.batchSize).map((d) => d.slice(0, 8000) || ' ');
      const res = await this.caller.call(() => client.embeddings.create({ model: this.settings.model, input }));
      for (const d of res.data.sort((a, b) => a.index - b.index)) out.push(d.embedding);
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [v] = await this.embedDocuments([document]);
    if (!v) throw new Error('Empty embedding response');
    return v;
  }
}

/** The embeddings configured by the environment: OpenAI-compatible when a key or base URL is set. */
export function configuredRemoteEmbeddings(env: NodeJS.ProcessEnv = process.env): OpenAICompatibleEmbeddings | null {
  if (!env['OPENAI_API_KEY'] && !env['OPENAI_BASE_URL']) return null;
  return new OpenAICompatibleEmbeddings({
    model: env['HJEMMEL_EMBEDDING_MODEL'] || 'text-embedding-3-small',
    ...(env['OPENAI_BASE_URL'] ? { baseURL: env['OPENAI_BASE_URL'] } : {}),
    ...(env['OPENAI_API_KEY'] ? { apiKey: env['OPENAI_API_KEY'] } : {}),
  });
}
