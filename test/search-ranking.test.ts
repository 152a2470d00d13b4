import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { DEFAULT_ANALYZER_OPTIONS } from '../src/search/analyzer.ts';
import { getLoadedSearcher, getSearcher, indexHash, openIndex } from '../src/search/index.ts';

const corpus = loadCorpus();
const searcher = await getSearcher();
const root = join(import.meta.dirname, '..');

describe('ranking on the real corpus', () => {
  it('finds the stofsele rules for "må vi spænde ham fast i kørestolen"', () => {
    const hits = searcher.searchSync('må vi spænde ham fast i kørestolen', { k: 5 });
    expect(hits.length).toBe(5);
    const about128 = hits.filter((h) => /^sel-128(-|$)/.test(h.id) || /stofsele/i.test(h.text));
    expect(about128.length).toBeGreaterThan(0);
    expect(hits.findIndex((h) => /stofsele/i.test(h.text))).toBeLessThan(3);
  });

  it('puts a referenced unit first, whatever the wording', () => {
    expect(searcher.searchSync('§ 128 c, stk. 2', { k: 3 })[0]!.id).toBe('sel-128c-stk2');
    expect(searcher.searchSync('hvad står der i 128c stk 2 om fællesarealer?', { k: 3 })[0]!.id).toBe('sel-128c-stk2');
    expect(searcher.searchSync('bek. 1412 § 4', { k: 3 })[0]!.id).toBe('bek1412-4');
  });

  it('returns the smallest unit with its parent and citation', () => {
    const hit = searcher.searchSync('§ 128 c, stk. 2', { k: 1 })[0]!;
    expect(hit.parent).toEqual({ id: 'sel-128c', citation: corpus.unit('sel-128c')!.citation });
    expect(hit.citation).toBe(corpus.unit('sel-128c-stk2')!.citation);
    expect(hit.status).toBe('gældende');
  });

  it('does not lead with the superseded 2017 order unless the old rules are asked for', () => {
    const now = searcher.searchSync('må vi holde fast ved tandbørstning og barbering', { k: 5 });
    expect(now[0]!.status).not.toBe('ophævet');
    const old = searcher.searchSync(
      'hvordan var de gamle regler om fastholdelse ved tandbørstning og barbering før 2025',
      {
        k: 3,
      },
    );
    expect(old[0]!.sourceId).toBe('bek2017');
    const excluded = searcher.searchSync('fastholdelse ved tandbørstning og barbering', {
      k: 10,
      includeSuperseded: false,
    });
    expect(excluded.every((h) => h.status !== 'ophævet')).toBe(true);
  });

  it('collapses the same law text quoted in several sources under the most authoritative one', () => {
    const groups = searcher.parts.duplicateGroups;
    expect(groups.length).toBeGreaterThan(0);
    const rank = new Map(corpus.sources.map((s) => [s.id, s.rank]));
    for (const g of groups) {
      const leader = searcher.units[g[0]!]!;
      for (const m of g.slice(1))
        expect(rank.get(leader.sourceId)!).toBeLessThanOrEqual(rank.get(searcher.units[m]!.sourceId)!);
    }
    // Searching with the text of a duplicated member yields one hit led by the leader, the others in alsoIn.
    const g = groups.find((x) => searcher.units[x[0]!]!.sourceId === 'sel')!;
    expect(g).toBeDefined();
    const member = searcher.units[g[g.length - 1]!]!;
    const hits = searcher.searchSync(member.text.slice(0, 300), { k: 10 });
    const leaderId = searcher.units[g[0]!]!.id;
    const hit = hits.find((h) => h.id === leaderId);
    expect(hit).toBeDefined();
    expect(hit!.alsoIn.map((a) => a.id)).toContain(member.id);
    const shown = hits.flatMap((h) => [h.id, ...h.alsoIn.map((a) => a.id)]);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('honours k and scores best first', () => {
    const hits = searcher.searchSync('låsning af yderdøre om natten', { k: 7 });
    expect(hits).toHaveLength(7);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(getLoadedSearcher()).toBe(searcher);
  });
});

describe('index on disk', () => {
  it('is saved under a hash of corpus and settings and reloaded without rebuilding', async () => {
    const first = await openIndex();
    expect(existsSync(join(first.info.dir, 'meta.json'))).toBe(true);
    const meta = JSON.parse(readFileSync(join(first.info.dir, 'meta.json'), 'utf8')) as {
      hash: string;
      corpusHash: string;
    };
    expect(meta.hash).toBe(first.info.hash);
    expect(meta.corpusHash).toBe(corpus.hash);
    const again = await openIndex();
    expect(again.info.built).toBe(false);
    expect(again.info.dir).toBe(first.info.dir);
    // Settings are part of the hash.
    const other = indexHash(corpus.hash, {
      analyzer: { ...DEFAULT_ANALYZER_OPTIONS, compounds: false },
      embeddings: 'x',
    });
    expect(other).not.toBe(first.info.hash);
    expect(indexHash('another-corpus', { analyzer: DEFAULT_ANALYZER_OPTIONS, embeddings: 'x' })).not.toBe(
      indexHash(corpus.hash, { analyzer: DEFAULT_ANALYZER_OPTIONS, embeddings: 'x' }),
    );
    // The reloaded index ranks exactly like the shared one.
    const { Searcher } = await import('../src/search/searcher.ts');
    const reloaded = new Searcher(again.parts);
    const q = 'må vi bruge en babyalarm om natten';
    expect(reloaded.searchSync(q, { k: 5 }).map((h) => h.id)).toEqual(
      searcher.searchSync(q, { k: 5 }).map((h) => h.id),
    );
  });
});

describe('search CLI', () => {
  const cli = (args: string[], input?: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      ...(input !== undefined ? { input } : {}),
      env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    });

  it('prints a JSON array of hits, best first', () => {
    const out = cli(['search', '§ 128 c, stk. 2', '--k', '4', '--json']);
    const hits = JSON.parse(out) as Record<string, unknown>[];
    expect(hits).toHaveLength(4);
    expect(hits[0]!['id']).toBe('sel-128c-stk2');
    for (const h of hits) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['id', 'citation', 'sourceId', 'status', 'text', 'score']));
      expect(typeof h['score']).toBe('number');
    }
  });

  it('answers JSON lines in order, one array per line', () => {
    const input = `${JSON.stringify({ q: 'bek. 1412 § 4' })}\n${JSON.stringify({ q: '§ 128 c, stk. 2' })}\n`;
    const lines = cli(['search', '--k', '3', '--jsonl'], input).trim().split('\n');
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l) as { id: string }[]);
    expect(a![0]!.id).toBe('bek1412-4');
    expect(b![0]!.id).toBe('sel-128c-stk2');
    expect(a).toHaveLength(3);
  });
});
