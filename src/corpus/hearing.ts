import type { SourceMeta, Unit } from './types.ts';

// TODO(ingest): placeholder until the parser lands.
export function parseHearing(_meta: SourceMeta, _raw: string): Unit[] {
  return [];
}
