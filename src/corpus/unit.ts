import type { SourceMeta, Unit, UnitKind } from './types.ts';

export interface UnitDraft {
  id: string;
  kind: UnitKind;
  citation: string;
  headingPath: string[];
  text: string;
  parentId: string | null;
  start: number;
  end: number;
  page?: number;
  quotedOnPage?: number;
}

/**
 * Builds a Unit from a draft, taking status and validity from its source.
 * childIds and order are filled in by linkUnits().
 */
export function makeUnit(meta: SourceMeta, draft: UnitDraft): Unit {
  const unit: Unit = {
    id: draft.id,
    sourceId: meta.id,
    kind: draft.kind,
    citation: draft.citation,
    headingPath: draft.headingPath,
    text: draft.text,
    status: meta.status,
    parentId: draft.parentId,
    childIds: [],
    order: 0,
    start: draft.start,
    end: draft.end,
  };
  if (meta.validFrom) unit.validFrom = meta.validFrom;
  if (meta.validTo) unit.validTo = meta.validTo;
  if (draft.page !== undefined) unit.page = draft.page;
  if (draft.quotedOnPage !== undefined) unit.quotedOnPage = draft.quotedOnPage;
  return unit;
}

/** Fills childIds (in reading order) and order from the array order; checks parents exist. */
export function linkUnits(units: Unit[]): Unit[] {
  const byId = new Map<string, Unit>();
  units.forEach((u, i) => {
    if (byId.has(u.id)) throw new Error(`Duplicate unit id: ${u.id}`);
    u.order = i;
    u.childIds = [];
    byId.set(u.id, u);
  });
  for (const u of units) {
    if (u.parentId === null) continue;
    const parent = byId.get(u.parentId);
    if (!parent) throw new Error(`Unit ${u.id} has unknown parent ${u.parentId}`);
    parent.childIds.push(u.id);
  }
  return units;
}
