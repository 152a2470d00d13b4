import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { Analyzer, DEFAULT_ANALYZER_OPTIONS, Lexicon, stem, tokenize } from '../src/search/analyzer.ts';
import { HashedNgramEmbeddings } from '../src/search/embeddings.ts';
import { unitIndexText } from '../src/search/index.ts';
import { candidateIds, parseRefs, resolveRefs } from '../src/search/refs.ts';
import { loadVocabularyFile, Vocabulary } from '../src/search/vocabulary.ts';

const corpus = loadCorpus();
const lexicon = Lexicon.fromTexts(corpus.units.map(unitIndexText));
for (const e of loadVocabularyFile().entries)
  for (const p of [...e.staff, ...e.legal]) for (const w of p.split(/\s+/)) lexicon.add(w.toLowerCase(), 2);
const analyzer = new Analyzer(lexicon);

describe('Danish analyzer', () => {
  it('keeps æ, ø and å inside words and lower-cases', () => {
    const words = tokenize('Fælleskøkkenet på Bostedet SØNDERGÅRD').map((t) => t.value);
    expect(words).toEqual(['fælleskøkkenet', 'på', 'bostedet', 'søndergård']);
  });

  it('turns paragraph, stk. and nr. references into single terms', () => {
    const refs = tokenize('jf. § 128 c, stk. 2, nr. 4 og 136a samt §§ 124 b').filter((t) => t.kind === 'ref');
    expect(refs.map((t) => t.value)).toEqual(['§128c', 'stk2', 'nr4', '§136a', '§124b']);
    expect(analyzer.terms('§ 128 c')).toEqual(analyzer.terms('128c'));
  });

  it('stems Danish inflections to the same term', () => {
    expect(stem('stofseler')).toBe(stem('stofsele'));
    expect(stem('fastholdelsen')).toBe(stem('fastholdelse'));
    expect(analyzer.terms('kørestolen')).toContain(stem('kørestol'));
  });

  it('drops Danish stop words but keeps words with legal meaning', () => {
    const terms = analyzer.terms('må vi ikke låse døren ind til hende');
    expect(terms).not.toContain('vi');
    expect(terms).not.toContain(stem('hende'));
    expect(terms).toContain(stem('ikke'));
    expect(terms).toContain(stem('låse'));
  });

  it('splits compounds into known corpus words', () => {
    expect(lexicon.split('fælleskøkken')).toEqual(['fælles', 'køkken']);
    expect(lexicon.split('terrassedør')).toEqual(['terrasse', 'dør']);
    expect(lexicon.split('hygiejnesituationer')).toEqual(['hygiejne', 'situationer']);
    // The whole word stays a term; the parts are added.
    const terms = analyzer.terms('hygiejnesituationer');
    expect(terms).toEqual([stem('hygiejnesituationer'), stem('hygiejne'), stem('situationer')]);
    expect(lexicon.split('dør')).toBeNull();
  });

  it('can switch stemming and compound splitting off (for the ablation)', () => {
    const plain = new Analyzer(lexicon, { ...DEFAULT_ANALYZER_OPTIONS, stem: false, compounds: false });
    expect(plain.terms('fælleskøkkener')).toEqual(['fælleskøkkener']);
  });
});

describe('staff vocabulary', () => {
  const vocab = new Vocabulary(loadVocabularyFile(), analyzer);
  const cases: [string, string][] = [
    ['må vi spænde ham fast', 'stofsele'],
    ['kan hun få et bælte på', 'stofsele'],
    ['skal han have sele på', 'stofsele'],
    ['et ur med GPS', 'lokalisering og sporing'],
    ['en babyalarm på værelset', 'lydmonitorering'],
    ['må vi kigge ind til ham', 'kamerakig'],
    ['et kamera i stuen', 'kamerakig'],
    ['må vi holde fast', 'fastholdelse'],
    ['hjælp til tandbørstning', 'personlig hygiejne'],
    ['han vil ikke i bad', 'personlig hygiejne'],
    ['ved bleskift', 'personlig hygiejne'],
    ['terrassedøren', 'yderdøre'],
    ['hoveddøren', 'yderdøre'],
    ['havelågen', 'låge fra udeareal'],
    ['køkkenet', 'fælleskøkken'],
    ['på bostedet', 'botilbud'],
    ['hun er dement', 'demens'],
    ['skal han flytte', 'optagelse i botilbud'],
    ['hvordan klager man', 'klageadgang'],
    ['visitere en beboer', 'kropsvisitation'],
    ['besøgsforbud til kæresten', 'besøgsrestriktioner'],
    ['brevkontrol', 'brevveksling'],
    ['tage hans mobil', 'mobiltelefon'],
    ['låse ham inde', 'særlige døråbnere'],
    ['skjult medicin', 'medicin'],
  ];
  it.each(cases)('"%s" expands with "%s"', (staff, legal) => {
    const exp = vocab.expandText(staff);
    expect(exp.legal).toContain(legal);
    expect(exp.terms.length).toBeGreaterThan(0);
  });

  it('does not expand questions without staff words', () => {
    expect(vocab.expandText('Afgørelser efter stk. 1').matched).toEqual([]);
  });
});

describe('legal reference parsing', () => {
  const ids = (q: string) => parseRefs(q).map((r) => candidateIds(r)[0]);
  it('parses the forms staff and lawyers write', () => {
    expect(ids('§ 128 c, stk. 2')).toEqual(['sel-128c-stk2']);
    expect(ids('128c stk 2')).toEqual(['sel-128c-stk2']);
    expect(ids('hvad siger servicelovens § 136 a?')).toEqual(['sel-136a']);
    expect(ids('bek. 1412 § 4')).toEqual(['bek1412-4']);
    expect(ids('bek. 1412 § 2, stk. 1, nr. 4')).toEqual(['bek1412-2-stk1-nr4']);
    expect(ids('bekendtgørelsen fra 2017 § 4')).toEqual(['bek2017-4']);
    expect(ids('kapitel 18 i vejledningen')).toEqual(['vejl2025-k18']);
    expect(ids('vejledningens kap. 24')).toEqual(['vejl2025-k24']);
    expect(ids('§ 124 d og § 125')).toEqual(['sel-124d', 'sel-125']);
  });

  it('finds nothing in plain questions', () => {
    expect(parseRefs('må vi låse hoveddøren om natten?')).toEqual([]);
    expect(parseRefs('hun er 85 år og bor på 2. sal')).toEqual([]);
  });

  it('resolves to the most specific unit that exists', () => {
    const exists = (id: string) => corpus.unit(id) !== undefined;
    expect(resolveRefs(parseRefs('§ 128 c, stk. 2'), exists)).toEqual(['sel-128c-stk2']);
    // stk. 9 does not exist: falls back to the paragraph.
    expect(resolveRefs(parseRefs('§ 128 c, stk. 9'), exists)).toEqual(['sel-128c']);
  });
});

describe('offline hashed n-gram embeddings', () => {
  const emb = new HashedNgramEmbeddings();
  emb.fit(corpus.units.map(unitIndexText));
  const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
  it('returns L2-normalised vectors of the configured size', () => {
    const v = emb.embedSync('låsning af fælleskøkkener');
    expect(v).toHaveLength(1024);
    expect(Math.abs(cos(v, v) - 1)).toBeLessThan(1e-9);
  });
  it('places inflections and compounds closer than unrelated words', () => {
    const a = emb.embedSync('fælleskøkken');
    expect(cos(a, emb.embedSync('køkkenet'))).toBeGreaterThan(cos(a, emb.embedSync('advokatbistand')));
    expect(cos(emb.embedSync('stofseler'), emb.embedSync('stofsele'))).toBeGreaterThan(0.5);
  });
});
