import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { buildParts } from '../src/search/index.ts';
import { expandLearned, learnExpansions, loadLearned } from '../src/search/learned.ts';

describe('learnt staff-to-source expansions', async () => {
  const parts = await buildParts(loadCorpus(), { embeddings: null });
  const pairs = [
    { message: 'Må vi give ham et GPS-ur på?', evidence: 'tryghedsskabende velfærdsteknologi til lokalisering' },
    { message: 'kan vi bruge gps når hun går tur', evidence: 'teknologier til lokalisering og sporing' },
    { message: 'GPS på rollatoren?', evidence: 'lokalisering af borgeren' },
    { message: 'Må vi låse døren?', evidence: 'låsning af yderdøre' },
  ];

  it('associates a message term with passage terms seen with it more often than their base rate', () => {
    const ex = learnExpansions(pairs, parts.analyzer, { minCount: 2, minLift: 0.1 });
    const gps = parts.analyzer.terms('gps')[0]!;
    const lok = parts.analyzer.terms('lokalisering')[0]!;
    expect(ex[gps]?.map(([u]) => u)).toContain(lok);
    // Seen once only: no association.
    const laas = parts.analyzer.terms('låse')[0]!;
    expect(ex[laas]).toBeUndefined();
  });

  it('is deterministic and expands only terms not already in the query', () => {
    const a = learnExpansions(pairs, parts.analyzer, { minCount: 2, minLift: 0.1 });
    expect(learnExpansions([...pairs].reverse(), parts.analyzer, { minCount: 2, minLift: 0.1 })).toEqual(a);
    const file = { description: '', trainedOn: { pairs: 4, split: 'test' }, expansions: a };
    const gps = parts.analyzer.terms('gps')[0]!;
    const lok = parts.analyzer.terms('lokalisering')[0]!;
    expect(expandLearned(file, [gps]).has(lok)).toBe(true);
    expect(expandLearned(file, [gps, lok]).has(lok)).toBe(false);
  });

  it('ships a learnt file trained on the bank train split', () => {
    const f = loadLearned();
    expect(f).not.toBeNull();
    expect(f!.trainedOn.pairs).toBeGreaterThan(500);
    expect(Object.keys(f!.expansions).length).toBeGreaterThan(100);
  });
});
