/**
 * Measures and how each routes to its provision(s). A measure whose provision depends on an unknown
 * fact (which chapter applies, who decides) returns `undecided` → needs_more_facts.
 */

import { sel123 } from './provisions/sel-123.ts';
import { sel124b } from './provisions/sel-124b.ts';
import { sel124c } from './provisions/sel-124c.ts';
import { sel124dStk1, sel124dStk2 } from './provisions/sel-124d.ts';
import type { MeasureId } from './schema.ts';
import type { MeasureDef, Provision } from './types.ts';

function single(id: MeasureId, title: string, p: Provision): MeasureDef {
  return { id, title, provisions: [p], routingFacts: [], route: () => ({ provision: p }) };
}

export const MEASURES: MeasureDef[] = [
  single('house_rules', 'Husorden', sel123),
  single('physical_guidance', 'Fysisk guidning og konfliktafværgelse', sel124b),
  single('averting_damage', 'Afværgehjælp', sel124c),
  single('release_grip', 'Løsning af greb', sel124dStk1),
  single('restraint', 'Fastholdelse, tilbageholdelse og føren tilbage', sel124dStk2),
];
