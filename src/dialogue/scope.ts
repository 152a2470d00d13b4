/**
 * Scope checks the conversation makes before any verdict. Kap. 24–24 d of serviceloven concern adults: a message
 * about a child or young person under 18 gets a clear Danish answer and no verdict.
 */
import { rx } from './lexicon.ts';

/** An age under 18 stated as "13 år", "13-årig", "en dreng på 13", "13 years old", or a child setting. */
const UNDER_18 = rx(
  String.raw`\b(?:[1-9]|1[0-7])\s*(?:-\s*)?(?:år(?:ig\w*|s)?|years?(?:\s*-?\s*old)?|yo)\b|\b(?:dreng|pige|barn|elev|teenager)\s+på\s+(?:[1-9]|1[0-7])\b|\b(?:drengen|pigen|barnet|eleven|den\s+unge)\s+er\s+(?:[1-9]|1[0-7])\b|\bbørne-?\s*og\s*unge\w*|\bbørn\s+og\s+unge\b|\b(?:børneinstitution\w*|børnehjem\w*|døgninstitution\s+for\s+(?:børn|unge)|opholdssted\w*\s+for\s+(?:børn|unge)|børnehave\w*|vuggestue\w*|skolebørn|mindreårig\w*|under\s+18(?:\s+år)?|ikke\s+fyldt\s+18|anbragt\s+barn|anbragte\s+børn|minor|child(?:ren)?)\b`,
  'giu',
);

/** "13 år siden", "i 2 år", "for 5 år" are durations, not ages. */
const DURATION = rx(
  String.raw`\b(?:[1-9]|1[0-7])\s*år\s+(?:siden|tilbage|efter|før|senere)\b|\b(?:i|for|gennem|over|de\s+sidste|de\s+seneste|om|efter)\s+(?:[1-9]|1[0-7])\s*år\b`,
  'iu',
);

/** Contact with someone, just before an age: "skriver med en", "chatter med", "messaging a", "mødes med en". */
const CONTACT_BEFORE = rx(
  String.raw`\b(?:skriver|skrev|chatter|chattede|snakker|snakkede|taler|mødes|mødtes|sms'er|ringer|sender\s+beskeder)\s+(?:\w+\s+){0,2}(?:med|til)\s+(?:en|et|nogle|flere)\s*$|\b(?:messaging|texting|chatting\s+with|writing\s+to|talking\s+to|meeting)\s+(?:a|an|some)\s*$`,
  'iu',
);

export function isUnder18(text: string): boolean {
  UNDER_18.lastIndex = 0;
  for (let m = UNDER_18.exec(text); m; m = UNDER_18.exec(text)) {
    const around = text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 10);
    DURATION.lastIndex = 0;
    if (/\d/u.test(m[0]) && DURATION.test(around)) continue;
    // "han skriver med en 14-årig pige": a child the adult resident contacts is not the person the act concerns.
    CONTACT_BEFORE.lastIndex = 0;
    if (CONTACT_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    return true;
  }
  return false;
}

export const UNDER_18_ANSWER = [
  '**Reglerne om magtanvendelse i serviceloven kap. 24–24 d gælder for voksne (personer over 18 år).** Jeg giver derfor ingen vurdering af indgreb over for et barn eller en ung under 18.',
  'For børn og unge gælder andre regler (bl.a. barnets lov og reglerne om magtanvendelse over for anbragte børn og unge). Spørg din leder eller kommunens børne- og familieafdeling.',
].join('\n\n');
