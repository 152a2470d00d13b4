/**
 * Messages in English (a temp, a new colleague): the language layer reads Danish, so an English message is glossed
 * into Danish words first — phrase by phrase from a fixed glossary of the care and rules vocabulary, longest
 * phrases first — and then read by the same lexicon, classifier and search as any Danish message. Answers stay in
 * Danish. A gloss is not a translation: word order stays English, which the Danish patterns tolerate because they
 * look for the content words ("må vi", "låse", "anbragt ved dom"). Deterministic; no language model.
 */

const ENGLISH_WORDS = new Set(
  'the a an is are was were we you he she it they can could may might should would do does did of in on with without his him them their our my your this that what who how when where why which not no yes has have had will be been resident residents staff temp there here from about into me us rules apply room rooms door lock use allowed need want should'.split(
    ' ',
  ),
);
const DANISH_WORDS = new Set(
  'og er vi jeg han hun den det de til på en et der ikke må kan skal har med hans hendes ham hende som af om så men hvad hvem hvordan når eller også efter over nej ja beboer beboeren borger borgeren'.split(
    ' ',
  ),
);

/**
 * Whether a message is written in English: more English than Danish function words (words both languages share,
 * such as "i", "at", "for", "to", "her", count for neither).
 */
export function isEnglish(message: string): boolean {
  const words = message.toLowerCase().match(/[a-zæøå']+/gu) ?? [];
  let en = 0;
  let da = 0;
  for (const w of words) {
    const bare = w.replace(/'s$|'/gu, '');
    if (ENGLISH_WORDS.has(bare)) en++;
    if (DANISH_WORDS.has(bare)) da++;
  }
  return (en >= 3 && en > da * 1.5) || (en >= 2 && da === 0);
}

/** [English phrase (a regular-expression source, matched on whole words), Danish gloss]. Longest phrases first. */
const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  // question forms
  ['what can (?:we|i) do', 'hvad må vi gøre'],
  ['am i allowed to|are we allowed to|is it (?:ok|okay|allowed|legal) (?:for us )?to', 'må vi'],
  ['can i|may i|could i|should i', 'må jeg'],
  ['can we|may we|could we|should we|can staff|can the staff', 'må vi'],
  ['(?:is|was) (?:that|it|this) (?:ok|okay|allowed|legal)|is that alright', 'er det lovligt'],
  [
    'do (?:i|we) (?:need|have) to (?:report|register)(?: this| it)?|do (?:i|we) report(?: it| this)?|should (?:i|we) report(?: it| this)?|do (?:i|we) need to fill in a form',
    'skal jeg indberette det',
  ],
  ['who decides|who makes the decision|who has to decide', 'hvem træffer afgørelse'],
  ['what (?:rules|regulations) apply (?:for|to)|what are the rules (?:for|on|about)', 'hvad siger reglerne om'],
  ['how long (?:at )?max(?:imum)?|for how long at most|what is the maximum duration', 'hvor længe højst'],
  ["what is the deadline for|what's the deadline for", 'hvad er fristen for'],
  ['who can complain|where (?:do|can) (?:i|we|they) complain', 'hvem kan klage'],
  ["what(?:'s| is) the procedure|what do we do now|what now", 'hvad skal vi gøre nu'],
  [
    'need(?:s)? to apply to the (?:municipality|council)|apply to the (?:municipality|council)',
    'søge kommunen om tilladelse',
  ],
  ['without asking the (?:municipality|council)', 'uden at spørge kommunen'],
  ['without permission', 'uden tilladelse'],
  ['use of force|a restraint that needs a decision', 'magtanvendelse'],
  // people and places
  [
    'placed (?:here |in our [^.?!]{0,30} )?by (?:a )?court (?:order|judgment|judgement|ruling)|court[- ]placed|court[- ]ordered placement|sentenced to placement',
    'anbragt ved dom',
  ],
  ['secure (?:unit|ward|department)', 'sikret afdeling'],
  ['power of attorney|lasting power of attorney', 'fremtidsfuldmægtig'],
  ['guardian', 'værge'],
  ['residents', 'beboerne'],
  ["resident's|user's", 'beboerens'],
  ['resident|user|citizen', 'beboeren'],
  ['night staff|night shift', 'nattevagten'],
  ['staff|carers|care workers', 'personalet'],
  ['temp|substitute|agency worker', 'vikar'],
  ['manager', 'lederen'],
  ["colleague's|colleagues'", 'kollegas'],
  ['colleague|colleagues', 'kollega'],
  ['visitors?|guests?', 'besøgende'],
  ['husband', 'manden'],
  ['wife', 'konen'],
  ['son', 'sønnen'],
  ['daughter', 'datteren'],
  ['relatives?|family', 'pårørende'],
  ['another lady|another resident|other residents|others', 'en anden beboer'],
  ['nursing home|care home|care centre|care center', 'plejehjem'],
  ['group home|residential home|supported housing', 'bosted'],
  ['day cent(?:re|er)', 'dagtilbud'],
  ['dementia unit', 'demensafsnit'],
  ['(?:municipality|council)', 'kommunen'],
  ['seclusion rooms?|isolation rooms?', 'afskærmningslokale'],
  ['(?:tv |common )?lounge|common room|living room', 'fællesstuen'],
  ['dining room', 'spisestuen'],
  ['common areas?', 'fællesarealerne'],
  ['staff room', 'personalerummet'],
  ['kitchen', 'køkkenet'],
  ['cupboards?|cabinets?', 'skabe'],
  ['front door|main door', 'hoveddøren'],
  ['balcony door|terrace door', 'altandøren'],
  ['garden gate', 'havelågen'],
  ['gates?', 'låge'],
  ['garden', 'haven'],
  ['door handle', 'dørhåndtaget'],
  ['doors?', 'døren'],
  ['flat|apartment', 'lejlighed'],
  ['rooms?', 'værelse'],
  ['bed', 'sengen'],
  ['wheelchair', 'kørestol'],
  // impairment
  ["alzheimer'?s|dementia", 'demens'],
  ['autism|autistic', 'autisme'],
  ['intellectual disability|learning disability|down syndrome|developmental disability', 'udviklingshæmning'],
  ['brain injury', 'hjerneskade'],
  // acts
  ['lap belt|wheelchair belt|fabric belt|belts?|strap (?:her|him) with a belt', 'stofsele'],
  ['epilepsy (?:bed )?alarm|seizure alarm', 'epilepsialarm'],
  ['bed alarm', 'alarm i sengen'],
  ['(?:bed |fall |door )?sensor', 'sensor'],
  ['gps trackers?|gps', 'gps'],
  ['look in on', 'kigge ind til'],
  ['cameras?', 'kamera'],
  ['code lock|keypad', 'kodelås'],
  ['lock (him|her) in', 'låse $1 inde'],
  ['locks himself in|locks herself in', 'låser sig inde'],
  ['lock|locking', 'låse'],
  ['locked', 'låst'],
  ['stays open|stay open|is left unlocked|stays unlocked', 'forbliver åben'],
  ["there(?:'s| is) another way in|there(?:'s| is) another way out|another exit is open", 'en anden dør står ulåst'],
  ['no other (?:exit|way out|door)', 'ingen anden udgang'],
  ['loosen (?:his|her|the) grip|open (?:his|her) fingers|release (?:his|her) grip', 'løsne hans greb'],
  ['holds on to|hold on to|grabbed|grabs', 'holder fast i'],
  ["won't let go|does not let go|doesn't let go", 'slipper ikke'],
  ['held (him|her) back|hold (him|her) back', 'holdt $1 tilbage'],
  ['(?:hold|held|holding) (?:his|her) (?:arms?|hands?|head|legs?)(?: gently| briefly)?', 'holde fast'],
  ['restrain|hold (?:him|her) down|hold (?:him|her)', 'holde fast'],
  ['held|holding|hold', 'holde fast'],
  ['walked (?:him|her) back|guided (?:him|her)|lead (?:him|her)|led (?:him|her)', 'førte tilbage'],
  ['move (?:him|her)|moving (?:him|her)|relocate|relocation|move|moving', 'flytte'],
  ['body scanner|scanner', 'scanner'],
  ['body search|search (?:him|her)|frisk', 'visitere'],
  ['search (?:his|her) room|look (?:in|inside|through) (?:his|her) room', 'gennemsøge hans værelse'],
  ['look inside the bag|look in the bag|search the bag', 'kigge i den besøgendes taske'],
  ["visitor's bag|visitor's jacket", 'besøgendes taske'],
  ['letters?', 'brev'],
  ['open it and read it|open and read it|open it', 'åbne brevet'],
  ['listen (?:in )?(?:to|on) (?:his|her) (?:calls|phone calls|phone)', 'lytte med på hans telefon'],
  ['read (?:his|her) messages', 'læse hans beskeder'],
  ['cut off (?:the )?internet|block (?:the )?internet|turn off (?:the )?internet', 'afbryde internettet'],
  ['smartphones|mobile phones|phones', 'mobiltelefoner'],
  ['house rules', 'husorden'],
  ['take away|take (?:it|them) away|confiscate', 'tage fra ham'],
  ['knives', 'knive'],
  ['ban (?:him|her) from', 'forbyde ham adgang til'],
  ['ban(?:ned)?', 'forbyde'],
  ['wait outside', 'vente udenfor'],
  ['brush (?:her|his) teeth|toothbrushing|tooth brushing', 'tandbørstning'],
  ['change (?:her|his) (?:incontinence )?(?:pad|diaper|nappy)', 'skifte ble'],
  ['shower|bath', 'bad'],
  ['(?:morning |personal )?care', 'pleje'],
  ['smashing|breaking|destroying|smashed|broke', 'ødelægger'],
  ['cheap', 'billig'],
  ['valuable|expensive', 'værdifuld'],
  ['tried to hit|hits|hit|hitting', 'slår'],
  ['pushing|pushed|pushes', 'skubber til'],
  ['violent', 'voldelig'],
  ['shouts|shouting|yelling|yells', 'råber'],
  ['harass(?:es|ing)?', 'chikanerer'],
  ['refuses|refused|says no|said no', 'nægter'],
  [
    "doesn't resist|does not resist|doesn't object|does not object|never said no|has never said no|has not said anything against it|have not said anything against it",
    'modsætter sig ikke',
  ],
  ["can't consent|cannot consent|unable to consent", 'kan ikke give samtykke'],
  ['falls? out of (?:bed|the chair|her chair|his chair)|slides out of (?:her|his|the) chair', 'falder ud af stolen'],
  ['falls|fall', 'falder'],
  ['at night|tonight|during the night', 'om natten'],
  [
    'alone on (?:the )?(?:shift|duty)|only (?:one|two) (?:of us )?on (?:shift|duty)|short[- ]staffed|understaffed',
    'alene på vagt',
  ],
  ["won't let (?:us|me)", 'vil ikke lade os'],
  ['yesterday', 'i går'],
  ['today', 'i dag'],
  ['many times|several times|again and again|repeatedly|every day|daily|weekly', 'flere gange'],
  ['twice', 'to gange'],
  ['first time|only once', 'første gang'],
  ['drugs', 'stoffer'],
  ['suspect', 'har mistanke om'],
  // function words last
  ['we', 'vi'],
  ['i', 'jeg'],
  ['he', 'han'],
  ['she', 'hun'],
  ['him', 'ham'],
  ['his', 'hans'],
  ['her', 'hende'],
  ['us', 'os'],
  ['and', 'og'],
  ['with', 'med'],
  ['without', 'uden'],
  ["won't|will not", 'vil ikke'],
  ['never', 'aldrig'],
  ["not|doesn't|don't|isn't", 'ikke'],
];

const COMPILED = GLOSSARY.map(
  ([en, da]) => [new RegExp(String.raw`(?<![\p{L}\p{N}'])(?:${en})(?![\p{L}\p{N}'])`, 'giu'), da] as const,
);

/**
 * The message glossed into Danish words when it is written in English; otherwise the message unchanged. The
 * longest English phrase wins where several overlap ("staff room" before "staff"), then the earlier entry.
 */
export function glossEnglish(message: string): string {
  if (!isEnglish(message)) return message;
  const hits: Array<{ start: number; end: number; order: number; gloss: string }> = [];
  COMPILED.forEach(([re, da], order) => {
    re.lastIndex = 0;
    for (let m = re.exec(message); m; m = re.exec(message)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, order, gloss: expand(da, [...m]) });
    }
  });
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const taken: typeof hits = [];
  for (const h of hits) if (!taken.some((t) => h.start < t.end && t.start < h.end)) taken.push(h);
  taken.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const t of taken) {
    out += message.slice(at, t.start) + t.gloss;
    at = t.end;
  }
  return out + message.slice(at);
}

function expand(da: string, m: unknown[]): string {
  return da.replace(/\$(\d)/gu, (_s, n: string) => {
    const g = m[Number(n)];
    if (typeof g !== 'string') return '';
    return g.toLowerCase() === 'him' ? 'ham' : g.toLowerCase() === 'her' ? 'hende' : g;
  });
}
