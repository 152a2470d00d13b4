/**
 * Offline routing of a staff message, without any language model:
 * - rule_evaluator: a concrete question about an act ("må vi …", "kan vi …", "er det lovligt at …",
 *   "har vi lov til …", "skal vi have tilladelse til …") or a described intended act ("vi overvejer at låse …");
 * - retrieval: an informational question about the rules ("hvad siger reglerne om …", "hvem klager man til …",
 *   "hvad er fristen …", "§ 128 c");
 * - out_of_scope: small talk and other subjects (weather, poems, parking, salaries).
 */
import { detectMeasure } from './extract.ts';
import { DOMAIN_TERMS, normalize, OFF_TOPIC_TERMS, rx, SMALL_TALK } from './lexicon.ts';

export type Route = 'rule_evaluator' | 'retrieval' | 'out_of_scope';

export interface RouteResult {
  route: Route;
  /** Short technical explanation (for logs and tests, not shown to users). */
  reason: string;
}

/** Question forms asking whether staff may do something. */
const ACT_QUESTION = rx(
  String.raw`\b(?:må|kan|skal|bør|burde)\s+(?:vi|jeg|man|personalet|medarbejderne|vikaren|nattevagten|hjemmeplejen|pædagogen|plejepersonalet|kollegaen|min\s+kollega)\b|\ber\s+det\s+(?:\w+\s+)?(?:lovligt|tilladt|ok|okay|i\s+orden|forbudt|ulovligt|magtanvendelse)\b|\bhar\s+(?:vi|jeg|man|personalet)\s+lov\s+til|\bskal\s+(?:vi|jeg|man)\s+have\s+(?:\w+\s+)?(?:tilladelse|afgørelse|godkendelse)|\bkræver\s+det\s+(?:en\s+)?(?:tilladelse|afgørelse|godkendelse)|\bhvad\s+gør\s+(?:vi|jeg|man)\s+(?:hvis|når)|\bhvordan\s+må\s+(?:vi|jeg|man)`,
  'iu',
);

/** Statements of an intended or ongoing act. */
const ACT_STATEMENT = rx(
  String.raw`\b(?:vi|jeg|personalet|ledelsen|lederen|kommunen|teamet|afdelingen|familien|datteren|sønnen|pårørende)\s+(?:\w+\s+)?(?:overvejer|vil\s+gerne|ønsker|påtænker|planlægger|tænker\s+på|har\s+tænkt\s+os|har\s+tænkt\s+mig|vil|er\s+ved\s+at|plejer\s+at|har\s+(?:\w+\s+)?(?:låst|holdt|fastholdt|brugt|sat))\b`,
  'iu',
);

/** Informational question forms. */
const INFO_QUESTION = rx(
  String.raw`\bhvad\s+(?:siger|sagde|står\s+der\s+i|stod\s+der\s+i|er|var|betyder|betød|gælder|gjaldt|indebærer|dækker|menes|kræver|krævede)\b|\b(?:gamle|tidligere)\s+regler\b|\bhvem\s+(?:klager|kan|skal|træffer|beslutter|afgør|godkender|er)\b|\bhvor\s+(?:mange|meget|længe|lang|tit|ofte|klager|skal|finder)\b|\b(?:højst|maksimalt|længst)\s+(?:\w+\s+)?(?:gælde|vare|løbe)|\bhvornår\s+(?:skal|må|er|gælder)\b|\bhvordan\s+(?:klager|indberetter|registrerer|søger|ansøger|dokumenterer|skal)\b|\bhvilke\s+(?:regler|krav|betingelser|paragraffer|frister|skemaer)\b|\bhvilken\s+(?:paragraf|frist|bestemmelse|regel)\b|\bforklar\b|\bfortæl\b|\bdefin\w+|\bfrist\w*|§\s*\d+|\bparagraf\s*\d+|\bkap(?:itel|\.)\s*24\b|\bregler\s+om\b|\breglerne\b`,
  'iu',
);

/** Procedural verbs: "kan vi klage?" asks about the procedure, not about an act on a person. */
const PROCEDURAL = rx(
  String.raw`\b(?:må|kan|skal)\s+(?:vi|jeg|man|pårørende)\s+(?:\w+\s+)?(?:klage\w*|indberette\w*|registrere\w*|søge\w*|ansøge\w*|anke\w*|få\s+aktindsigt|få\s+en\s+kopi|se\s+afgørelsen|dokumentere\w*|få\s+hjælp\s+til\s+at\s+forstå|sende\w*|udfylde\w*|underrette\w*|orientere\w*|give\s+besked|læse\s+(?:mere|reglerne))\b|\bhvordan\s+(?:registrerer|indberetter|dokumenterer|klager|søger|udfylder)\b|\bskal\s+(?:en|et|man|sådan\s+\w+)\s+(?:[^?.!\n]{0,60}\s)?(?:registreres|indberettes|dokumenteres|journaliseres)\b`,
  'iu',
);

/** Verbs of physical or restrictive acts on a person, used when no specific measure was recognised. */
const ACT_VERB = rx(
  String.raw`\b(?:lås\w*|børst\w*|barber\w*|vaske\w*|klippe\w*|skifte\w*|give\s+(?:\w+\s+)?bad|aflås\w*|holde\w*|holdt|fasthold\w*|tilbagehold\w*|spænde\w*|tvinge\w*|flytte\w*|føre\w*|bære\w*|trække\w*|stoppe\w*|forhindre\w*|give\s+(?:\w+\s+)?medicin\w*|skjule\w*|tage\s+(?:\w+\s+)?fra|overvåge\w*|filme\w*|optage\w*|visitere\w*|gennemsøge\w*|ransage\w*|begrænse\w*|nægte\w*|forbyde\w*|inddrage\w*|bruge\s+(?:\w+\s+){0,2}(?:alarm|sensor|gps|kamera|sele|bælte)\w*|sætte\s+(?:\w+\s+){0,3}(?:alarm|sensor|lås|sele|gps)\w*)`,
  'iu',
);

const PAST_ACT = rx(
  String.raw`\b(?:vi|jeg|personalet|kollegaen|min\s+kollega|nattevagten|vikaren)\s+(?:har\s+|havde\s+)?(?:holdt|fastholdt|låste|låst|brugte|brugt|førte|ført|bar|båret|tog|taget|spændte|spændt|lukkede|lukket|satte|sat)\b`,
  'iu',
);

/** A question opening with an unspecified subject. */
const GENERIC_SUBJECT = rx(
  String.raw`^(?:og\s+)?(?:må|kan|skal|bør)\s+(?:man|en\s+(?:anbragt|værge|fremtidsfuldmægtig|pårørende|pedel|vikar|leder|kommune|beboer|borger|medarbejder)\w*|de\s+andre\s+beboere|personalet\s+generelt)\b`,
  'iu',
);

/** Words that make it a particular case: a person referred to, "vores", a time. */
const CONCRETE_CASE = rx(
  String.raw`\b(?:han|hun|ham|hende|hans|hendes|vores|vi\s+har|hos\s+os|i\s+dag|i\s+går|i\s+nat|i\s+aften|lige\s+nu|nu)\b`,
  'iu',
);

const OLD_RULES = rx(String.raw`\b(?:gamle|tidligere|forrige)\s+regler\b|\bfør\s+2025\b|\b20(?:1\d|2[0-4])\b`, 'iu');

export function route(message: string): RouteResult {
  const text = normalize(message);
  if (!text) return { route: 'out_of_scope', reason: 'empty message' };
  if (SMALL_TALK.test(text)) return { route: 'out_of_scope', reason: 'small talk' };

  const found = detectMeasure(text);
  const domain = DOMAIN_TERMS.exec(text);
  const offTopic = OFF_TOPIC_TERMS.exec(text);

  if (!found && offTopic) return { route: 'out_of_scope', reason: `off-topic subject: "${offTopic[0]}"` };
  if (!found && !domain) return { route: 'out_of_scope', reason: 'no domain term and no recognised act' };

  const actQuestion = ACT_QUESTION.exec(text);
  const actStatement = ACT_STATEMENT.exec(text);
  const procedural = PROCEDURAL.exec(text);
  const info = INFO_QUESTION.exec(text);
  const actVerb = ACT_VERB.exec(text);

  // An incident that happened ("vi holdt ham fast i går … hvornår skal det registreres?"): the evaluator's verdict
  // carries the registration regime and deadline for exactly that act.
  const incident = found ? PAST_ACT.exec(text) : null;
  if (incident) return { route: 'rule_evaluator', reason: `described incident "${incident[0]}" (${found!.measure})` };
  if (procedural) return { route: 'retrieval', reason: `procedural question: "${procedural[0]}"` };
  // "Må man …?", "Kan en værge …?", "Må en anbragt …?" about no one in particular: a question about the rules.
  const generic = GENERIC_SUBJECT.exec(text);
  if (generic && !CONCRETE_CASE.test(text)) return { route: 'retrieval', reason: `general question: "${generic[0]}"` };
  // A question about the old rules asks for history, never for a verdict under them.
  if (info && OLD_RULES.test(text)) return { route: 'retrieval', reason: `question about old rules: "${info[0]}"` };
  if (found && (actQuestion || actStatement)) {
    return {
      route: 'rule_evaluator',
      reason: `act question "${(actQuestion ?? actStatement)![0]}" about ${found.measure} ("${found.evidence}")`,
    };
  }
  if ((actQuestion || actStatement) && actVerb && !procedural) {
    return {
      route: 'rule_evaluator',
      reason: `act question "${(actQuestion ?? actStatement)![0]}" with act "${actVerb[0]}"`,
    };
  }
  if (info) return { route: 'retrieval', reason: `informational question: "${info[0]}"` };
  if (found) return { route: 'rule_evaluator', reason: `described act ${found.measure} ("${found.evidence}")` };
  return { route: 'retrieval', reason: `domain question: "${domain![0]}"` };
}

/** "hvad hvis … vi skal holde ham", "vi må tage den fra ham": the act staff would carry out. */
const HYPOTHETICAL_ACT = rx(
  String.raw`\bhvad\s+(?:så\s+)?hvis\b|\bog\s+hvis\b|\b(?:vi|jeg|man|personalet)\s+(?:\w+\s+)?(?:skal|må|kan|bliver\s+nødt\s+til\s+at)\s+\w+`,
  'iu',
);

/** "det er en epilepsialarm", "det drejer sig om …": the reply names the act more precisely. */
const SPECIFIES_ACT = rx(
  String.raw`^(?:nej,?\s+|ja,?\s+)?(?:det|den|alarmen|sensoren)\s+(?:er|var|drejer\s+sig\s+om|handler\s+om|gælder)\b`,
  'iu',
);

/** "kan han flyttes …?", "må hun fastholdes?": a question in the passive about an act on the person. */
const PASSIVE_ACT_QUESTION = rx(
  String.raw`\b(?:må|kan|skal|bør)\s+(?:han|hun|de|beboeren|borgeren|den\s+besøgende)\s+(?:\w+\s+)?\w+es\b`,
  'iu',
);

/**
 * Whether a message itself asks about or announces an act ("må vi …", "vi vil …", "kan han flyttes …?"). A later
 * turn that only mentions another act in passing ("GPS har vi prøvet, men han tager den af") adds facts to the
 * session's case; one that asks about another act starts a new case.
 */
export function asksAboutAct(message: string): boolean {
  const text = normalize(message);
  return (
    ACT_QUESTION.test(text) ||
    ACT_STATEMENT.test(text) ||
    PASSIVE_ACT_QUESTION.test(text) ||
    HYPOTHETICAL_ACT.test(text) ||
    SPECIFIES_ACT.test(text)
  );
}
