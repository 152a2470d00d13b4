import type { SourceMeta, Unit } from './types.ts';

// TODO(ingest): placeholder until the parser lands.
export function parseGuidance(_meta: SourceMeta, _raw: string): Unit[] {
  return [];
}
