import type { SourceMeta, Unit } from './types.ts';

// TODO(ingest): placeholder until the parser lands.
export function parseHandbook(
  _meta: SourceMeta,
  _raw: string,
  _selMeta: SourceMeta,
): { handbook: Unit[]; sel: Unit[] } {
  return { handbook: [], sel: [] };
}
