/**
 * Offline, deterministic fact extraction from Danish staff messages.
 *
 * `extractFacts` finds the measure (the act described) and the facts the wording supports, with the
 * matched words as evidence. It never guesses: a fact the text does not state stays absent (unknown).
 * Negation is handled per clause: "har ikke protesteret" is passive, not objects; "hun har ikke demens"
 * says nothing about the cause unless an impairment is described elsewhere.
 *
 * `parseAnswer` maps a free-text reply to a follow-up question ("ja", "nej", "det ved jeg ikke",
 * "hun har demens", an option label or value) to a value for one fact.
 */
import { KAP_24D_MEASURE_IDS } from '../rules/index.ts';
import { param, today } from '../rules/params.ts';
import {
  BOOLEAN_FACTS,
  type FactName,
  type Facts,
  isMeasureId,
  type MeasureId,
  NUMBER_FACTS,
  NUMBER_SOURCE,
  normalize,
  parseNumberWord,
  rx,
} from './lexicon.ts';
import { dateOf } from './tense.ts';

export type { FactName, Facts, MeasureId } from './lexicon.ts';

export interface ExtractOptions {
  /** The measure already known in the session; used to interpret measure-specific wording. */
  measure?: string;
  /** Facts already known in the session (e.g. documentedImpairment), used only to interpret negations. */
  known?: Partial<Facts>;
  /** Treat the text as an answer about an impairment (so "ikke demens" means another cause). */
  assumeImpairment?: boolean;
}

export interface Extraction {
  measure?: MeasureId;
  facts: Partial<Facts>;
  /** fact name (and "measure") → the words in the message that support it. */
  evidence: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Measures: ordered, first match wins. Specific wording comes before general wording.

interface MeasureRule {
  measure: MeasureId;
  re: RegExp;
  /** Must also occur somewhere in the message. */
  requires?: RegExp;
  /** Must not occur anywhere in the message. */
  excludes?: RegExp;
  facts?: Partial<Facts>;
}

const PERSON = String.raw`(?:ham|hende|dem|borgeren|beboeren|brugeren|\w+)`;
const POSS = `(?:hans|hendes|deres|sin|sit|sine|borgerens|beboerens)`;
const LOCK_VERB = String.raw`\b(?:af)?lås(?:e|er|es|t|te|ning|ningen)?\b(?!\s+op\b)`;

function lockOf(objects: string): RegExp {
  return rx(String.raw`${LOCK_VERB}[^.!?\n]{0,50}?\b(?:${objects})|\b(?:${objects})[^.!?\n]{0,40}?${LOCK_VERB}`);
}

const HYGIENE_WORDS = String.raw`tandbørst\w*|børst\w*\s+(?:\w+\s+)?tænder\w*|tænderne|tandpleje\w*|barber\w*|bad\b|badet\b|brusebad\w*|i\s+bad|hårvask\w*|vask(?:e|er|es)?\s+(?:\w+\s+)?(?:hår\w*|hænder\w*)|håndvask\w*|påklædning\w*|klæd(?:e|er|es)?\s+(?:\w+\s+)?(?:på|om|af)|tøj\s+på|tage\s+(?:\w+\s+)?tøj\w*\s+(?:af|på)|skift(?:e|er|es)?\s+tøj|skift(?:e|er|es)?\s+(?:\w+\s+)?ble\w*|bleskift\w*|ble\b|bleen|negleklip\w*|klip(?:pe|per|pes)?\s+(?:\w+\s+)?(?:negle\w*|hår\w*)|hårklip\w*|sårpleje\w*|skift(?:e|er|es)?\s+(?:\w+\s+)?forbinding\w*|forbindingen|smør(?:e|er|es)?\s+(?:\w+\s+)?(?:med\s+)?creme|hudpleje\w*|fjern(?:e|er|es)?\s+(?:\w+\s+)?(?:mad|madrester)|(?:mad|madrester|genstande)\s+ud\s+af\s+munden`;
const HOLD = String.raw`\b(?:hold(?:e|er|t|es)\s+(?:(?:\w+|\(\w+\))\s+){0,2}fast|fasthold\w*|hold(?:e|er|t)\s+(?:${POSS}\s+)?(?:hænder|arme|hoved|ben)\w*|hold(?:e|er)\s+om\s+${PERSON}|hold(?:e|er|t)\s+(?:ham|hende)(?=[,\s]+(?:\w+\s+){0,3}(?:mens|imens|når|så|for\s+at)\b))`;

/**
 * Municipal Danish: "visitere" also means allocating a service or a place ("kommunen har visiteret ham til et § 108",
 * "visiteret hjælp", "visitationsudvalget"). Such wording is not a body search.
 */
const NOT_ALLOCATION = String.raw`(?![\p{L}\p{N}])(?<!\bvisitations\w+)(?!\s+(?:\w+\s+){0,3}?(?:til|dertil|derhen|there)\b)(?!\s+(?:hjælp\w*|ydelse\w*|pleje\w*|støtte\w*|bolig\w*|plads\w*|tilbud\w*|help|care))`;

const VISITOR_WHO = String.raw`\b(?:besøgende|pårørende|gæst\w*|sønnen|datteren|manden|konen|kæresten|broren|søsteren|svigersønnen|svigerdatteren|vennen|veninden|(?:hans|hendes|sin)\s+(?:søn|datter|mand|kone|kæreste|bror|søster|ven|veninde))\b`;
const KEEP_OUT = String.raw`\b(?:hold\w*\s+(?:\w+\s+){0,2}ude|holdes\s+ude|smide\w*\s+(?:\w+\s+){0,2}ud|bede\s+(?:\w+\s+){0,2}(?:gå|forlade|vente)|vente\s+udenfor|ikke\s+må\s+(?:være|komme)|forbyde\w*|nægte\w*\s+(?:\w+\s+){0,3}adgang)`;
const OWN_ROOM = String.raw`(?:\b(?:hans|hendes|sin|sit|beboerens|borgerens|morens|farens|mors|fars)\s+(?:(?:mors|fars|egen|eget)\s+)?(?:stue|værelse|lejlighed|bolig)\w*|\bværelset\b|\blejligheden\b)`;
const COMMON_ROOM = String.raw`\b(?:fællesstue\w*|spisestue\w*|fællesareal\w*|fælleskøkken\w*|opholdsstue\w*|fællesrum\w*|cafeen|cafeteriet)`;

const MEASURE_RULES: MeasureRule[] = [
  // kap. 24 d (issue 9)
  {
    measure: 'night_lock_in',
    re: rx(
      String.raw`\blås\w*\s+(?:\w+\s+){0,3}(?:ind|inde)\b[^.!?\n]{0,40}\b(?:om\s+natten|natten|nat)\b|\blås\w*\s+(?:\w+\s+){0,3}(?:ind|inde)\s+(?:fra\s+)?(?:kl\.?\s*)?(?:1[89]|2[0-3])(?:[.:]\d{2})?\s*(?:til|-)\s*(?:kl\.?\s*)?0?\d(?:[.:]\d{2})?(?!\d)|\bi\s+nat\b[^.!?\n]{0,60}\blås\w*\s+(?:\w+\s+){0,3}(?:ind|inde)\b|\b(?:om\s+natten|natten\s+over)\b[^.!?\n]{0,40}\blås\w*\s+(?:\w+\s+){0,3}(?:ind|inde)\b|\bnatlås\w*|\binde\s*låsning\w*\s+om\s+natten`,
    ),
  },
  { measure: 'seclusion_room', re: rx(String.raw`\bafskærm\w*|\bisolationsrum\w*|\bskærmningsrum\w*`) },
  {
    measure: 'search_visitor',
    re: rx(
      String.raw`\b(?:visiter\w*|undersøge|gennemsøge|tjekke|kigge\s+i)\s+(?:\w+\s+){0,2}(?:besøgende|gæst\w*|besøg\w*)|\b(?:besøgende|gæster)\w*\s+(?:\w+\s+){0,3}(?:visiteres|undersøges)|\bbesøgendes\s+(?:taske|jakke|pakke|tøj|lomme|ting)\w*|\bvisitor'?s?\s+(?:bag|jacket|coat|pockets?)\b`,
    ),
  },
  {
    measure: 'search_room',
    re: rx(
      String.raw`\bgennemsøg\w*|\bransag\w*|\bværelsesvisitation\w*|\b(?:visitere|undersøge|tjekke|kigge\s+i)\s+(?:${POSS}\s+)?(?:værelse\w*|lejlighed\w*|bolig\w*|skab\w*|taske\w*|rygsæk\w*|ting\b|ejendele\w*|skuffer\w*)|\bundersøgelse\s+af\s+(?:${POSS}\s+)?(?:værelse\w*|bolig\w*|ejendele\w*)`,
    ),
  },
  {
    measure: 'body_search',
    re: rx(
      String.raw`\bkropsvisit\w*|\bvisiter\w*${NOT_ALLOCATION}|\bvisitation\w*${NOT_ALLOCATION}|\bransage\s+(?:ham|hende)\b|\bundersøge\s+(?:hans|hendes)\s+lommer`,
    ),
  },
  // After a search of the person: "scanneren bippede … må vi visitere ham?" asks about the search, the scan is done.
  { measure: 'scanner', re: rx(String.raw`\bscann\w*|\bkropsscanner\w*|\bmetaldetektor\w*|\bscanner\w*`) },
  {
    measure: 'check_post',
    re: rx(
      String.raw`\bbrevkontrol\w*|\b(?:åbne|kontrollere|tjekke|gennemse|undersøge)\s+(?:${POSS}\s+)?(?:post\w*|breve\w*|brev\b|pakke\w*)|\b(?:post\w*|breve\w*|pakker\w*)\s+(?:\w+\s+){0,3}(?:åbnes|kontrolleres)`,
    ),
  },
  {
    measure: 'monitor_communication',
    re: rx(
      String.raw`\b(?:læse|tjekke|gennemgå|se)\s+(?:${POSS}\s+)?(?:beskeder|sms\w*|mails?|e-mails?|chat\w*|messenger)|\baflyt\w*|\blytte\s+med\b|\b(?:overvåge|kontrollere)\s+(?:${POSS}\s+)?(?:telefon\w*|samtaler\w*|kommunikation\w*|opkald\w*|mobil\w*)`,
    ),
  },
  {
    measure: 'block_communication',
    re: rx(
      String.raw`\b(?:afbryde|blokere|stoppe|spærre)\s+(?:${POSS}\s+)?(?:samtale\w*|opkald\w*|kontakt\w*|nummer\w*|kommunikation\w*)|\bforhindre\s+(?:ham|hende)\s+i\s+at\s+(?:ringe|skrive|kontakte)`,
    ),
  },
  {
    measure: 'device_ban',
    re: rx(
      String.raw`\b(?:mobil|telefon)forbud\w*|\bforbud\s+mod\s+(?:\w+\s+)?(?:mobil\w*|telefon\w*|smartphones?|computer\w*|tablets?)|\bforbyde\s+(?:alle\s+)?(?:\w+\s+)?(?:mobil\w*|telefon\w*|smartphones?)|\bgenerelt\s+forbud`,
    ),
  },
  {
    measure: 'confiscation',
    re: rx(
      String.raw`\binddrag\w*|\bkonfisker\w*|\bbeslaglæg\w*|\bbeslaglagt\w*|\btage\s+(?:\w+\s+){0,2}(?:stoffer\w*|hash\w*|kniv\w*|våben\w*|alkohol\w*)\s+fra\s+(?:ham|hende)`,
    ),
  },
  {
    measure: 'visitor_restriction_own_home',
    re: rx(
      String.raw`(?:\bbesøgsforbud\w*|\bnægte\s+(?:\w+\s+){0,3}adgang|\bbegrænse\s+(?:\w+\s+){0,3}(?:besøg|adgang)\w*|\bforbyde\s+(?:\w+\s+){0,3}at\s+komme)[^.!?\n]{0,60}\b(?:i|til)\s+(?:${POSS}\s+)(?:egen\s+)?(?:bolig|lejlighed|værelse|hjem)\w*`,
    ),
  },
  // A visitor kept out of the resident's own room or out of the common rooms, in everyday words ("sønnen skal
  // holdes ude af morens stue", "kan vi smide ham ud af spisestuen").
  {
    measure: 'visitor_restriction_own_home',
    re: rx(String.raw`${KEEP_OUT}[^.!?\n]{0,50}?${OWN_ROOM}|${OWN_ROOM}[^.!?\n]{0,50}?${KEEP_OUT}`),
    requires: rx(VISITOR_WHO),
  },
  {
    measure: 'visitor_restriction_common_areas',
    re: rx(String.raw`${KEEP_OUT}[^.!?\n]{0,50}?${COMMON_ROOM}|${COMMON_ROOM}[^.!?\n]{0,50}?${KEEP_OUT}`),
    requires: rx(VISITOR_WHO),
  },
  {
    measure: 'visitor_restriction_common_areas',
    re: rx(
      String.raw`\bbesøgsforbud\w*|\bbesøgsrestriktion\w*|\bnægte\s+(?:\w+\s+){0,4}adgang|\bbegrænse\s+(?:\w+\s+){0,3}(?:besøg|adgang)\w*|\bforbyde\s+(?:\w+\s+){0,3}(?:at\s+komme|besøg)\w*|\bsmide\s+(?:\w+\s+){0,3}ud\s+af\s+fælles\w*`,
    ),
  },
  // Things the chapters do not authorise
  {
    // Holding someone for medical treatment is not serviceloven (tvang ved somatisk behandling / sundhedsloven).
    measure: 'other',
    re: rx(
      String.raw`${HOLD}[^.!?\n]{0,80}\b(?:indsprøjtning\w*|injektion\w*|blodprøve\w*|vaccin\w*|lægeundersøg\w*|tandlæge\w*|tandbehandling\w*|sonde\w*|kateter\w*|medicin\w*|piller|pillerne|pillen|tablet\w*|behandling\w*|give\s+(?:ham|hende)\s+mad|(?:få|tvinge)\s+(?:ham|hende)\s+til\s+at\s+spise)|\b(?:indsprøjtning\w*|injektion\w*|blodprøve\w*|vaccin\w*|tandlæge\w*)[^.!?\n]{0,80}${HOLD}`,
    ),
  },
  {
    measure: 'other',
    re: rx(
      String.raw`\b(?:medicin\w*|piller\w*|pillen|tablet\w*|medikament\w*)[^.!?\n]{0,60}\b(?:skjult|gemt|i\s+(?:\w+\s+)?(?:mad\w*|drikke\w*|kaffe\w*|juice\w*|yoghurt\w*|grød\w*|saft\w*|te|mælk\w*|øl\w*)|uden\s+at\s+(?:han|hun)\s+(?:ved|opdager|mærker|ser|smager))|\b(?:skjule|gemme|blande|knuse|putte|røre)\s+(?:\w+\s+){0,2}(?:medicin\w*|piller\w*|pillerne|tablet\w*)|\bskjult\s+medicin\w*|\b(?:blande|gemme|skjule|putte|komme|knuse)\s+(?:den|dem|medicinen|pillerne|tabletterne)\s+(?:\w+\s+){0,2}(?:i|ned\s+i)\s+(?:\w+\s+)?(?:mad\w*|juice\w*|kaffe\w*|drikke\w*|yoghurt\w*|grød\w*|saft\w*|te\b|mælk\w*)|\bbæltefiks\w*|\bfiks(?:er|ere|eres|eret|ering)\w*|\bsengehest\w*|\bsengegitter\w*|\bsengegrind\w*|\btvangsmedicin\w*|\btage\s+(?:${POSS}\s+)?(?:telefon|mobil|mobiltelefon|pung|penge|cigaretter)\w*(?:\s+fra\s+(?:ham|hende))?|\btage\s+(?:telefon|mobil)\w*\s+fra\s+(?:ham|hende)|\b(?:lægge|gemme|fjerne|låse)\s+(?:${POSS}\s+)?(?:mobil|telefon|tablet|ipad|computer)\w*\s+(?:væk|ind|inde)\b|\blås\w*\s+(?:ham|hende|dem|borgeren|beboeren)\s+inde\b|\blåse\s+inde\b|\b(?:luk(?:ke|ker|kes)?|spær(?:re|rer|res)?)\s+(?:ham|hende|dem|borgeren|beboeren|\p{Lu}\p{Ll}+)\s+inde\b|\blås\w*\s+(?:${POSS}\s+|døren\s+)(?:\w+\s+){0,2}(?:udefra|udenfra)\b|\bberoligende\s+(?:medicin|piller|tabletter|midler)\w*|\b(?:tvinge|presse)\s+(?:\w+\s+){0,3}(?:medicin|piller|tabletter)\w*|\b(?:fjerne|tage|gemme|låse)\s+(?:${POSS}\s+)?(?:rollator|kørestol|stok|krykker|gangstativ|høreapparat|briller)\w*`,
    ),
  },
  // kap. 24 – 24 b
  {
    measure: 'open_home_door',
    re: rx(
      String.raw`\blåse\s+op\s+(?:til|ind\s+til|for)\s+(?:${POSS}\s+)?(?:lejlighed|bolig|værelse|dør)\w*|\b(?:gå|komme|skaffe\s+os\s+adgang)\s+ind\s+i\s+(?:${POSS}\s+)(?:lejlighed|bolig|værelse)\w*|\badgang\s+til\s+(?:${POSS}\s+)(?:lejlighed|bolig|værelse)\w*\s+(?:uden|selvom|når)`,
    ),
  },
  {
    measure: 'camera_lookin',
    re: rx(
      String.raw`\bkamerakig\w*|\bkameratilsyn\w*|\bkamera\w*[^.!?\n]{0,60}\b(?:kigg\w*|kikk\w*|se|ser|så)(?:\s+(?:jeg|vi|hun|han|de|nattevagten|personalet))?\s+(?:ind|med|til)\b|\b(?:kigg\w*|kikk\w*|se|ser|så)(?:\s+(?:jeg|vi|hun|han|de|nattevagten|personalet))?\s+(?:ind|med|til)\b[^.!?\n]{0,60}\bkamera\w*`,
    ),
    facts: { technology: 'video' },
  },
  {
    measure: 'seizure_alarm',
    re: rx(
      String.raw`\bepilepsialarm\w*|\banfaldsalarm\w*|\bkrampealarm\w*|\balarm\w*[^.!?\n]{0,40}\b(?:epilep\w*|anfald\w*|kramper?)\b|\bepilep\w*[^.!?\n]{0,40}\balarm\w*`,
    ),
  },
  {
    measure: 'special_door_opener',
    re: rx(
      String.raw`\bdøråbner\w*|\bkodelås\w*|\bdørlås\w*\s+med\s+kode|\bdør\w*\s+med\s+(?:en\s+)?(?:kode|talkode|kodelås)|\btalkode\w*|\bdobbelt\s+dørgreb\w*|\bsærlige?\s+dørgreb\w*`,
    ),
  },
  {
    measure: 'welfare_technology',
    re: rx(
      String.raw`\bgps\w*|\bpejle\w*|\bsporing\w*|\bsporingsbrik\w*|\blokaliserings\w*|\bsmartwatch\w*|\bfind\s+my\b|\bairtag\w*`,
    ),
    facts: { technology: 'location' },
  },
  {
    measure: 'welfare_technology',
    re: rx(
      String.raw`\bbabyalarm\w*|\blydmonitor\w*|\blydalarm\w*|\blydovervåg\w*|\blydsensor\w*|\bmikrofon\w*|\blytte\s+(?:til|efter)\s+(?:ham|hende)\s+om\s+natten`,
    ),
    facts: { technology: 'sound' },
  },
  {
    measure: 'welfare_technology',
    re: rx(
      String.raw`\bsensor\w*|\bbevægelsesmelder\w*|\bbevægelsessensor\w*|\bsengealarm\w*|\balarm-?måtte\w*|\bsensor-?måtte\w*|\bgulvsensor\w*|\bgulvalarm\w*|\bdøralarm\w*|\bdørsensor\w*|\bfaldalarm\w*|\bfaldsensor\w*|\btrykmåtte\w*|\balarm\w*\s+(?:på|ved|i)\s+(?:\w+\s+)?(?:dør|seng|gulv)\w*`,
    ),
    facts: { technology: 'movement' },
  },
  {
    measure: 'welfare_technology',
    re: rx(
      String.raw`\bkamera\w*|\bvideoovervåg\w*|\bvideo\w*|\bovervågningskamera\w*|\bwebcam\w*|\bfilme\w*|\boptage\s+(?:ham|hende|video|billeder)\b`,
    ),
    facts: { technology: 'video' },
  },
  {
    measure: 'relocation_danger_to_others',
    re: rx(
      String.raw`\b(?:flytte\w*|flytning\w*|tvangsflyt\w*|optage\w*|optagelse\w*)\b[^.!?\n]{0,120}\b(?:fare\s+for\s+(?:de\s+)?andre|farlig\s+for\s+(?:de\s+)?andre|truende\s+adfærd|chikanerende\s+adfærd|slår\s+(?:de\s+)?andre\s+beboere|vold\s+mod\s+(?:de\s+)?andre|truer\s+(?:de\s+)?andre)|\b(?:fare\s+for\s+(?:de\s+)?andre|farlig\s+for\s+(?:de\s+)?andre|slår\s+(?:de\s+)?andre\s+beboere|truer\s+(?:de\s+)?andre\s+beboere)\b[^.!?\n]{0,120}\b(?:flytte\w*|flytning\w*)`,
    ),
  },
  {
    measure: 'relocation_danger_to_others',
    re: rx(String.raw`\b(?:flytte\w*|flytning\w*|tvangsflyt\w*)\s+(?:\w+\s+){0,4}(?:til|på|ind\s+på|uden)\b`),
    requires: rx(
      String.raw`\bfare\s+for\s+(?:de\s+)?andre|\bfarlig\s+for\s+(?:de\s+)?andre|\btruende\s+adfærd|\bchikanerende\s+adfærd|\bslår\s+(?:de\s+)?andre\s+beboere|\bvold\s+mod\s+(?:de\s+)?andre|\btruer\s+(?:de\s+)?andre`,
    ),
  },
  {
    measure: 'relocation',
    re: rx(
      String.raw`\btvangsflyt\w*|\b(?:flytning|optagelse)\w*\s+uden\s+samtykke|\bflytte\w*\s+(?:\w+\s+){0,7}(?:til|på|ind\s+på|ind\s+i)\s+(?:et\s+|en\s+|den\s+|det\s+)?(?:\w+\s+)?(?:plejecent\w*|plejebolig\w*|plejehjem\w*|botilbud\w*|bosted\w*|demensafsnit\w*|demensenhed\w*|skærmet\s+\w+|afdeling\w*|ny\s+bolig|andet\s+tilbud)|\bflytte\w*\s+(?:\w+\s+){0,3}uden\s+(?:\w+\s+)?samtykke`,
    ),
  },
  { measure: 'house_rules', re: rx(String.raw`\bhusorden\w*|\bhusregl\w*|\bhusregel\w*`) },
  {
    measure: 'protective_equipment',
    re: rx(
      String.raw`\bhjelm\w*|\bspecialhandske\w*|\bbeskyttelseshandske\w*|\bhandske\w*|\bhoftebeskytter\w*|\bbeskyttelsesudstyr\w*|\bskridsikre\b`,
    ),
    // Holding the person to put the equipment on is the hold (§ 124 d), not the equipment.
    excludes: rx(String.raw`${HOLD}|\b(?:holdt|holder)\s+(?:${POSS}\s+)?(?:hænder|arme|hoved|ben)\w*`),
  },
  {
    measure: 'hygiene_restraint',
    re: rx(`${HOLD}[^.!?\\n]{0,80}(?:${HYGIENE_WORDS})|(?:${HYGIENE_WORDS})[^.!?\\n]{0,80}${HOLD}`),
  },
  {
    measure: 'hygiene_restraint',
    re: rx(HOLD),
    requires: rx(HYGIENE_WORDS),
  },
  {
    // "børste tænder på hende, selvom hun siger nej": a hygiene task carried out against the person's will
    measure: 'hygiene_restraint',
    re: rx(
      `(?:${HYGIENE_WORDS})[^.!?\\n]{0,60}\\b(?:selvom|selv\\s+om|trods|mod\\s+(?:hans|hendes)\\s+vilje|med\\s+magt)\\b|\\btvinge\\s+(?:\\w+\\s+){0,3}(?:${HYGIENE_WORDS})`,
    ),
  },
  {
    measure: 'fabric_belt',
    re: rx(
      String.raw`\bstofsele\w*|\bbækkensele\w*|\bbrystsele\w*|\bsele\w*\b|\b(?:mave|hofte|bækken|bryst|skulder|kørestols|stols|senge|lår)(?:sele|bælte)(?:n|r|rne|t|rne)?\b|\bsternumstøtte\w*|\bspænde\s+(?:\w+\s+){0,2}fast|\bfastspænd\w*|\bspændes\s+fast`,
    ),
  },
  {
    measure: 'lock_cupboards',
    re: lockOf(
      String.raw`(?:køle|klæde|medicin|mad|køkken|vægt|vin|slik|hobby|værktøjs|rengørings|knive?)?skab(?:e|et|ene)?\b|skuffe\w*|fryser\w*|kommode\w*|slikskuffe\w*`,
    ),
  },
  {
    measure: 'lock_service_area',
    re: lockOf(
      String.raw`(?:fælles|te|personale)?køkken\w*|vaskeri\w*|depot\w*|kontor\w*|personalerum\w*|medicinrum\w*|servicearea\w*|linnedrum\w*|skyllerum\w*`,
    ),
  },
  {
    measure: 'lock_common_room_door',
    re: lockOf(
      String.raw`fællesstue\w*|fællesrum\w*|opholdsstue\w*|opholdsrum\w*|spisestue\w*|dagligstue\w*|tv-stue\w*|aktivitetsrum\w*|fællesareal\w*`,
    ),
  },
  { measure: 'lock_outdoor_gate', re: lockOf(String.raw`\w*låge\w*|port(?:en|ene)?\b|hegn\w*|udeareal\w*`) },
  {
    measure: 'lock_own_home_exterior',
    re: lockOf(
      String.raw`terrassedør\w*|hoveddør\w*|yderdør\w*|altandør\w*|entr[eé]dør\w*|indgangsdør\w*|udgangsdør\w*|gadedør\w*|havedør\w*|vindue\w*|dør(?:en|ene)\s+ud\b|altan\w*`,
    ),
  },
  {
    measure: 'lock_own_home_exterior',
    re: rx(
      String.raw`\blås\w*\s+(?:\w+\s+){0,4}dør\w*\s+(?:\w+\s+){0,3}(?:ud\s+|ind\s+)?(?:til|mod)\s+(?:gangen|fællesgangen|opgangen|trappe\w*|fællesarealer\w*)`,
    ),
    facts: { locksIndoorCommonAreas: true },
  },
  {
    measure: 'lock_own_home_exterior',
    re: rx(
      String.raw`\bsikr\w*\s+(?:\w+\s+){0,2}(?:vindue\w*|yderdør\w*|terrassedør\w*|altandør\w*|hoveddør\w*)|\bvinduessikring\w*|\bvindueslås\w*`,
    ),
  },
  {
    measure: 'release_grip',
    re: rx(
      String.raw`\bløsne\s+(?:\w+\s+){0,2}greb\w*|\b(?:vriste|rive)\s+(?:mig|os|sig|hende|ham)?\s*(?:fri|løs)|\bfå\s+(?:${POSS}\s+)?(?:hånd|hænder|fingre)\w*\s+(?:løs|væk|fri)|\bgive\s+slip|\bslippe\s+(?:\w+\s+)?(?:taget|grebet)`,
    ),
  },
  {
    measure: 'averting_damage',
    re: rx(
      String.raw`\bsmadre\w*|\bsmadr\w*|\b(?:slå\w*|slog|river|rev|rive|flår|flåede|bryder|brød|brække\w*|sparke\w*)\s+(?:\w+\s+){0,3}i\s+stykker|\bødelægge\w*|\bknus(?:e|er|te|es)\s+(?:\w+\s+){0,2}(?:rude\w*|vindue\w*|fjernsyn\w*|tv|ting|inventar\w*|glas\w*|kop\w*|tallerken\w*|lampe\w*)|\bafværge\s+(?:\w+\s+)?(?:skade|ødelæggelse)\w*|\bafværgehjælp\w*|\b(?:smide|smider|smed|kaste|kaster|kastede)\s+(?:\w+\s+){0,3}(?:på|i|mod|ind\s+i|ud\s+ad)\s+(?:gulvet|væggen|vinduet|ruden)`,
    ),
  },
  {
    measure: 'physical_guidance',
    re: rx(
      String.raw`\bguide\w*|\bguidning\w*|\blægge\s+(?:en\s+)?arm(?:en)?\s+om|\blede\s+(?:ham|hende)\b|\b(?:tage|holde)\s+(?:ham|hende)\s+(?:i\s+hånden|under\s+armen)|\bgå\s+med\s+(?:ham|hende)\s+tilbage|\bkonfliktafværg\w*|\bføre\s+(?:ham|hende)\s+(?:blidt|roligt|stille)`,
    ),
  },
  {
    measure: 'restraint',
    re: rx(
      String.raw`${HOLD}|\bfastholdelse\w*|\btilbagehold\w*|\bføre\s+(?:\w+\s+){0,2}tilbage|\bbære\s+(?:ham|hende)\b|\btrække\s+(?:ham|hende)\b|\bhive\s+(?:ham|hende)\b|\bforhindre\s+(?:ham|hende)\s+i\s+at\s+(?:gå|forlade|komme\s+ud)|\bstoppe\s+(?:ham|hende)\s+(?:i\s+døren|fysisk|i\s+at\s+gå)|\bholde\s+(?:ham|hende)\s+tilbage`,
    ),
  },
];

export function detectMeasure(
  message: string,
): { measure: MeasureId; evidence: string; facts: Partial<Facts> } | undefined {
  const text = normalize(message);
  for (const rule of MEASURE_RULES) {
    rule.re.lastIndex = 0;
    const m = rule.re.exec(text);
    if (!m) continue;
    if (rule.requires) {
      rule.requires.lastIndex = 0;
      if (!rule.requires.test(text)) continue;
    }
    if (rule.excludes) {
      rule.excludes.lastIndex = 0;
      if (rule.excludes.test(text)) continue;
    }
    // A scan or a search of a visitor ("en besøgende … scanneren gav udslag … må vi kigge i tasken?") is the
    // search of visitors (§ 137 h, stk. 7), not a search of the resident.
    if (
      PERSON_SEARCHES.includes(rule.measure) &&
      VISITOR_SEARCHED.test(text) &&
      (rule.measure !== 'scanner' || SEARCH_OF_THINGS.test(text))
    ) {
      return { measure: 'search_visitor', evidence: m[0].trim(), facts: {} };
    }
    return { measure: rule.measure, evidence: m[0].trim(), facts: { ...(rule.facts ?? {}) } };
  }
  return undefined;
}

const PERSON_SEARCHES: MeasureId[] = ['scanner', 'search_room', 'body_search'];
/** A search beyond the scan: looking in a bag or pockets, a pat-down ("kigge i tasken", "klappe ham ned"). */
const SEARCH_OF_THINGS = rx(
  String.raw`\b(?:kigge|kigger|se|undersøge|undersøgt|undersøges|tjekke|tjekker|gennemsøge|gennemgå|åbne|visitere)\s+(?:i\s+|efter\s+i\s+)?(?:\w+\s+){0,2}(?:taske\w*|jakke\w*|lomme\w*|tøj\w*|sko\w*|strømpe\w*|pakke\w*|ting\w*)|\bklappe\w*\s+(?:\w+\s+)?ned\b|\b(?:taske\w*|jakke\w*)\s+(?:\w+\s+){0,2}undersøgt`,
  'iu',
);
/** A visitor as the one scanned or searched; "efter et besøg" (the resident after a visit) is not. */
const VISITOR_SEARCHED = rx(
  String.raw`\bbesøgende\w*\b(?![^.!?\n]{0,60}\b(?:hans|hendes)\s+(?:værelse|lejlighed|bolig|stue)\b)|\bkommer\s+på\s+besøg\b|\bvisitors?\b`,
  'iu',
);

// ---------------------------------------------------------------------------------------------
// Facts

type Value<F extends FactName> = Facts[F];

interface FactRule<F extends FactName = FactName> {
  fact: F;
  value: Value<F>;
  re: RegExp;
  /** Value when the match is negated ("har ikke protesteret"); 'skip' (default) ignores negated matches. */
  negated?: Value<F> | 'skip';
  /** Only applies when the measure (found or given) satisfies this. */
  when?: (measure: MeasureId | undefined) => boolean;
}

function r<F extends FactName>(fact: F, value: Value<F>, source: string, extra: Partial<FactRule<F>> = {}): FactRule {
  return { fact, value, re: rx(source), ...extra } as FactRule;
}

/** The acts of kap. 24 d (persons placed by judgment or kendelse). */
const KAP_24D: MeasureId[] = [...KAP_24D_MEASURE_IDS];
const COMMUNICATION: MeasureId[] = ['check_post', 'monitor_communication', 'block_communication'];
const SEARCHES: MeasureId[] = ['body_search', 'search_room', 'search_visitor', 'scanner', 'check_post', 'confiscation'];
const VISITOR: MeasureId[] = ['visitor_restriction_common_areas', 'visitor_restriction_own_home'];
const isIn = (list: MeasureId[]) => (m: MeasureId | undefined) => m !== undefined && list.includes(m);
const notIn = (list: MeasureId[]) => (m: MeasureId | undefined) => m === undefined || !list.includes(m);

const DEMENTIA = String.raw`\bdemen(?:s|t|te)\w*|\balzheimer\w*|\bvaskulær\s+demens|\blewy\w*|\bfrontotemporal\w*|\berhvervet\s+og\s+fremadskridende|\bdemensdiagnose\w*|\bdemenssygdom\w*`;
const OTHER_IMPAIRMENT = String.raw`\budviklingshæm\w*|\bpsykisk\s+udviklingshæm\w*|\bautis\w*|\bautistisk\w*|\bhjerneskade\w*|\bhjerneskadet\w*|\bcerebral\s+parese|\bdowns?\s+syndrom\w*|\bmental\s+retardering|\bkognitivt\s+handicap\w*|\bmultihandicap\w*|\bpsykisk\s+handicap\w*|\bgenetisk\s+syndrom\w*|\bprader-willi\w*|\bangelman\w*|\bfas\b|\bføtalt\s+alkoholsyndrom`;

/**
 * Acts for which danger to others is a ground or a test in the rules (§ 124 d; § 129 a; kap. 24 b searches and
 * seizures, § 137 seclusion): only there is "slog en anden beboer" read as the fact. In care situations (hygiene,
 * protective equipment) hitting out at the staff is resistance to the care; for door locks and visitors the rules
 * ask other questions.
 */
const DANGER_GROUND: MeasureId[] = [
  'restraint',
  'release_grip',
  'physical_guidance',
  'relocation_danger_to_others',
  'seclusion_room',
  'confiscation',
  'search_room',
  'body_search',
  'scanner',
  'other',
];
/** Another person than the one the act is aimed at (a resident, staff, a visitor, "ham"/"hende", "mig"/"os"). */
const OTHER_PERSON = String.raw`(?:(?:en|sin|sit|sine|den|de|hans|hendes|vores|min|mine)\s+)?(?:anden\s+|andre\s+|to\s+)?(?:med)?(?:beboer\w*|borger\w*|personale\w*|medarbejder\w*|kolleg\w*|pædagog\w*|vikar\w*|sidemand\w*|sidekvinde\w*|veninde\w*|ven\b|vennen|kæreste\w*|hustru\w*|kone\w*|mand\b|børn\w*|barn\w*|gæst\w*|pårørende|besøgende|nattevagt\w*|sygeplejerske\w*|assistent\w*|hjælper\w*|ham\b|hende\b|mig\b|os\b|andre\b|nogen\b|folk\b)`;
/** Verbs of violence towards someone, in the forms staff write them. */
const VIOLENCE = String.raw`\b(?:slå|slår|slog|slået|slåede|sparke\w*|spark|kvæle|kvæler|kvalte|kvalt|overfald\w*|angribe\w*|angriber|angreb|stikke|stikker|stak|true|truer|truede|truet|bide|bider|bidt|nikke\s+en\s+skalle|skalle|slås|gå\s+til\s+angreb|gik\s+til\s+angreb|går\s+til\s+angreb|tæve\w*|banke\w*)`;
/**
 * Taking hold of another person violently: "hiver i den andens hår", "tog fat i beboerens hår", "har fat i min kollegas
 * halstørklæde". Only holding on ("holder fast i min kollegas arm") is the grip itself, not a danger.
 */
const GRAB_OTHER = String.raw`(?<!\b(?:vi|jeg|personalet|kollegaen|min\s+kollega)\s+)(?:\b(?:hiver|hev|hive|hale[rt]?|tog\s+fat|tager\s+fat|greb\s+fat|griber\s+fat|kniber|kneb|trækker|ruske\w*)\s+(?:i|om|på)\s+(?:${OTHER_PERSON}|(?:den\s+)?andens\b|(?:(?:min|mine|hans|hendes|sin|en|den|de)\s+)?(?:anden\s+)?\p{L}+s\s+(?:hår|arm|arme|hånd|hænder|håndled|tøj|trøje|halstørklæde|hals)\b)|\b(?:holder\s+fast|holdt\s+fast|har\s+fat|ville\s+ikke\s+slippe)\s+(?:i\s+|om\s+)?(?:(?:min|mine|hans|hendes|sin|en|den|de)\s+)?(?:anden\s+)?(?:andens|\p{L}+s)\s+(?:hår|hals|halstørklæde)\b)`;
/** Threats or attacks with a weapon: "truede personalet med kniv", "løb efter en anden beboer med en saks". */
const VIOLENCE_WITH = String.raw`\b(?:true|truer|truede|truet|gik\s+mod|går\s+mod|løb\s+efter|løber\s+efter|overfald\w*|stak|stikke|angreb|angriber)`;

/** A representative or a visitor as the subject just before a refusal ("sønnen er værge og siger nej"). */
const OTHER_SUBJECT_BEFORE = rx(
  String.raw`\b(?:værge\w*|fremtidsfuldmægtig\w*|besøgende|pårørende|(?:den|de)\s+besøgende|(?:hans|hendes)\s+(?:søn|datter|mor|far|bror|søster|kone|hustru|mand|kæreste)|datteren|sønnen|broren|søsteren|konen|hustruen|ægtefællen|kæresten|familien|svigersønnen|svigerdatteren)(?![\p{L}\p{N}])(?:\s+\w+){0,4}\s*$`,
  'iu',
);
/** A representative — værge, fremtidsfuldmægtig, or a relative with the nearest relative's attest — who agrees. */
const REPRESENTATIVE_AGREES = String.raw`\b(?:værge\w*|fremtidsfuldmægtig\w*|fremtidsfuldmagt\w*|(?:nær(?:meste)?\s+)?pårørende-?\s*attest\w*|attest\s+som\s+nær(?:meste)?\s+pårørende|close\s+relative\s+with\s+a\s+certificate)\b[^.!?\n]{0,50}?\b(?:er\s+enig\w*|siger\s+ja|har\s+sagt\s+ja|tiltræder|har\s+tiltrådt|havde\s+tiltrådt|synes\s+(?:at\s+)?det\s+er\s+(?:bedst|en\s+god\s+idé|fint|rigtigt)|bakker\s+op|agree)\b(?!\s+ikke)`;
/** Ordered: for each fact, the first rule with a non-negated match wins; negated values rank after all plain ones. */
const FACT_RULES: FactRule[] = [
  // consent — objects > unable > given > passive
  r(
    'consent',
    'objects',
    String.raw`\bnægte[rt]?\b|\bmodsætte[rs]?\s+(?:(?:han|hun|de)\s+)?sig|\bmodsat\s+sig|\bsiger\s+nej|\bsagt\s+nej|\briver\s+(?:\w+\s+){0,2}(?:af|ud|væk)\b|\brev\s+(?:\w+\s+){0,2}(?:af|ud)\b|\bslår\s+(?:ud\s+)?(?:efter|ud)\b|\bslog\s+ud\b|\bsparker\b(?!\s+(?:sig\s+selv|til\s+(?!os\b|mig\b|personalet\b)))|\bbider\b(?!\s+sig\b)|\bskubber\s+os\s+væk|\bprotester\w*|\bgør\s+modstand|\bstritter\s+imod|\bvil\s+ikke\s+(?:have|være\s+med|lade)|\bvrider\s+sig|\bkæmper\s+imod|\bskriger\s+og|\bafviser\b|\bvægrer\s+sig|\b(?:vil|ville)\s+ikke\s+(?:\w+\s+){0,2}flytte\w*|\bsiger\s+(?:(?:han|hun)\s+)?(?:højt|tydeligt|klart|bestemt|igen|altid|hele\s+tiden)\s+nej\b|\bsiger\s+(?:han|hun)\s+nej\b|\bsiger\s+(?:at\s+)?(?:han|hun)\s+(?:vil\s+blive\s+(?:hjemme|boende)|ikke\s+vil\s+flytte)\b|\brive\s+(?:\w+\s+){0,2}(?:af|ud|væk)\b|\b(?:han|hun)\s+vil\s+ikke\s*(?=[.!?,]|$)|\b(?:at\s+)?(?:han|hun)\s+ikke\s+vil\s+(?:have|være\s+med|lade)\b|\bsiger\s+(?:at\s+)?(?:han|hun)\s+ikke\s+vil\s*(?=[.!?,]|$)|\bikke\s+vil\s+(?:\w+\s+){0,2}flytte\w*|\bbrokke[rt]?\s+(?:(?:han|hun|de)\s+)?sig|\bbrokkede\s+(?:(?:han|hun|de)\s+)?sig|\bbrok\b|\butilfreds\w*`,
    { negated: 'passive' },
  ),
  // an existing decision ("vi har en afgørelse om sele …"): whether the act may be used under it is the evaluator's
  r(
    'decisionExists',
    true,
    String.raw`\b(?:vi|de|i|stedet|afdelingen|botilbuddet|plejecentret)\s+har\s+(?:(?!ikke\b|ingen\b)\w+\s+){0,2}(?:fået\s+)?(?:en\s+|et\s+)?(?:afgørelse|tilladelse)\w*|\bder\s+(?:er|foreligger|ligger)\s+(?:(?!ikke\b|ingen\b)\w+\s+){0,2}(?:afgørelse|tilladelse)\w*|\bkommunen\s+har\s+(?:\w+\s+)?(?:truffet\s+(?:en\s+)?afgørelse|givet\s+(?:os\s+)?(?:en\s+)?tilladelse|godkendt)|\bifølge\s+afgørelsen|\befter\s+(?:kommunens\s+|lederens\s+|familieretshusets\s+|en\s+|den\s+)?afgørelse(?:n|ns)?\b(?!\s+(?:om|fra\s+kommunen\s+om)\s+at\s+søge)|\bafgørelsen\s+(?:siger|gælder|er\s+fra|blev\s+truffet|lyder)|\bunder\s+(?:vores|den)\s+afgørelse`,
    { negated: false },
  ),
  r(
    'decisionExists',
    false,
    String.raw`\buden\s+(?:en\s+)?(?:afgørelse|tilladelse)|\b(?:vi|de|i|der)\s+(?:har|er|foreligger)\s+(?:ikke|ingen)\s+(?:\w+\s+){0,2}(?:afgørelse|tilladelse)`,
  ),
  r(
    'consent',
    'unable',
    String.raw`\bkan\s+ikke\s+(?:\w+\s+)?(?:give|afgive)\s+(?:\w+\s+)?samtykke|\bikke\s+i\s+stand\s+til\s+at\s+(?:give\s+)?samtykke|\bforstår\s+(?:det\s+)?(?:bare\s+|slet\s+|jo\s+)?ikke\b|\bkan\s+(?:bare\s+|slet\s+|jo\s+)?ikke\s+(?:forholde\s+sig\s+til|overskue|forstå)\b|\bmangler\s+(?:evnen\s+til\s+at\s+give\s+)?(?:informeret\s+)?samtykke(?:kompetence|evne)?\w*|\bkan\s+ikke\s+overskue\b|\bikke\s+samtykkekompetent|\binhabil\w*|\bkan\s+ikke\s+forstå`,
  ),
  r(
    'consent',
    'given',
    String.raw`(?<!\b(?:vi|jeg|man|personalet|nattevagten|dagvagten|aftenvagten|vikaren|lederen|ledelsen|kommunen|pædagogen|kollegaen|familien|datteren|sønnen|pårørende|værgen|teamet|afdelingen)\s+)(?<!(?:^|[.!?\n])\s*)\bvil\s+(?:rigtig\s+|meget\s+)?gerne\s+(?:selv\s+)?(?:have|bruge|bære|have\s+den|det)\b|\bsiger\s+(?:selv\s+)?ja\b|\bsagt\s+(?:selv\s+)?ja\b|\bhar\s+(?:selv\s+)?givet\s+(?:sit\s+|hendes\s+|hans\s+)?samtykke|\bhar\s+samtykket|\bgiver\s+(?:sit\s+)?samtykke|\bsamtykker\b|\bselv\s+bedt\s+om|\bbeder\s+selv\s+om\b|\b(?:han|hun)\s+(?:selv\s+)?(?:siger|sagde)\s+(?:ja|ok|okay)\b|\b(?:han|hun)(?:\s+og\s+\w+)?\s+(?:selv\s+)?(?:er|var)\s+(?:ok|okay|indforstået)\s+med\s+det|\bønsker\s+(?:det\s+)?selv|\ber\s+(?:glad\s+for|enig|indforstået)\b|\bsamtykke\s+fra\s+(?:ham|hende)\s+selv`,
  ),
  r(
    'consent',
    'passive',
    String.raw`\bprotesterer\s+ikke|\bprotesterede\s+ikke|\bsiger\s+ingenting|\bsiger\s+(?:(?:han|hun)\s+)?ikke\s+(?:noget|nej)|\blader\s+det\s+ske|\breagerer\s+ikke|\bgør\s+ikke\s+modstand|\bfinder\s+sig\s+i|\baccepterer\s+det\s+uden\s+at\s+sige|\bpassiv\w*|\bhverken\s+ja\s+eller\s+nej`,
  ),
  // impairment
  r('impairmentCause', 'dementia', DEMENTIA),
  r('impairmentCause', 'other', OTHER_IMPAIRMENT),
  r(
    'documentedImpairment',
    false,
    String.raw`\bikke\s+udredt|\bingen\s+diagnose\w*|\buden\s+diagnose\w*|\bikke\s+(?:nogen\s+)?diagnose\w*|\bikke\s+dokumentere\w*|\bingen\s+dokumentation|\bikke\s+(?:varigt|betydeligt)\s+(?:\w+\s+)?nedsat|\bfuldt\s+ud\s+(?:klar|habil)|\bhelt\s+klar\s+i\s+hovedet|\bsamtykkekompetent\b`,
  ),
  r(
    'documentedImpairment',
    true,
    `${DEMENTIA}|${OTHER_IMPAIRMENT}|\\bdiagnose\\w*|\\bdiagnosticeret\\w*|\\budredt\\b|\\bdokumentere\\w*\\s+(?:\\w+\\s+){0,3}(?:funktionsnedsættelse|nedsat\\s+psykisk)|\\bbetydelig\\w*\\s+og\\s+varig\\w*\\s+nedsat`,
  ),
  // representative
  r(
    'representativeObjects',
    true,
    String.raw`\b(?:værge\w*|fremtidsfuldmægtig\w*|(?:datter|datteren|søn|sønnen|pårørende|hustru\w*|ægtefælle\w*|kone\w*|mand\w*)\s+(?:\w+\s+){0,3}(?:med|som\s+har)\s+(?:en\s+)?(?:attest|fuldmagt)\w*)[\s,]+(?:(?!men\b|selv\b)\w+[\s,]+){0,4}?(?:modsætter\s+sig|er\s+imod|siger\s+nej|nægter|vil\s+ikke|har\s+modsat\s+sig|protesterer|tiltræder\s+ikke|er\s+ikke\s+enig|er\s+uenig)|\b(?:power\s+of\s+attorney|guardian)\W+(?:\w+\W+){0,2}(?:says\s+no|refuses|objects)`,
    { negated: false },
  ),
  r(
    'representativeObjects',
    false,
    String.raw`\b(?:værge\w*|fremtidsfuldmægtig\w*)\b[^.!?\n]{0,40}\b(?:er\s+enig|er\s+indforstået|bakker\s+op|siger\s+ja|har\s+givet\s+(?:sit\s+)?samtykke|har\s+ikke\s+noget\s+imod|er\s+ikke\s+imod|modsætter\s+sig\s+ikke)|\b(?:værge\w*|fremtidsfuldmægtig\w*|(?:datter|datteren|søn|sønnen|pårørende)\s+(?:\w+\s+){0,3}(?:med|som\s+har)\s+(?:en\s+)?(?:attest|fuldmagt)\w*)\s+(?:\w+\s+){0,3}(?:er\s+enig|er\s+indforstået|bakker\s+op|siger\s+ja|har\s+givet\s+(?:sit\s+)?samtykke|har\s+ikke\s+noget\s+imod|er\s+ikke\s+imod|modsætter\s+sig\s+ikke|synes\s+det\s+er\s+en\s+god\s+idé|er\s+positiv\w*|vil\s+gerne|tiltræder)|\b(?:værge\w*|fremtidsfuldmægtig\w*)\s+tiltræder\b|${REPRESENTATIVE_AGREES}`,
  ),
  r(
    'representativeConsents',
    true,
    String.raw`\b(?:værge\w*|fremtidsfuldmægtig\w*|pårørende|familie\w*|datter(?:en)?|søn(?:nen)?|hustru\w*|ægtefælle\w*|kone(?:n)?)\s+(?:\w+\s+){0,3}(?:har\s+givet\s+(?:sit\s+|deres\s+)?(?:samtykke|lov)|giver\s+(?:sit\s+)?(?:samtykke|lov)|har\s+sagt\s+ja|siger\s+ja|siger,?\s+(?:at\s+)?det\s+er\s+(?:ok|okay|i\s+orden|fint)|er\s+enig\w*|ønsker\s+det|beder\s+os\s+om|vil\s+gerne\s+have)`,
    { negated: false },
  ),
  // § 129 / § 136 f: whether the needed help can be given where the person lives now.
  r(
    'helpPossibleInCurrentHome',
    false,
    String.raw`\b(?:hjemmeplejen|hjemmehjælpen|vi)\s+kan\s+ikke\s+(?:længere\s+|mere\s+)?(?:dække|klare|give|løse)\b|\bkan\s+ikke\s+(?:længere\s+|mere\s+)?(?:klare\s+sig|bo)\s+(?:selv\s+)?(?:hjemme|alene|i\s+(?:sit|sin|eget)\s+\w+)`,
    { when: isIn(['relocation', 'relocation_danger_to_others']) },
  ),
  r(
    'helpPossibleInCurrentHome',
    true,
    String.raw`\b(?:hjemmeplejen|hjemmehjælpen|vi|plejen)\s+(?:\w+\s+){0,2}?kan\s+(?:\w+\s+){0,2}?(?:godt\s+)?(?:dække|klare|løse)\s+(?:\w+\s+){0,2}?(?:behov\w*|det|hjælpen|plejen)\b`,
    { when: isIn(['relocation', 'relocation_danger_to_others']), negated: false },
  ),
  r(
    'physicalResistance',
    true,
    String.raw`\bslår\s+(?:ud\s+)?efter|\bslog\s+ud\b|\bsparker\b|\bbider\b(?!\s+sig\b)|\bvride[rt]?\s+sig|\brive[rt]?\s+sig\s+løs|\brev\s+sig\s+løs|\bg(?:ør|øre|jorde)\s+(?:fysisk\s+)?modstand|\bkæmpe[rt]?\s+imod|\bkæmpede\s+imod|\bskubbe[rt]?\s+(?:os|mig)\s+væk|\bstritte[rt]?\s+imod|\bstrittede\s+imod|\btræk(?:ke|ker|ker|kede)\s+sig\s+(?:væk|løs|fri)|\btrak\s+sig\s+(?:væk|løs|fri)|\bspjætte\w*|\bg(?:ør|øre|jorde)\s+sig\s+stiv`,
    { negated: false },
  ),
  r(
    'locksPersonIn',
    true,
    String.raw`\blås\w*\s+(?:ham|hende|dem|borgeren|beboeren)\s+inde\b|\blåst\s+inde\b|\bkan\s+ikke\s+komme\s+ud\s+af\s+(?:sit|sin|hans|hendes)\s+(?:værelse|lejlighed|bolig)`,
  ),
  r('beltDevice', 'fixation', String.raw`\bbæltefiks\w*|\bfiks(?:er|ere|eres|eret|ering)\w*`, {
    when: isIn(['fabric_belt', 'other']),
  }),
  r('beltDevice', 'confining_bed_rails', String.raw`\bsengehest\w*|\bsengegitter\w*|\bsengegrind\w*`, {
    when: isIn(['fabric_belt', 'other']),
  }),
  r('beltDevice', 'cage_or_rope', String.raw`\bbur\b|\breb\b|\btov\b|\bsnor\b`, {
    when: isIn(['fabric_belt', 'other']),
  }),
  r('beltDevice', 'fabric_belt_or_similar', String.raw`\bstofsele\w*|\bsele\w*|\bbækkensele\w*|\bbrystsele\w*`, {
    when: isIn(['fabric_belt']),
  }),
  r(
    'justifiedByStaffing',
    true,
    String.raw`\bpersonalemangel\w*|\bunderbemand\w*|\bnormering\w*|\bfor\s+få\s+(?:på\s+vagt|ansatte|personaler|hænder|medarbejdere)|\bikke\s+nok\s+personale|\bikke\s+(?:har\s+)?(?:personale|folk|hænder)\s+nok|\bmangler\s+personale|\bmangel\s+på\s+personale|\balene\s+på\s+(?:vagt|afdelingen)|\bkun\s+(?:en|én|to)\s+på\s+vagt|\bhar\s+(?:for\s+)?travlt|\bikke\s+tid\s+til\s+at\s+(?:holde\s+øje|passe\s+på|være\s+hos)`,
    { negated: false },
  ),
  r('doorAlarm', true, String.raw`\bdørsignal\w*|\bdøralarm\w*|\balarm\s+på\s+døren|\balarm,?\s+når\s+døren`, {
    when: isIn(['special_door_opener', 'lock_own_home_exterior', 'lock_outdoor_gate', 'lock_common_room_door']),
    negated: false,
  }),
  r(
    'onlyDelays',
    false,
    String.raw`\blåst\s+helt|\bhelt\s+låst|\blåse\s+(?:\w+\s+)?helt\b|\bslet\s+ikke\s+(?:kan\s+)?åbne\w*|\bikke\s+(?:kan\s+)?åbne\w*\s+(?:\w+\s+)?(?:overhovedet|slet)|\bså\s+ingen\s+kan\s+komme\s+ud`,
    { when: isIn(['special_door_opener']) },
  ),
  r('onlyDelays', true, String.raw`\bforsinke\w*|\btager\s+længere\s+tid\s+at\s+åbne|\bkræver\s+to\s+greb`, {
    when: isIn(['special_door_opener']),
    negated: false,
  }),
  r(
    'riskOfHarm',
    false,
    String.raw`\bingen\s+(?:reel\s+|konkret\s+)?risiko|\bfor\s+en\s+sikkerheds\s+skyld|\bbare\s+for\s+at\s+være\s+på\s+den\s+sikre\s+side|\bhar\s+ikke\s+prøvet\s+(?:det\s+|at\s+\w+\s+)?endnu|\bdet\s+er\s+ikke\s+sket|\bmåske\s+(?:vil|kunne)\b|\bkunne\s+finde\s+på`,
  ),
  r(
    'riskOfHarm',
    true,
    String.raw`\b(?:konkret|dokumenteret|reel|nærliggende|betydelig|stor)\s+risiko|\bvæsentlig\s+personskade`,
    { negated: false },
  ),
  // Danger to others (§ 124 d, stk. 2, nr. 2; § 129 a; kap. 24 b): violence or a threat aimed at another person —
  // not at the person's own body ("bed sig", "slår hovedet") and not at things.
  r(
    'dangerToOthers',
    true,
    `${GRAB_OTHER}|${VIOLENCE}\\s+(?:ud\\s+)?(?:efter\\s+|mod\\s+|på\\s+|løs\\s+på\\s+)?(?:\\w+\\s+){0,2}?${OTHER_PERSON}|${VIOLENCE_WITH}\\s+(?:\\w+\\s+){0,3}?(?:med\\s+(?:en\\s+)?(?:kniv|saks|skruetrækker|stoleben|kniven)|med\\s+at\\s+(?:slå|stikke|dræbe|skade))|\\btil\\s+fare\\s+for\\s+(?:de\\s+)?andre|\\bfarlig\\s+for\\s+(?:de\\s+)?andre|\\bvoldelig\\w*|\\bvold\\s+mod\\b|\\b(?:hans|hendes)\\s+vold\\b|\\bskub\\w*\\s+(?:\\w+\\s+){0,2}?(?:en|sin|den|de)\\s+(?:anden\\s+|andre\\s+)?(?:med)?beboer\\w*|\\bgik\\s+amok|\\bgår\\s+amok|\\b(?:i|om)\\s+(?:halsen|struben)\\s+på|\\bom\\s+(?:hans|hendes)\\s+hals|\\bkaste\\w*\\s+(?:\\w+\\s+){0,3}(?:mod|efter)\\s+(?:\\w+\\s+){0,2}?${OTHER_PERSON}`,
    { negated: 'skip', when: isIn(DANGER_GROUND) },
  ),
  r(
    'dangerToOthers',
    false,
    String.raw`\bikke\s+(?:er\s+)?(?:voldelig|farlig\s+for\s+(?:de\s+)?andre|truende)\b|\bingen\s+fare\s+for\s+(?:de\s+)?andre`,
    { when: isIn(DANGER_GROUND) },
  ),
  // actor
  r(
    'actor',
    'relative',
    String.raw`\b(?:pårørende|datteren|sønnen|hendes\s+(?:datter|søn|mand|søster|bror)|hans\s+(?:datter|søn|kone|hustru|søster|bror|mor|far|forældre)|hendes\s+(?:mor|far|forældre)|ægtefællen|konen|moren|faren|forældrene)\s+(?:\w+\s+){0,2}(?:holde\w*|fastholde\w*|låse\w*|spænde\w*|børste\w*|give\w*|tvinge\w*|tage\w*|føre\w*)|\b(?:må|kan)\s+(?:hans|hendes)\s+(?:pårørende|datter|søn|kone|mand|hustru|familie|mor|far|forældre|bror|søster)\s+(?:\w+\s+){0,2}(?:holde|fastholde|låse|spænde|børste|give|tvinge|tage|føre)`,
  ),
  r(
    'actor',
    'other_staff',
    String.raw`\bpedel\w*|\brengøring\w*|\bvagt(?:en|erne)\b|\bsikkerhedsvagt\w*|\bvægter\w*|\bkøkkenpersonale\w*|\bkøkkenmedarbejder\w*|\bkontorpersonale\w*|\bchauffør\w*|\b(?:en|den|de)\s+frivillige?\b(?!\s+(?:anbragt|placeret|basis))|\badministrativ\w*\s+medarbejder\w*|\bservicemedarbejder\w*|\bteknisk\w*\s+servicemedarbejder\w*`,
  ),
  r(
    'actor',
    'care_staff',
    String.raw`\bvikar\w*|\bafløser\w*|\bsosu\w*|\bsocial-\s*og\s*sundheds\w*|\bplejepersonale\w*|\bomsorgspersonale\w*|\bpædagog\w*|\bplejer\w*|\bsygeplejerske\w*|\bplejemedarbejder\w*|\bnattevagt\w*`,
  ),
  // setting — excursion > botilbud > dagtilbud > plejebolig > own home
  r(
    'setting',
    'excursion',
    String.raw`\bpå\s+(?:\w+\s+)?tur\b|\bpå\s+udflugt|\budflugt\w*|\bpå\s+(?:\w+\s+)?ferie\b|\bferietur\w*|\bi\s+sommerhus\w*|\bpå\s+indkøb|\bi\s+(?:\w+\s+)?(?:bus|bussen|toget)\b`,
  ),
  r(
    'setting',
    'botilbud',
    String.raw`\bbotilbud\w*|\bbosted\w*|\bbofællesskab\w*|\bopholdssted\w*|§\s*10[78]\b|\bboform\w*|\bbotræning\w*`,
  ),
  r(
    'setting',
    'dagtilbud',
    String.raw`\bdagtilbud\w*|\bværksted\w*|\baktivitetscent\w*|\bdagcent\w*|\bbeskyttet\s+beskæftigelse|\bklubtilbud\w*|\bdaghjem\w*|\bsamværstilbud\w*`,
  ),
  r(
    'setting',
    'almen_plejebolig',
    String.raw`\bplejecent\w*|\bplejebolig\w*|\bplejehjem\w*|\bældrebolig\w*|\bdemensafsnit\w*|\bdemensplejehjem\w*|\bældrecent\w*|\bdemenscent\w*`,
  ),
  r(
    'setting',
    'own_home',
    String.raw`\beget\s+hjem\b|\bi\s+(?:sit|hans|hendes)\s+(?:eget\s+)?hjem\b|\bhjemme\s+hos\s+(?:ham|hende|sig\s+selv)|\bbor\s+hjemme\b|\bi\s+eget\s+hjem`,
  ),
  // hygiene task
  r(
    'hygieneTask',
    'toothbrushing',
    String.raw`\btandbørst\w*|\bbørst\w*\s+(?:\w+\s+)?tænder\w*|\btandpleje\w*|\btænderne\b`,
    { negated: 'toothbrushing' },
  ),
  r('hygieneTask', 'shaving', String.raw`\bbarber\w*`, { negated: 'shaving' }),
  r(
    'hygieneTask',
    'diaper_change',
    String.raw`\bbleskift\w*|\bskift(?:e|er|es)?\s+(?:\w+\s+)?ble\w*|\bble\b|\bbleen\b|\binkontinenshjælpemid\w*`,
    { negated: 'diaper_change' },
  ),
  r(
    'hygieneTask',
    'hair_nail_cutting',
    String.raw`\bnegleklip\w*|\bklip(?:pe|per|pes)?\s+(?:\w+\s+)?(?:negle|hår)\w*|\bhårklip\w*|\bfodpleje\w*`,
    { negated: 'hair_nail_cutting' },
  ),
  r(
    'hygieneTask',
    'wound_care',
    String.raw`\bsårpleje\w*|\bskift(?:e|er|es)?\s+(?:\w+\s+)?forbinding\w*|\bforbindingen\b|\bsåret\b`,
    { negated: 'wound_care' },
  ),
  r(
    'hygieneTask',
    'skin_care',
    String.raw`\bsmør(?:e|er|es)?\s+(?:\w+\s+)?(?:med\s+)?creme\w*|\bhudpleje\w*|\bcreme\w*\s+på`,
    {
      negated: 'skin_care',
    },
  ),
  r(
    'hygieneTask',
    'removing_food_or_objects',
    String.raw`\b(?:mad|madrester|genstande|ting|noget)\s+ud\s+af\s+munden|\bfjern(?:e|er|es)?\s+(?:\w+\s+)?(?:madrester|mad|genstande)\s+(?:fra|i)\s+munden`,
    { negated: 'removing_food_or_objects' },
  ),
  r(
    'hygieneTask',
    'hair_washing_bathing_handwashing_dressing',
    String.raw`\bhårvask\w*|\bvask(?:e|er|es)?\s+(?:\w+\s+)?(?:hår|hænder)\w*|\bhåndvask\w*|\bi\s+bad\b|\bbad\b|\bbadet\b|\bbrusebad\w*|\bpåklædning\w*|\bklæd(?:e|er|es)?\s+(?:\w+\s+)?(?:på|om|af)\b|\btøj\s+på\b|\btage\s+(?:\w+\s+)?tøj\w*\s+(?:af|på)|\bskift(?:e|er|es)?\s+tøj|\bnedre\s+toilette|\bvask(?:e|er|es)?\s+(?:ham|hende)\b`,
    { negated: 'hair_washing_bathing_handwashing_dressing' }, // "vil ikke i bad" still names the task
  ),
  // aids
  r(
    'aidsUsed',
    true,
    String.raw`\b(?:med|bruge|bruger|anvende)\s+(?:et\s+|en\s+)?(?:hjælpemid\w*|bælte\w*|strop\w*|lagen\w*|tape\w*|håndklæde\w*)\b|\bhjælpemid\w*\s+til\s+at\s+holde`,
    { negated: false },
  ),
  r('aidsUsed', false, String.raw`\buden\s+(?:brug\s+af\s+)?hjælpemid\w*|\bkun\s+med\s+hænderne|\bmed\s+hænderne\b`),
  // technology flags
  r(
    'recordsOrStores',
    true,
    String.raw`\boptage\w*|\boptager\w*|\boptagelse\w*|\bgemme\w*\s+(?:\w+\s+){0,2}(?:video|lyd|billeder|optagelser|data)\w*|\bgemmer\b|\blagre\w*|\bgemt\b`,
    {
      negated: false,
      when: notIn(['other', 'hygiene_restraint']),
    },
  ),
  r(
    'recordsOrStores',
    false,
    String.raw`\buden\s+(?:at\s+)?(?:optage|optagelse|gemme|lagre)\w*|\bingen\s+optagelse\w*|\blive\b|\bkun\s+live\w*`,
  ),
  r(
    'twoWayAudio',
    true,
    String.raw`\btovej\w*|\bto-vej\w*|\btale\s+med\s+(?:ham|hende)\s+(?:gennem|via|over)|\bsnakke\s+med\s+(?:ham|hende)\s+(?:gennem|via)`,
    { negated: false },
  ),
  r('openFrequency', true, String.raw`\båben\s+frekvens|\bukrypteret\w*|\balle\s+kan\s+lytte\s+med`, {
    negated: false,
  }),
  r(
    'recognizableImage',
    false,
    String.raw`\bsløret\w*|\bsilhuet\w*|\bstreg(?:figur|tegning)\w*|\bikke\s+genkendelig\w*|\buden\s+genkendelig\w*`,
  ),
  r('recognizableImage', true, String.raw`\bgenkendelig\w*|\bskarpt\s+billede|\btydeligt\s+billede`, {
    negated: false,
  }),
  r('usesAI', true, String.raw`\bai\b|\bkunstig\s+intelligens|\bai-\w+`, { negated: false }),
  // locks
  r(
    'unlockedAccessRemains',
    false,
    String.raw`\balle\s+(?:\w+\s+){0,2}(?:døre|udgange|låger)\w*\s+(?:\w+\s+){0,2}(?:låses|låst|aflåst|bliver\s+låst)|\bingen\s+(?:\w+\s+)?(?:ulåst\w*|åben\w*)\s+(?:dør|udgang|låge)\w*|\bingen\s+anden\s+(?:vej\s+(?:ud|ind|til)|udgang|dør|indgang)|\bså\s+ingen\s+kan\s+komme\s+(?:ud|ind)\b|\bså\s+(?:han|hun|de)\s+slet\s+ikke\s+kan\s+komme\s+(?:ud|ind|derind)\b|\bkan\s+slet\s+ikke\s+komme\s+ud|\blås\w*\s+(?:\w+\s+){0,2}alle\s+(?:\w+\s+){0,2}(?:døre|udgange|låger)|\bhelt\s+låst|\baldrig\s+kan\s+komme\s+(?:ind|ud)|\bikke\s+(?:nogen\s+)?andre\s+(?:udgange|veje\s+ud|døre)|\bno\s+other\s+(?:exit|way\s+out|door)|\bslet\s+ikke\s+kan\s+komme\s+(?:ud|ind)|\bbåde\s+(?:\w+\s+){1,3}og\s+(?:\w+\s+){0,4}dør\w*`,
  ),
  r(
    'unlockedAccessRemains',
    true,
    String.raw`\bforbliver\s+ulåst|\bforbliver\s+åben|\ber\s+(?:stadig\s+|fortsat\s+)?ulåst|\bstår\s+(?:stadig\s+)?(?:åben|ulåst)|\bulåst\w*|\bkan\s+(?:stadig|fortsat)\s+(?:\w+\s+){0,2}(?:komme|gå)\s+(?:ud|ind)\s+(?:gennem|via|ad)|\ben\s+anden\s+(?:udgang|dør)\s+(?:er|står)\s+(?:åben|ulåst)`,
    { negated: false },
  ),
  r(
    'locksIndoorCommonAreas',
    true,
    String.raw`\blås\w*\s+(?:\w+\s+){0,3}(?:alle\s+)?(?:fællesarealer|fællesrum|fællesstue)\w*\s+(?:inde|indendørs)|\bogså\s+(?:\w+\s+){0,2}fællesarealer\w*\s+(?:\w+\s+)?låses`,
  ),
  // Locking the flat's door to the hallway shuts the person out of the indoor common areas (§ 128 c, stk. 3).
  r(
    'locksIndoorCommonAreas',
    true,
    String.raw`\blås\w*\s+(?:\w+\s+){0,3}(?:dør\w*|hoveddør\w*)\s+(?:\w+\s+){0,3}(?:ud\s+)?(?:til|mod)\s+(?:gangen|fællesgangen|fællesarealer\w*|fællesstuen)\b(?![^.!?]{0,25}\bulåst)|\bså\s+(?:han|hun)\s+ikke\s+(?:går|kommer|vandrer)\s+ud\s+på\s+(?:gangen|fællesgangen)`,
    { when: isIn(['lock_own_home_exterior']), negated: 'skip' },
  ),
  // belts
  r(
    'beltReason',
    'fall',
    String.raw`\bfald\w*|\bfalde\w*|\bfalder\w*|\bfaldet\b|\bglide\w*\s+(?:ud|ned)|\bglider\s+(?:ud|ned)|\bskride\w*\s+ned|\bskrider\s+ned`,
    {
      when: isIn(['fabric_belt']),
      negated: 'fall', // "så hun ikke falder" states the purpose
    },
  ),
  r(
    'beltReason',
    'sitting_posture',
    String.raw`\bsiddestilling\w*|\bsidder\s+(?:\w+\s+)?(?:skævt|skæv|forkert|dårligt|uhensigtsmæssigt|sammensunket)\b|\bskævhed\w*|\bsidde\s+(?:ordentligt|stabilt|rigtigt|oprejst|godt)|\bsidde\s+op\b|\bholde\s+sig\s+oprejst|\bstøtte\s+(?:til\s+)?(?:ryggen|kroppen|siddestillingen)`,
    {
      when: isIn(['fabric_belt']),
    },
  ),
  r(
    'beltReason',
    'sudden_movements',
    String.raw`\bpludselige\s+bevægelser|\bufrivillige\s+bevægelser|\bspasm\w*|\bspastisk\w*|\bkast\s+med\s+kroppen`,
    {
      when: isIn(['fabric_belt']),
      negated: 'sudden_movements',
    },
  ),
  r(
    'beltReason',
    'assist_action',
    String.raw`\bunder\s+(?:måltid\w*|spisning\w*|transport\w*|forflytning\w*)|\bså\s+vi\s+kan\s+(?:hjælpe|give|made)|\bmens\s+(?:vi|hun|han)\s+(?:spiser|giver|hjælper)|\bmade\s+(?:ham|hende)`,
    {
      when: isIn(['fabric_belt']),
    },
  ),
  r(
    'beltReason',
    'restlessness',
    String.raw`\buro\b|\burolig\w*|\brastløs\w*|\bvandre\w*|\brejser\s+sig\s+(?:hele\s+tiden|konstant|igen\s+og\s+igen)|\bløber\s+rundt|\bgår\s+rundt|\b(?:ikke|ikke\s+selv)\s+(?:kan\s+)?(?:rejse\s+sig|rejser\s+sig|går|gå|forlader|forlade|kommer\s+op|komme\s+op)\b|\bkan\s+komme\s+op\s+at\s+gå|\bhvileløs\w*`,
    {
      when: isIn(['fabric_belt']),
      negated: 'restlessness', // "for at hun ikke vandrer rundt" states the purpose
    },
  ),
  // averting damage
  r(
    'significantPropertyDamage',
    false,
    String.raw`\bubetydelig\w*|\bbare\s+(?:en|et)\s+(?:kop|kuglepen|plastik\w*|blad|pude)\b|\bikke\s+noget\s+af\s+værdi|\bikke\s+(?:noget\s+)?værdifuld\w*|\bplastikkop\w*|\bpapirkrus\w*|\ben\s+kop\b|\bikke\s+(?:særlig\w*|specielt|så|synderligt)\s+(?:dyr\w*|værdifuld\w*)|\bbillig\w*|\bgammelt?\s+(?:ugeblad|blad|avis)\w*|\bpapkasse\w*|\baviser\b|\bfå\s+kroner|\bpar\s+kroner|\balmindelig\w*\s+(?:drikke)?glas\w*|\balmindelig\w*\s+(?:potte)?plante\w*|\bfra\s+ikea\b|\bpotteplante\w*`,
    {
      when: isIn(['averting_damage']),
    },
  ),
  r(
    'significantPropertyDamage',
    true,
    String.raw`\bfjernsyn\w*|\btv\b|\bcomputer\w*|\brude\w*|\bvindue\w*|\binventar\w*|\bbil(?:en)?\b|\bdyr\w*|\bværdifuld\w*|\bstor\s+skade|\bbetydelig\w*\s+(?:\w+\s+)?skade|\bvæsentlig\w*\s+(?:\w+\s+)?skade|\bmøbler\w*|\bglasdør\w*|\binstrument\w*`,
    {
      when: isIn(['averting_damage']),
      negated: false,
    },
  ),
  // repetition
  r(
    'repeated',
    false,
    String.raw`\ben\s+enkelt\s+gang|\bkun\s+(?:en|én)\s+gang|\bførste\s+gang|\benkeltstående|\ben\s+enkelt\s+episode|\bengangs\w*|\bhar\s+(?:en|én)\s+gang\b|\bkun\s+(?:\w+\s+){1,3}(?:en|én)\s+gang\b|\bkun\s+(?:sket|været)\s+(?:\w+\s+)?(?:en|én)\s+gang\b`,
  ),
  r(
    'repeated',
    true,
    String.raw`\bflere\s+gange|\bgentag\w*|\bhver\s+(?:aften|dag|nat|morgen|gang|uge)|\bigen\s+og\s+igen|\bdagligt|\bofte\b|\btit\b|\bhele\s+tiden|\bnæsten\s+altid|\bjævnligt|\bmange\s+gange|\bigen\s+i\s+dag|\bvedvarende`,
    { negated: false },
  ),
  // issue 9 facts
  r(
    'placedByCriminalJudgment',
    false,
    String.raw`\bikke\s+(?:\w+\s+){0,2}(?:dømt|anbragt\s+ved\s+dom|på\s+dom|en\s+dom)|\buden\s+dom\b|\bingen\s+dom\b|\bfrivillig\w*\s+(?:anbragt|placeret|indflyttet)|\bbor\s+(?:her\s+)?frivilligt|\bpå\s+frivillig\w*|\bdømt\s+til\s+tilsyn|\b(?:dommen|foranstaltningen|anbringelsen)\s+(?:\w+\s+){0,4}ophævet|\badministrativt\s+anbragt`,
  ),
  r(
    'placedByCriminalJudgment',
    true,
    String.raw`\bdømt\w*|\b(?:behandlings|anbringelses|foranstaltnings)dom\w*|\bdom\s+til\s+(?:anbringelse|ophold)|\banbragt\s+(?:\w+\s+){0,2}(?:ved|efter|på)\s+(?:en\s+)?(?:dom|kendelse)|\bstrafferetlig\w*|\bretslig\s+(?:\w+\s+)?(?:foranstaltning|anbringelse)\w*|\bkendelse\w*|\bpå\s+dom\b|\ben\s+dom\b|(?<![\p{L}\p{N}])dom(?![\p{L}\p{N}])|\bcourt[-\s](?:placed|ordered|order)|\bsentenced\b`,
    { negated: false },
  ),
  r('boform', '108', String.raw`§\s*108\b|\blængerevarende\s+botilbud\w*`),
  r('boform', '107', String.raw`§\s*107\b|\bmidlertidig\w*\s+botilbud\w*`),
  // "uden sikrede afdelinger", "almindeligt § 108", "den åbne afdeling": a unit that is not secured.
  r(
    'secureUnit',
    false,
    String.raw`\b(?:uden|ingen|ikke\s+(?:en|på\s+en|på)?)\s*sikre(?:de|t)\s+(?:afdeling|enhed|institution)\w*|\bikke\s+sikret\b|\balmindelig\w*\s+(?:§\s*10[78]\S*|botilbud\w*|bosted\w*|afdeling\w*)|\b(?:den\s+)?åbne\s+afdeling\w*`,
    // Only where the rules ask whether the unit is secured (kap. 24 d); "et almindeligt bosted" says nothing else.
    { when: isIn(KAP_24D) },
  ),
  r(
    'secureUnit',
    true,
    String.raw`\bsikre(?:de|t)\s+(?:afdeling|enhed|institution|boform|afsnit|afd\b)\w*|\b(?:på|fra|til)\s+(?:den\s+)?sikre(?:de|t)(?=\s*[?.!,)/]|\s*$|\s+(?:og|men|med|hvor|anbragt|dømt|kan|må|skal)\b)|[(,]\s*sikret\s*[),]|\bsecure\s+(?:unit|ward|department)`,
    {
      negated: false,
    },
  ),
  r('onLeave', true, String.raw`\bpå\s+udgang|\bhar\s+udgang|\bunder\s+udgang|\bpå\s+orlov|\bpå\s+weekend\s+hjemme`, {
    negated: false,
  }),
  r(
    'urgent',
    true,
    String.raw`\bakut\w*|\bhaster\b|\bhastende|\buopsættelig\w*|\blige\s+nu\b|\bher\s+og\s+nu|\bstraks\b|\bingen\s+tid\b|\bmed\s+det\s+samme\b|\bkan\s+ikke\s+vente\b|\ber\s+ved\s+at\s+(?!blive\b)\w+|\ber\s+i\s+gang\s+med\s+at`,
    { negated: false },
  ),
  r(
    'lessIntrusiveTried',
    true,
    String.raw`\b(?:har|vi\s+har)\s+(?:\w+\s+){0,2}(?:prøvet|forsøgt)\s+(?:alt|med|at|mindre|andre|andet|dialog|afledning)\w*|\bprøvet\s+alt\s+andet|\bmindre\s+indgribende\s+(?:\w+\s+){0,2}(?:er\s+)?(?:prøvet|forsøgt|afprøvet)|\bafprøvet\s+(?:\w+\s+)?(?:mindre\s+indgribende|andre)`,
    { negated: false },
  ),
  r(
    'suspicion',
    'none',
    String.raw`\bingen\s+(?:konkret\s+)?mistanke|\bfor\s+en\s+sikkerheds\s+skyld|\brutinemæssig\w*|\bstikprøve\w*|\buden\s+(?:\w+\s+){0,4}mistanke|\b(?:som\s+)?fast\s+rutine|\bbare\s+for\s+at\s+være\s+sikre`,
    { when: isIn(SEARCHES) },
  ),
  r(
    'suspicion',
    'founded',
    String.raw`\bbegrundet\s+mistanke|\bkonkret\s+mistanke|\bstærk\w*\s+mistanke|\bhar\s+set\s+(?:ham|hende)\s+(?:gemme|tage|have)|\bfundet\s+(?:\w+\s+){0,2}(?:stoffer|kniv|våben)`,
    { when: isIn(SEARCHES) },
  ),
  r('suspicion', 'reasonable', String.raw`\bmistanke\s+med\s+rimelig\s+grund|\brimelig\s+(?:grund|mistanke)`, {
    when: isIn(SEARCHES),
  }),
  r(
    'scannerTriedFirst',
    false,
    String.raw`\buden\s+(?:at\s+)?(?:først\s+)?(?:scanne|scanning|bruge\s+scanner)\w*|\bikke\s+(?:\w+\s+)?scannet|\bingen\s+scanner\w*|\bhar\s+ikke\s+(?:en\s+)?scanner`,
  ),
  r(
    'scannerTriedFirst',
    true,
    String.raw`\b(?:har|har\s+allerede|er)\s+(?:\w+\s+)?scannet|\befter\s+(?:\w+\s+)?scanning\w*|\bscanneren\s+(?:gav\s+udslag|bippede|slog\s+(?:ud|alarm)|reagerede)|\bførst\s+scannet`,
    { negated: false },
  ),
  r(
    'sameSexStaff',
    false,
    String.raw`\bmodsat\w*\s+køn|\bikke\s+af\s+samme\s+køn|\bkvindelig\w*\s+(?:\w+\s+)?(?:medarbejder|personale|kollega)\w*\s+(?:\w+\s+){0,4}(?:ham|mand)`,
  ),
  r('sameSexStaff', true, String.raw`\bsamme\s+køn|\bto\s+mandlige\b|\bto\s+kvindelige\b`, { negated: false }),
  r(
    'undressing',
    true,
    String.raw`\bklæd(?:e|er|es)?\s+(?:\w+\s+)?af\b|\bafklæd\w*|\btage\s+(?:\w+\s+)?tøj\w*\s+af|\bsmide\s+tøjet|\bnøgen\b|\bundertøj\w*`,
    { when: isIn(['body_search', 'search_visitor']), negated: false },
  ),
  r(
    'inOwnRoom',
    true,
    String.raw`\bpå\s+(?:sit|hans|hendes)\s+(?:eget\s+)?værelse|\bi\s+(?:sin|hans|hendes)\s+(?:egen\s+)?(?:lejlighed|bolig)|\begne\s+værelse|\b(?:sit|hans|hendes)\s+eget\s+værelse`,
    { when: isIn(['seclusion_room']), negated: false },
  ),
  r(
    'inOwnRoom',
    false,
    String.raw`\bskærmningsrum\w*|\bisolationsrum\w*|\bsærlig\w*\s+(?:indrettet\s+)?rum\b|\bindrettet\s+til\s+formålet`,
    {
      when: isIn(['seclusion_room']),
    },
  ),
  r(
    'bodyCavity',
    true,
    String.raw`\bkropsåbning\w*|\bendetarm\w*|\bskeden\b|\bi\s+munden\s+(?:\w+\s+)?(?:undersøg|kigge)\w*|\bkropshulrum\w*|\bhulrum\w*`,
    {
      when: isIn(['body_search', 'search_visitor']),
      negated: false,
    },
  ),
  r('readsLetters', false, String.raw`\buden\s+at\s+læse|\bikke\s+læse\w*|\blæser\s+(?:dem\s+)?ikke`, {
    when: isIn(['check_post']),
  }),
  r(
    'readsLetters',
    true,
    String.raw`\blæse\s+(?:${POSS}\s+)?(?:breve\w*|post\w*|brev\w*|indhold\w*|dem)\b|\blæser\s+(?:${POSS}\s+)?(?:breve|post)`,
    {
      when: isIn(['check_post']),
      negated: false,
    },
  ),
  r(
    'protectedCorrespondent',
    true,
    String.raw`\badvokat\w*|\bforsvarer\w*|\bbistandsværge\w*|\bværge\w*|\bmyndighed\w*|\bombudsmand\w*|\bombudsmanden\b|\bankestyrelsen\b|\bsocialtilsyn\w*|\bpatientklage\w*|\bkommunen\b|\bpolitiet\b`,
    { when: isIn(COMMUNICATION), negated: false },
  ),
  r(
    'protectedCorrespondent',
    false,
    String.raw`\b(?:fra|til|med)\s+(?:${POSS}\s+)?(?:kæreste|ven|veninde|venner|kammerat\w*|bror|søster|mor|far|familie|fætter|kusine|gamle\s+venner|pusher|tidligere\s+\w+)\w*`,
    { when: isIn(COMMUNICATION) },
  ),
  // § 137 j, stk. 3: the items a locked room at night must meet, as staff state them.
  r(
    'suicidal',
    true,
    String.raw`\bselvmord\w*|\btage\s+sit\s+eget\s+liv|\bsuicid\w*|\bikke\s+vil\s+leve\s+(?:mere|længere)`,
    {
      when: isIn(['night_lock_in']),
      negated: false,
    },
  ),
  r(
    'toiletAndWater',
    false,
    String.raw`\b(?:ikke|intet|ingen|uden)\s+(?:\w+\s+)?(?:toilet|adgang\s+til\s+toilet|vand)\b`,
    { when: isIn(['night_lock_in']) },
  ),
  r(
    'canCallStaff',
    false,
    String.raw`\b(?:ikke|ingen|uden)\s+(?:\w+\s+)?(?:kaldeanlæg|nødkald|kaldesnor|alarmknap|mulighed\s+for\s+at\s+(?:kalde|tilkalde))|\b(?:kaldeanlæg|kaldeknap|nødkald|kaldesnor)\w*\s+(?:\w+\s+){0,3}(?:i\s+stykker|virker\s+ikke|defekt)`,
    { when: isIn(['night_lock_in']) },
  ),
  // Searches: one member of staff alone ("kan jeg alene …", "er alene på vagt").
  r(
    'staffPresent',
    1,
    String.raw`\b(?:kan|må)\s+jeg\s+(?:\w+\s+){0,2}alene\b|\bjeg\s+(?:er\s+)?alene\b|\ber\s+alene\s+på\s+vagt|\b(?:kan|må)\s+jeg\s+selv\b`,
    { when: isIn(SEARCHES) },
  ),
  r('withinNightWindow', false, String.raw`\bom\s+dagen|\bi\s+dagtimerne|\bom\s+eftermiddagen|\bom\s+formiddagen`, {
    when: isIn(['night_lock_in']),
  }),
  r('nightLockConditionsMet', true, String.raw`\balle\s+(?:\w+\s+)?betingelse\w*\s+(?:\S+\s+){0,5}(?:er\s+)?opfyldt`, {
    when: isIn(['night_lock_in']),
    negated: false,
  }),
  r(
    'visitorBehaviour',
    'violence_or_threats',
    String.raw`\bvold\w*|\btru\w*|\bslog\b|\bslår\b|\bangreb\w*|\bsparkede\b`,
    { when: isIn(VISITOR) },
  ),
  r(
    'visitorBehaviour',
    'repeated_harassment',
    String.raw`\bchikan\w*|\bgentagne\s+(?:\w+\s+)?(?:krænkelser|overgreb)|\bforfølger\w*`,
    { when: isIn(VISITOR) },
  ),
  r(
    'visitorBehaviour',
    'strongly_disturbing',
    String.raw`\bstærkt\s+forstyrrende|\bforstyrr\w*|\blarm\w*|\bråber\b|\bberuset|\bfuld\b|\bpåvirket\b|\bskaber\s+uro`,
    { when: isIn(VISITOR) },
  ),
  r(
    'visitorBehaviour',
    'criticism_only',
    String.raw`\bkritiser\w*|\bkritik\w*|\bklager\s+(?:\w+\s+){0,2}over|\bhar\s+klaget\b|\bklaget\s+(?:til|over)|\butilfreds\s+med|\bskælder\s+(?:\w+\s+)?ud\b|\bkommenterer\s+alt|\bsiger\s+vi\s+gør\s+det\s+forkert`,
    { when: isIn(VISITOR) },
  ),
  r(
    'towardsStaffDuringCare',
    true,
    String.raw`\b(?:truer|truet|slår|slået|chikanerer|råber\s+ad|overfalder)\s+(?:\w+\s+)?(?:personale\w*|medarbejder\w*|hjemmeplejen|os)\s+(?:\w+\s+)?(?:under|mens|når)\s+(?:\w+\s+)?(?:pleje\w*|hjælp\w*|besøg\w*|vi|de)\b|\b(?:over\s+for|mod|overfor)\s+(?:\w+\s+)?(?:personale\w*|medarbejder\w*|hjemmeplejen|os)\b[^.!?\n]{0,40}\b(?:pleje\w*|hjælp\w*|besøg\w*)|\bmens\s+vi\s+(?:giver|hjælper|plejer|er\s+i\s+gang)`,
    {
      when: isIn(VISITOR),
      negated: false,
    },
  ),
  r('towardsStaffDuringCare', false, String.raw`\b(?:over\s+for|mod|overfor)\s+(?:de\s+)?andre\s+beboere`, {
    when: isIn(VISITOR),
  }),
  r(
    'decidedAtCouncilMeeting',
    false,
    String.raw`\b(?:forvaltning\w*|administration\w*|lederen|afdelingslederen|sagsbehandler\w*)\s+(?:\w+\s+){0,2}(?:har\s+)?(?:besluttet|truffet)`,
    { when: isIn(VISITOR) },
  ),
  r(
    'decidedAtCouncilMeeting',
    true,
    String.raw`\bpå\s+(?:et\s+)?(?:\w+\s+)?møde\w*\s+i\s+(?:udvalg\w*|byråd\w*|kommunalbestyrelse\w*)|\b(?:udvalget|byrådet|kommunalbestyrelsen)\s+(?:\w+\s+){0,2}(?:har\s+)?(?:besluttet|vedtaget)\s+(?:\w+\s+)?på\s+(?:et\s+)?(?:\w+)?møde|\bpå\s+(?:et\s+)?(?:udvalgs|byråds)møde`,
    {
      when: isIn(VISITOR),
      negated: false,
    },
  ),
];

// ---------------------------------------------------------------------------------------------
// Negation

const NEGATORS = new Set(['ikke', 'ingen', 'intet', 'aldrig', 'ej', 'hverken', 'ingenting']);
/** "uden" negates what follows it ("uden at vi har prøvet andet"), never what comes before it. */
const NEGATORS_BEFORE = new Set([...NEGATORS, 'uden']);
const CLAUSE_BREAK = rx(String.raw`[.!?;:,\n]|\b(?:men|og|så|fordi|når|hvis|mens|selvom|eller)\b`);

function clauseStart(text: string, index: number): number {
  const head = text.slice(0, index);
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(head); m; m = CLAUSE_BREAK.exec(head)) {
    start = m.index + m[0].length;
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
  }
  return start;
}

/** Just before a place: the place a move or an allocation goes to ("til et andet § 108", "til det nye bosted"). */
const DESTINATION_BEFORE = rx(
  String.raw`\b(?:til|into|to)\s+(?:(?:et|en|det|den|vores|jeres|deres|sit|sin)\s+)?(?:(?:andet|anden|nyt|ny|nye|konkret|bedre|egnet|mere|passende|sikret|sikrede|almindeligt?|længerevarende)\s+){0,2}(?:\w+[\s-]+)?$|\b(?:flytte\w*|flyttes|flytning\w*|visiteret|optage\w*)\s+(?:\w+\s+){0,3}(?:på|ind\s+på|ind\s+i)\s+(?:(?:et|en|det|den)\s+)?(?:\w+[\s-]+)?$`,
  'iu',
);

/** A negated clause of purpose or result: "…, så han ikke kan …", "for at hun ikke skal …". */
function inPurposeClause(text: string, index: number): boolean {
  const start = clauseStart(text, index);
  const clause = text.slice(start, index);
  if (/\bfor\s+at\s+(?:\w+\s+){0,2}(?:ikke|aldrig)\b/u.test(clause)) return true;
  return (
    /\bså\s*$/u.test(text.slice(Math.max(0, start - 4), start)) &&
    /^\s*(?:at\s+)?(?:\p{L}+\s+)?(?:ikke|aldrig)\b/u.test(clause)
  );
}

/** Whether a match is negated: a negator among the four words before it in its clause, or right after it. */
export function isNegated(text: string, index: number, length: number): boolean {
  const matched = text.slice(index, index + length);
  if (/(?:^|\s)(?:ikke|ingen|intet|aldrig)(?:\s|$)/u.test(matched)) return false; // the pattern owns its negation
  const before = text
    .slice(clauseStart(text, index), index)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(-4);
  if (before.some((w) => NEGATORS_BEFORE.has(w))) return true;
  const after = text
    .slice(index + length, index + length + 40)
    .split(/[.!?;:,\n]/u)[0]!
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 2);
  const firstAfter = after[0];
  if (firstAfter && NEGATORS.has(firstAfter)) return true;
  // "demensen er ikke udredt": a diagnosis denied after the word.
  if (
    /^\p{L}*\s+(?:er|var|blev)\s+(?:\p{L}+\s+)?(?:ikke|aldrig)\s+(?:udredt|diagnosticeret|konstateret|bekræftet|påvist)\b/u.test(
      text.slice(index + length, index + length + 50),
    )
  )
    return true;
  // "modsætter sig jo ikke", "nægter faktisk ikke"
  return (
    firstAfter !== undefined &&
    /^(?:jo|faktisk|overhovedet|slet|længere)$/u.test(firstAfter) &&
    NEGATORS.has(after[1] ?? '')
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers, time windows

const PRIOR_COUNT = rx(
  String.raw`\b(${NUMBER_SOURCE})\s+gange?\s+(?:\w+\s+){0,4}(?:det\s+sidste\s+halve\s+år|det\s+seneste\s+halve\s+år|de\s+(?:sidste|seneste)\s+(?:6|seks)\s+måneder|inden\s+for\s+(?:det\s+)?(?:sidste\s+)?(?:halve\s+år|(?:6|seks)\s+måneder))`,
);
const NEVER_BEFORE = rx(
  String.raw`\b(?:aldrig\s+(?:før|tidligere)\s+(?:\w+\s+){0,3}(?:holdt|fastholdt)|aldrig\s+(?:\w+\s+){0,2}(?:holdt|fastholdt)\s+(?:\w+\s+){0,2}før|ikke\s+(?:\w+\s+){0,2}(?:holdt|fastholdt)\s+(?:\w+\s+){0,2}(?:før|tidligere)|(?:ikke|aldrig)\s+gjort\s+(?:\w+\s+){0,4}?(?:før|tidligere)\b|første\s+gang)`,
);
const PAST_HOLD = String.raw`(?:holdt|fastholdt|gjort\s+det)`;
const MONTH =
  '(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|sommer(?:en)?|foråret|efteråret|vinter(?:en)?)';
/** Earlier holds told by count ("holdt ham fast én gang i august", "to gange siden august"), by ordinal ("det er
 * anden gang") or by the months they happened ("i april og igen i juni"). */
const HOLD_COUNT = rx(
  String.raw`\b${PAST_HOLD}\s+(?:\w+\s+){0,3}?(${NUMBER_SOURCE})\s+gange?\b|\b(${NUMBER_SOURCE})\s+gange?\s+(?:\w+\s+){0,3}?${PAST_HOLD}\b`,
);
const HOLD_ORDINAL = rx(String.raw`\b(anden|tredje|fjerde|femte)\s+gang\b`);
const HOLD_MONTHS = rx(
  String.raw`\b${PAST_HOLD}\b[^.!?\n]{0,60}?\bi\s+${MONTH}(?![\p{L}\p{N}])(?:\s+og\s+(?:igen\s+|så\s+)?(?:i\s+)?(${MONTH})(?![\p{L}\p{N}]))?`,
);
const ORDINALS: Record<string, number> = { anden: 1, tredje: 2, fjerde: 3, femte: 4 };

function earlierHolds(text: string): { n: number; evidence: string } | undefined {
  HOLD_COUNT.lastIndex = 0;
  const c = HOLD_COUNT.exec(text);
  const word = c?.[1] ?? c?.[2];
  const n = word ? parseNumberWord(word) : undefined;
  if (c && n !== undefined && n > 0) return { n, evidence: c[0] };
  HOLD_ORDINAL.lastIndex = 0;
  const o = HOLD_ORDINAL.exec(text);
  if (o?.[1]) return { n: ORDINALS[o[1]]!, evidence: o[0] };
  // A hold in a named month is an earlier one only beside a new one ("… i januar, og nu skal vi igen"); alone it may
  // be the incident asked about.
  HOLD_MONTHS.lastIndex = 0;
  const m = HOLD_MONTHS.exec(text);
  if (m?.[1]) return { n: 2, evidence: m[0] };
  if (m && /(?<![\p{L}\p{N}])(?:igen|nu|i\s+dag)(?![\p{L}\p{N}])/u.test(text.slice(m.index + m[0].length)))
    return { n: 1, evidence: m[0] };
  return undefined;
}

const REQUESTED_MONTHS = rx(
  String.raw`\b(?:i|for|over|på|til)\s+(?:de\s+(?:næste|kommende)\s+)?(${NUMBER_SOURCE})\s+måned(?:er)?\b(?!\s+(?:siden|tilbage))|\b(?:i|for)\s+(?:et\s+)?(halvt\s+år|år)\b(?!\s+(?:siden|tilbage))`,
);
const STAFF_PRESENT = rx(
  String.raw`\b(${NUMBER_SOURCE})\s+(?:\w+\s+)?(?:medarbejdere|ansatte|kolleger|kollegaer|personaler|af\s+os|voksne|fra\s+personalet)\b|\b(?:vi\s+er|kun)\s+(${NUMBER_SOURCE})\s+(?:på\s+vagt|på\s+arbejde|i\s+huset)\b`,
);
const HOURS = rx(String.raw`\b(${NUMBER_SOURCE})\s+timer?\b`);
/** How long a hold lasted, in minutes: "i 5 minutter", "ca. 2 min", "et minuts tid", "en halv time". */
const MINUTES = rx(
  String.raw`\b(${NUMBER_SOURCE}|\d{1,3}[.,]\d)\s+minut(?:ter|s)?\b|\b(\d{1,3})\s*min\.?(?!\p{L})|\b(et\s+halvt\s+minut|et\s+par\s+minutter|et\s+minuts\s+tid|et\s+minut|et\s+kvarter|en\s+halv\s+time|halvanden\s+time|en\s+time)\b`,
);
const MINUTE_PHRASES: Record<string, number> = {
  'et halvt minut': 0.5,
  'et par minutter': 2,
  'et minuts tid': 1,
  'et minut': 1,
  'et kvarter': 15,
  'en halv time': 30,
  'halvanden time': 90,
  'en time': 60,
};
/** Acts whose duration is a hold in minutes (§ 124 d, stk. 2; § 136 a). */
const HOLDS: MeasureId[] = ['restraint', 'hygiene_restraint'];
const LONG_SPAN = rx(
  String.raw`\bhele\s+(?:natten|dagen|døgnet|aftenen)\b|\bi\s+timevis\b|\bflere\s+timer\b|\bi\s+(?:lang|længere)\s+tid\b`,
);
const CLOCK_SPAN = rx(
  String.raw`\b(?:fra\s+(?:kl\.?|klokken)?|kl\.?|klokken)\s*(\d{1,2})(?:[.:](\d{2}))?\s*(?:til|-)\s*(?:kl\.?|klokken)?\s*(\d{1,2})(?:[.:](\d{2}))?(?!\d|[.:]\d|\s*(?:gange|måneder|år|uger|dage|døgn|timer|minutter|personale|ansatte|beboere|%))`,
);

function parseMinutes(word: string): number | undefined {
  return /^\d+[.,]\d$/u.test(word) ? Number(word.replace(',', '.')) : parseNumberWord(word);
}

function spanHours(start: number, end: number): number {
  const diff = end - start;
  return diff > 0 ? diff : diff + 24;
}

function withinNight(start: number, end: number): boolean {
  // The § 137 j night window (crossing midnight), from the dated parameters in force today.
  const from = param('night_window_start_hour', today());
  const to = param('night_window_end_hour', today());
  const inWindow = (h: number) => h >= from || h <= to;
  if (!inWindow(start) || !inWindow(end)) return false;
  const s = start >= from ? start - 24 : start; // hours relative to midnight
  const e = end >= from ? end - 24 : end;
  return s >= from - 24 && e <= to && e > s;
}

// ---------------------------------------------------------------------------------------------

/** Measures a follow-up may mention without changing the session's more specific measure. */
/** A care task named on its own (the hold itself was named in an earlier turn). */
const CARE_TASK = rx(`\\b(?:${HYGIENE_WORDS})`);

/** True when `to` is a more specific reading of the act `from` (the session keeps what it knows). */
export function refines(from: MeasureId | undefined, to: MeasureId): boolean {
  return from !== undefined && (REFINES[to]?.includes(from) ?? false);
}

const REFINES: Partial<Record<MeasureId, MeasureId[]>> = {
  hygiene_restraint: ['restraint'],
  camera_lookin: ['welfare_technology'],
  relocation_danger_to_others: ['relocation'],
  night_lock_in: ['other'],
  seclusion_room: ['other', 'restraint'],
  body_search: ['search_room', 'scanner'],
  search_visitor: ['body_search'],
};

const NIGHT_TIME = rx(
  String.raw`\bom\s+natten\b|\bnatten\s+over\b|\bi\s+nat\b|\b(?:fra\s+)?(?:kl\.?\s*)?(?:1[89]|2[0-3])(?:[.:]\d{2})?\s*(?:til|-)\s*(?:kl\.?\s*)?0?\d(?:[.:]\d{2})?(?!\d)`,
);

/** "Datteren er enig" is the relative's view, not the person's consent. */
const REPRESENTATIVE_IN_SENTENCE = rx(
  String.raw`\b(?:værge\w*|fremtidsfuldmægtig\w*|fremtidsfuldmagt\w*|attest\w*|pårørende|datter\w*|søn(?:nen|ner)?\b|familie\w*|ægtefælle\w*|hustru\w*|mor(?:en)?\b|far(?:en)?\b|bror(?:en)?\b|søster\w*|(?:hendes|hans)\s+(?:mand|kone))`,
  'iu',
);

/**
 * "Hendes mand er fremtidsfuldmægtig. Han har sagt ja …": a sentence whose subject is a pronoun, right after a
 * sentence that names a representative or relative, most likely speaks of that person, not of the resident. The
 * resident's own consent is then not read from it (it stays unknown rather than being guessed).
 */
function pronounAfterRepresentative(text: string, index: number): boolean {
  const start = sentenceStart(text, index);
  if (start <= 1 || !/^\s*(?:han|hun|de)\b/iu.test(text.slice(start))) return false;
  return REPRESENTATIVE_IN_SENTENCE.test(sentenceOf(text, start - 2));
}

/** Where the sentence holding `index` starts (just after the last ., !, ? or line break before it). */
function sentenceStart(text: string, index: number): number {
  return (
    Math.max(
      text.lastIndexOf('.', index),
      text.lastIndexOf('!', index),
      text.lastIndexOf('?', index),
      text.lastIndexOf('\n', index),
    ) + 1
  );
}

function sentenceOf(text: string, index: number): string {
  const start = sentenceStart(text, index);
  const rest = text.slice(index);
  const end = rest.search(/[.!?\n]/u);
  return text.slice(start, end < 0 ? text.length : index + end);
}

const ACT_EXCLUDED_FACTS = new Set<FactName>(['consent', 'setting']);

function set<F extends FactName>(out: Extraction, fact: F, value: Facts[F], evidence: string): void {
  if (out.facts[fact] !== undefined) return;
  out.facts[fact] = value;
  out.evidence[fact] = evidence.trim();
}

export function extractFacts(message: string, opts: ExtractOptions = {}): Extraction {
  const text = normalize(message);
  const out: Extraction = { facts: {}, evidence: {} };
  const found = detectMeasure(text);
  const sessionMeasure = isMeasureId(opts.measure) ? opts.measure : undefined;
  if (found && sessionMeasure && REFINES[sessionMeasure]?.includes(found.measure)) {
    // A follow-up that mentions the general act ("vi har holdt ham fast 3 gange") keeps the specific measure.
    found.measure = sessionMeasure;
  }
  // A hold already under discussion that turns out to be for a care task ("det er til badet", "vi skal skifte
  // hans ble") is a hold in a hygiene situation (§§ 136 a-c), not § 124 d.
  if (!found && sessionMeasure === 'restraint') {
    CARE_TASK.lastIndex = 0;
    const care = CARE_TASK.exec(text);
    if (care && !isNegated(text, care.index, care[0].length)) {
      out.measure = 'hygiene_restraint';
      out.evidence['measure'] = care[0];
    }
  }
  // A lock-in under discussion that turns out to be for the night ("om natten, 23-07") is the night lock-in.
  if (!found && sessionMeasure === 'other' && opts.known?.locksPersonIn === true) {
    NIGHT_TIME.lastIndex = 0;
    const night = NIGHT_TIME.exec(text);
    if (night) {
      out.measure = 'night_lock_in';
      out.evidence['measure'] = night[0];
    }
  }
  if (found) {
    out.measure = found.measure;
    out.evidence['measure'] = found.evidence;
  }
  const contextMeasure: MeasureId | undefined =
    found?.measure ?? out.measure ?? (isMeasureId(opts.measure) ? opts.measure : undefined);
  if (found) for (const [k, v] of Object.entries(found.facts)) set(out, k as FactName, v as never, found.evidence);

  // Collect candidates: plain matches first (by rule order), negated values after all plain ones.
  const negatedCandidates: { fact: FactName; value: unknown; evidence: string }[] = [];
  let dementiaNegated: string | undefined;
  // Words that describe the act itself ("nægte hans bror adgang", "flytte hende til et plejecenter")
  // are not evidence of consent, actor or setting.
  const actStart = found ? text.indexOf(found.evidence) : -1;
  const actEnd = actStart >= 0 && found ? actStart + found.evidence.length : -1;
  const insideAct = (fact: FactName, index: number, length: number) =>
    // Only wording wholly inside the act: "ikke vil flytte på plejehjem" starts before the act and is the person's stance.
    actStart >= 0 && ACT_EXCLUDED_FACTS.has(fact) && index >= actStart && index + length <= actEnd;
  for (const rule of FACT_RULES) {
    if (rule.when && !rule.when(contextMeasure)) continue;
    if (out.facts[rule.fact] !== undefined) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      if (insideAct(rule.fact, m.index, m[0].length)) continue;
      // "flytte til det nye § 108", "visiteret til et plejehjem": where the person would go, not where they live.
      if (
        (rule.fact === 'boform' || rule.fact === 'setting') &&
        DESTINATION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))
      )
        continue;
      if (
        rule.fact === 'consent' &&
        rule.value === 'given' &&
        (REPRESENTATIVE_IN_SENTENCE.test(sentenceOf(text, m.index)) || pronounAfterRepresentative(text, m.index))
      )
        continue;
      // "hendes værge modsætter sig", "den besøgende nægter": someone else's refusal, not the person's own stance.
      if (
        rule.fact === 'consent' &&
        rule.value === 'objects' &&
        OTHER_SUBJECT_BEFORE.test(
          text
            .slice(Math.max(0, m.index - 40), m.index)
            .split(/[.!?;\n]/u)
            .pop() ?? '',
        )
      )
        continue;
      if (isNegated(text, m.index, m[0].length)) {
        if (rule.fact === 'impairmentCause' && rule.value === 'dementia') dementiaNegated ??= m[0];
        if (rule.fact === 'documentedImpairment' && rule.value === true) continue;
        // "bandt hans hænder, så han ikke kunne rive kateteret ud": a purpose, not the person's stance.
        if (rule.negated !== rule.value && inPurposeClause(text, m.index)) continue;
        if (rule.negated !== undefined && rule.negated !== 'skip') {
          negatedCandidates.push({
            fact: rule.fact,
            value: rule.negated,
            evidence: contextOf(text, m.index, m[0].length),
          });
        }
        continue;
      }
      set(out, rule.fact, rule.value as never, m[0]);
      break;
    }
  }
  for (const c of negatedCandidates) set(out, c.fact, c.value as never, c.evidence);

  // "hun har ikke demens": another cause only when an impairment is described or already known.
  if (dementiaNegated && out.facts.impairmentCause === undefined) {
    const impaired =
      out.facts.documentedImpairment === true ||
      opts.known?.documentedImpairment === true ||
      opts.assumeImpairment === true;
    if (impaired) set(out, 'impairmentCause', 'other', `ikke ${dementiaNegated}`);
  }

  extractNumbers(text, out, contextMeasure);
  // The decision's date ("afgørelsen er fra marts 2025"), only when a decision is spoken of.
  if (out.facts.decisionExists === true || opts.known?.decisionExists === true) {
    const about =
      /\b(?:afgørelse|tilladelse)\w*\s+(?:\w+\s+){0,4}?(?:fra|af|truffet|dateret|givet)\b[^;!?\n]{0,40}/u.exec(text);
    const when = about ? dateOf(about[0], today()) : null;
    if (when) set(out, 'decisionDate', when, about![0]);
  }
  return out;
}

function contextOf(text: string, index: number, length: number): string {
  const start = clauseStart(text, index);
  const end = Math.min(text.length, index + length + 20);
  const tail = text.slice(index + length, end).split(/[.!?;:,\n]/u)[0] ?? '';
  return (text.slice(start, index + length) + tail).trim();
}

function extractNumbers(text: string, out: Extraction, measure: MeasureId | undefined): void {
  PRIOR_COUNT.lastIndex = 0;
  const prior = PRIOR_COUNT.exec(text);
  if (prior?.[1]) {
    const n = parseNumberWord(prior[1]);
    if (n !== undefined) set(out, 'priorHygieneRestraintsLast6Months', n, prior[0]);
  } else if (measure === 'hygiene_restraint') {
    const earlier = earlierHolds(text);
    if (earlier) set(out, 'priorHygieneRestraintsLast6Months', earlier.n, earlier.evidence);
    NEVER_BEFORE.lastIndex = 0;
    const never = NEVER_BEFORE.exec(text);
    if (never) set(out, 'priorHygieneRestraintsLast6Months', 0, never[0]);
  }
  REQUESTED_MONTHS.lastIndex = 0;
  for (let m = REQUESTED_MONTHS.exec(text); m; m = REQUESTED_MONTHS.exec(text)) {
    // Skip "de sidste 6 måneder" (a look-back, not a requested duration).
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:sidste|seneste)\s*$/u.test(before)) continue;
    const n = m[1] ? parseNumberWord(m[1]) : m[2] === 'halvt år' ? 6 : m[2] === 'år' ? 12 : undefined;
    if (n !== undefined && n > 0) {
      set(out, 'requestedMonths', n, m[0]);
      break;
    }
  }
  STAFF_PRESENT.lastIndex = 0;
  const staff = STAFF_PRESENT.exec(text);
  const staffWord = staff?.[1] ?? staff?.[2];
  if (staff && staffWord) {
    const n = parseNumberWord(staffWord);
    if (n !== undefined && n > 0) set(out, 'staffPresent', n, staff[0]);
  }
  CLOCK_SPAN.lastIndex = 0;
  const span = CLOCK_SPAN.exec(text);
  if (span) {
    const start = Number(span[1]) + Number(span[2] ?? 0) / 60;
    const end = Number(span[3]) + Number(span[4] ?? 0) / 60;
    if (start <= 24 && end <= 24) {
      set(out, 'hours', Math.round(spanHours(start, end) * 100) / 100, span[0]);
      if (measure === 'night_lock_in' || measure === 'seclusion_room')
        set(out, 'withinNightWindow', withinNight(start, end), span[0]);
    }
  }
  if (measure !== undefined && HOLDS.includes(measure)) {
    MINUTES.lastIndex = 0;
    const m = MINUTES.exec(text);
    if (m) {
      const phrase = m[3]?.replace(/\s+/gu, ' ');
      const n = phrase ? MINUTE_PHRASES[phrase] : m[1] ? parseMinutes(m[1]) : Number(m[2]);
      if (n !== undefined && n > 0 && n <= 1440) set(out, 'holdMinutes', n, m[0]);
    }
  }
  // "hele natten" for holding or restraint is hours of holding (fiksering), not a kap. 24 d night window.
  if (out.facts.hours === undefined && measure === 'restraint') {
    LONG_SPAN.lastIndex = 0;
    const long = LONG_SPAN.exec(text);
    if (long) set(out, 'hours', /dag|døgn/u.test(long[0]) ? 12 : /nat/u.test(long[0]) ? 8 : 2, long[0]);
  }
  if (out.facts.hours === undefined) {
    HOURS.lastIndex = 0;
    const h = HOURS.exec(text);
    if (h?.[1]) {
      const n = parseNumberWord(h[1]);
      if (n !== undefined && n > 0) set(out, 'hours', n, h[0]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Follow-up answers

export type AnswerOption = string | number | boolean | { value: unknown; label?: string };

const DONT_KNOW = rx(
  String.raw`^(?:det\s+)?(?:ved\s+(?:jeg|vi)\s+ikke|ved\s+ikke)|\bved\s+(?:det\s+)?ikke\b|\bved\s+jeg\s+ikke\b|\baner\s+(?:det\s+)?ikke|\busikker\w*|\bikke\s+sikker|\bkan\s+ikke\s+svare|\bukendt\b|\bhar\s+ingen\s+anelse|^\?+$|^måske\b`,
  'iu',
);
const YES = rx(
  String.raw`^(?:ja|jo|jep|jah|yes|korrekt|rigtigt|det\s+stemmer|det\s+er\s+rigtigt|præcis|bestemt|helt\s+sikkert|det\s+(?:gør|er|har|vil)\s+(?:hun|han|den|det|vi|de)(?!\s+ikke))\b`,
  'iu',
);
const NO = rx(
  String.raw`^(?:nej|nope|nix|nej\s+tak|ikke\s+rigtigt|forkert|ingen|aldrig|det\s+(?:gør|er|har|vil)\s+(?:hun|han|den|det|vi|de)\s+ikke)\b`,
  'iu',
);

function optionValue(o: AnswerOption): unknown {
  return typeof o === 'object' && o !== null ? o.value : o;
}
function optionLabel(o: AnswerOption): string {
  return typeof o === 'object' && o !== null ? (o.label ?? String(o.value)) : String(o);
}
const clean = (s: string) =>
  normalize(s)
    .replace(/[.!?,;:"']+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/**
 * Maps a reply to a follow-up question about `fact` to a value, or undefined when the reply does not
 * answer it (including "det ved jeg ikke"). `options` are the quick-reply options offered, as values
 * or `{value, label}` objects.
 */
export function parseAnswer(
  fact: string,
  text: string,
  options: readonly AnswerOption[] = [],
  opts: ExtractOptions = {},
): unknown {
  const reply = clean(text);
  if (!reply) return undefined;
  if (DONT_KNOW.test(reply) && !rx(String.raw`\b(?:demen\w*|alzheimer\w*)`, 'iu').test(reply)) return undefined;

  // 1. An option given exactly, by label or value.
  for (const o of options) {
    if (clean(optionLabel(o)) === reply || clean(String(optionValue(o))) === reply) return optionValue(o);
  }

  // The measure itself ("det handler om at låse hoveddøren").
  if (fact === 'measure') {
    const m = extractFacts(text, opts).measure;
    if (m !== undefined && (options.length === 0 || options.some((o) => optionValue(o) === m))) return m;
    return containedOption(reply, options);
  }

  // A date ("1. marts 2025", "for et år siden").
  if (fact === 'decisionDate') return dateOf(reply, today()) ?? undefined;

  // 2. Words that state the fact itself ("hun har demens", "værgen modsætter sig").
  const factName = fact as FactName;
  const extracted = extractFacts(text, {
    ...opts,
    assumeImpairment: factName === 'impairmentCause' || opts.assumeImpairment,
  });
  const value = extracted.facts[factName];
  if (value !== undefined) return value;

  // 3. Yes / no.
  const yes = YES.test(reply);
  const no = !yes && NO.test(reply);
  if (yes || no) {
    const byLabel = options.find((o) => clean(optionLabel(o)).startsWith(yes ? 'ja' : 'nej'));
    if (byLabel !== undefined) return optionValue(byLabel);
    if (BOOLEAN_FACTS.includes(factName)) return yes;
    if (options.length === 2 && options.every((o) => typeof optionValue(o) === 'boolean')) return yes;
    if (NUMBER_FACTS.includes(factName) && no) return 0;
  }

  // 4. Numbers ("3", "tre gange").
  if (NUMBER_FACTS.includes(factName)) {
    if (/\bhalvt\s+år\b/u.test(reply)) return 6;
    const m = rx(String.raw`\b(${NUMBER_SOURCE})\b`, 'iu').exec(reply);
    const n = m?.[1] ? parseNumberWord(m[1]) : undefined;
    if (n !== undefined) return n;
    if (/\b(?:aldrig|ingen\s+gange)\b/u.test(reply)) return 0;
  }

  // 5. An option label contained in a longer reply ("vi bruger GPS" for label "GPS").
  return containedOption(reply, options);
}

function containedOption(reply: string, options: readonly AnswerOption[]): unknown {
  const contained = options.filter((o) => {
    const label = clean(optionLabel(o));
    return label.length >= 3 && rx(String.raw`\b${escapeRegExp(label)}\b`, 'iu').test(reply);
  });
  return contained.length === 1 ? optionValue(contained[0]!) : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
