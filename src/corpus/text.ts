/** Text clean-up shared by the source parsers. */

/**
 * Joins words hyphenated across a line break ("trygheds-\nskabende" -> "tryghedsskabende"),
 * keeping real hyphens before a conjunction ("bo- og dagtilbud") and capitalised continuations
 * that start a new compound member ("Social- og", "EU-\nForordning" stays "EU-Forordning").
 */
export function joinHyphenation(text: string): string {
  return text.replace(/([\p{L}\d])-[ \t]*\n[ \t]*\n?[ \t]*(\p{L}+)/gu, (_m, a: string, b: string) => {
    if (/^(og|eller|samt|til)$/.test(b)) return `${a}- ${b}`;
    if (/^\p{Lu}/u.test(b) || /\d$/.test(a)) return `${a}-${b}`;
    return `${a}${b}`;
  });
}

/** Collapses runs of white space (incl. newlines) into single spaces and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower-cased ASCII slug for readable ids ("Låsning af yderdøre" -> "laasning-af-yderdoere"). */
export function slug(text: string, max = 40): string {
  const s = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

/**
 * A robust form for "does this passage contain that phrase": lower case, æ/ø/å folded, hyphenation and
 * punctuation dropped, spaces squashed. Used to match evidence phrases quoted by writers to units.
 */
export function foldForMatch(s: string): string {
  return s
    .toLowerCase()
    .replace(/-\s+/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^\p{L}\d§]+/gu, ' ')
    .trim();
}
