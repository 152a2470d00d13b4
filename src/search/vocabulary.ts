/**
 * Staff vocabulary: expands everyday words in a question ("spænde fast", "babyalarm", "terrassedør")
 * with the legal concepts the sources use ("stofsele", "lydmonitorering", "yderdøre").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDir } from '../runtime/index.ts';
import type { Analyzer } from './analyzer.ts';

export interface VocabularyEntry {
  staff: string[];
  legal: string[];
}

export interface VocabularyFile {
  description?: string;
  entries: VocabularyEntry[];
}

export const VOCABULARY_FILE = join(sourceDir(import.meta.dirname), 'vocabulary.json');

export function loadVocabularyFile(path = VOCABULARY_FILE): VocabularyFile {
  return JSON.parse(readFileSync(path, 'utf8')) as VocabularyFile;
}

export interface Expansion {
  /** Indices of the matched entries. */
  matched: number[];
  /** The staff phrases that matched, as written in the vocabulary. */
  phrases: string[];
  /** Legal phrases added, as written in the vocabulary. */
  legal: string[];
  /** Analysed terms of the legal phrases (not already in the query). */
  terms: string[];
}

interface CompiledPhrase {
  entry: number;
  phrase: string;
  terms: string[];
}

export class Vocabulary {
  private readonly phrases: CompiledPhrase[] = [];
  private readonly legalTerms: string[][];

  constructor(
    readonly file: VocabularyFile,
    private readonly analyzer: Analyzer,
  ) {
    file.entries.forEach((e, i) => {
      for (const p of e.staff) {
        // Only the head word of a compound matters for matching; use the word terms without split parts.
        const terms = analyzer.terms(p);
        if (terms.length > 0) this.phrases.push({ entry: i, phrase: p, terms });
      }
    });
    this.legalTerms = file.entries.map((e) => [...new Set(e.legal.flatMap((l) => analyzer.terms(l)))]);
  }

  /** Finds the staff phrases in the analysed query terms (contiguous, in order) and expands them. */
  expand(queryTerms: string[]): Expansion {
    const matched = new Set<number>();
    const phrases: string[] = [];
    for (const p of this.phrases) {
      if (containsSequence(queryTerms, p.terms)) {
        if (!matched.has(p.entry)) phrases.push(p.phrase);
        matched.add(p.entry);
      }
    }
    const have = new Set(queryTerms);
    const terms = new Set<string>();
    const legal: string[] = [];
    for (const i of matched) {
      legal.push(...this.file.entries[i]!.legal);
      for (const t of this.legalTerms[i]!) if (!have.has(t)) terms.add(t);
    }
    return { matched: [...matched], phrases, legal, terms: [...terms] };
  }

  /** Convenience: expands raw text. */
  expandText(text: string): Expansion {
    return this.expand(this.analyzer.terms(text));
  }
}

function containsSequence(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
