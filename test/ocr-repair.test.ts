import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { isKnownWord, OCR_CORRECTIONS, repairText, repairWord, unknownTokenStats } from '../src/corpus/ocr-repair.ts';
import { readRawSource } from '../src/corpus/sources.ts';
import { joinHyphenation } from '../src/corpus/text.ts';

const fix = (s: string) => repairText(s).text;

describe('OCR repair of the guidance', () => {
  it('repairs the documented damage patterns', () => {
    expect(fix('afggrelse')).toBe('afgørelse');
    expect(fix('de szrlige regler')).toBe('de særlige regler');
    expect(fix('at veere')).toBe('at være');
    expect(fix('baggrund pa')).toBe('baggrund på');
    expect(fix('Zndringsloven medfgrte @ndringer')).toBe('Ændringsloven medførte ændringer');
    expect(fix('| denne vejledning')).toBe('I denne vejledning');
    expect(fix('velfaerdsteknologiske Igsninger')).toBe('velfærdsteknologiske løsninger');
    expect(fix('Ldasning og sikring af yderdgre')).toBe('Låsning og sikring af yderdøre');
  });

  it('leaves real words alone', () => {
    for (const w of ['og', 'dag', 'sag', 'jeg', 'mad']) expect(repairWord(w)).toBeNull();
    expect(fix('en dag i sagen og jeg')).toBe('en dag i sagen og jeg');
  });

  it('keeps case and counts changes', () => {
    const r = repairText('Pa baggrund af AFGGRELSE');
    expect(r.text).toBe('På baggrund af AFGØRELSE');
    expect(r.changes).toBe(2);
  });

  it('treats "|" after a § number as the letter l', () => {
    expect(fix('efter § 137 |, stk. 1')).toBe('efter § 137 l, stk. 1');
  });

  it('brings the share of unknown guidance tokens to at most 2 %', () => {
    const raw = joinHyphenation(readRawSource('vejl2025'));
    const before = unknownTokenStats(raw);
    const after = unknownTokenStats(repairText(raw).text);
    expect(before.share).toBeGreaterThan(0.1);
    expect(after.share).toBeLessThanOrEqual(0.02);
    expect(after.total).toBeGreaterThan(50000);
  });

  it('recognises dictionary words, compounds and clean-source vocabulary', () => {
    expect(isKnownWord('afgørelse')).toBe(true);
    expect(isKnownWord('magtanvendelsesbekendtgørelsens')).toBe(true);
    expect(isKnownWord('afggrelse')).toBe(false);
  });

  it('is deterministic', () => {
    const raw = readRawSource('vejl2025').slice(0, 20000);
    expect(repairText(raw)).toEqual(repairText(raw));
  });
});

describe('OCR repair leaves non-words alone', () => {
  it('keeps web addresses and splits a § letter fused with "og"', () => {
    expect(fix('https://ast.dk/afgorelser/principafgorelser')).toBe('https://ast.dk/afgorelser/principafgorelser');
    expect(fix('§§ 124 cog 124 d')).toBe('§§ 124 c og 124 d');
  });
});

describe('dictionary words that are damaged forms in this text', () => {
  it('repairs "ma" to "må" and "sa" to "så"', () => {
    expect(repairText('skal være sa kortvarig som muligt, og ma ikke være').text).toBe(
      'skal være så kortvarig som muligt, og må ikke være',
    );
  });

  it('leaves no "ma" or "sa" in the repaired guidance', () => {
    const repaired = repairText(readRawSource('vejl2025')).text;
    expect(repaired.match(/\b(?:ma|sa)\b/g) ?? []).toEqual([]);
  });
});

describe('reviewed correction list (real-word confusions, fused words)', () => {
  it('maps only to words the dictionary or the clean sources know', () => {
    const bad: string[] = [];
    for (const target of [...Object.values(OCR_CORRECTIONS.words), ...OCR_CORRECTIONS.phrases.map(([, to]) => to)]) {
      for (const w of target.match(/\p{L}+/gu) ?? []) {
        if (w.length >= 2 && !isKnownWord(w) && !/^[IVX]+$/.test(w)) bad.push(`${target}: ${w}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('repairs real-word confusions the dictionary accepts, also in the repair output', () => {
    expect(fix('Formalet med bestemmelserne')).toBe('Formålet med bestemmelserne');
    expect(fix('på en made, der')).toBe('på en måde, der');
    expect(fix('hvor den pagaeldende er last inde')).toBe('hvor den pågældende er låst inde');
    expect(fix('klageren har faet meddelelse')).toBe('klageren har fået meddelelse');
    expect(fix('klipning af har og negle')).toBe('klipning af hår og negle');
  });

  it('leaves the genuine forms alone', () => {
    expect(fix('at tage vare på sig selv')).toBe('at tage vare på sig selv');
    expect(fix('en fast vagt')).toBe('en fast vagt');
  });

  it('leaves no unknown word in the built guidance units outside web addresses', () => {
    const corpus = loadCorpus();
    const unknown = new Set<string>();
    for (const u of corpus.units) {
      if (u.sourceId !== 'vejl2025') continue;
      const text = u.text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' ');
      for (const w of text.match(/\p{L}+/gu) ?? []) if (w.length >= 2 && !isKnownWord(w)) unknown.add(w);
    }
    expect([...unknown]).toEqual([]);
  });
});
