/**
 * Core corpus types. Data flows one way: sources -> units -> index -> retrieval/evaluation -> answer.
 * A Unit is the smallest citable piece of a source, with a stable readable id.
 */

export type SourceKind = 'lov' | 'bekendtgørelse' | 'vejledning' | 'håndbog' | 'høring';
export type SourceStatus = 'gældende' | 'ophævet' | 'udkast' | 'baggrund';

export interface SourceMeta {
  /** Stable short id, also the prefix of every unit id of this source. */
  id: string;
  /** File under corpus/sources/ (absent for derived sources). */
  file?: string;
  title: string;
  /** Short form used in citations, e.g. "Bek. nr. 1412/2024". */
  shortTitle: string;
  kind: SourceKind;
  issuer: string;
  /** ISO date of issue/publication (YYYY-MM-DD), or YYYY-MM / YYYY when only that is known. */
  date: string;
  number?: string;
  status: SourceStatus;
  validFrom?: string;
  validTo?: string;
  /** How units of this source are cited, with an example. */
  citationStyle: string;
  /** Authority rank for collapsing duplicates: lov > bekendtgørelse > vejledning > håndbog > høring. */
  rank: number;
  /** For derived sources: the source the text was taken from. */
  derivedFrom?: string;
  notes?: string;
}

export type UnitKind =
  | 'paragraf' // § (law, executive order)
  | 'stk' // stykke
  | 'nr' // nummer
  | 'afsnit' // part of the guidance
  | 'kapitel' // chapter (guidance, law chapter heading)
  | 'punkt' // numbered point of the guidance
  | 'section' // handbook / letter section (heading + text)
  | 'case'; // handbook case story

export interface Unit {
  /** Stable, readable id, e.g. "sel-128c-stk2", "bek1412-4-stk2", "vejl2025-k18-p4". */
  id: string;
  sourceId: string;
  kind: UnitKind;
  /** Exact human citation naming the source, e.g. "SEL § 128 c, stk. 2". */
  citation: string;
  /** Headings from the top of the source down to (and including) this unit's own heading. */
  headingPath: string[];
  /** Clean (repaired) text. For containers (§ with stk.), the full text of all children. */
  text: string;
  status: SourceStatus;
  validFrom?: string;
  validTo?: string;
  parentId: string | null;
  childIds: string[];
  /** Position in reading order within the source (0-based). */
  order: number;
  /** Page number where known (handbook, hearing letter). */
  page?: number;
  /** For derived law text: the handbook page it was quoted on. */
  quotedOnPage?: number;
  /** Character offsets [start, end) into the raw source text (before any repair). */
  start: number;
  end: number;
}

export interface Corpus {
  /** sha256 of sources + ingestion version; keys every derived artefact (index, records). */
  hash: string;
  sources: SourceMeta[];
  units: Unit[];
}

export interface UnitInContext {
  unit: Unit;
  source: SourceMeta;
  parent: Unit | null;
  children: Unit[];
  siblings: Unit[];
}
