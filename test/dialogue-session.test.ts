import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { atMostFourOptions } from '../src/dialogue/chat.ts';
import { glossEnglish, isEnglish } from '../src/dialogue/english.ts';
import { detectMeasure, extractFacts } from '../src/dialogue/extract.ts';
import { Conversation } from '../src/dialogue/index.ts';
import { route as routeMessage } from '../src/dialogue/route.ts';
import { isUnder18 } from '../src/dialogue/scope.ts';
import { FACT_QUESTIONS } from '../src/rules/index.ts';
import { getSearcher } from '../src/search/index.ts';
import { Store } from '../src/store/index.ts';

let conversation: Conversation;
beforeAll(async () => {
  conversation = new Conversation({
    corpus: loadCorpus(),
    retriever: await getSearcher(),
    store: await Store.open(':memory:'),
  });
});

async function talk(...messages: string[]) {
  let sessionId: string | undefined;
  let last: Awaited<ReturnType<Conversation['handle']>> | undefined;
  for (const message of messages) {
    last = await conversation.handle({ message, ...(sessionId ? { sessionId } : {}) });
    sessionId = last.sessionId;
  }
  return last!;
}

describe('municipal Danish', () => {
  it('"visitere" as allocating a place or a service is not a body search', () => {
    expect(detectMeasure('Kommunen har visiteret ham til et andet § 108')).toBeUndefined();
    expect(detectMeasure('Hvad betyder visiteret hjælp?')).toBeUndefined();
    expect(detectMeasure('Visitationsudvalget har sagt ja')).toBeUndefined();
    expect(detectMeasure('Må vi visitere ham med to mandlige kolleger?')?.measure).toBe('body_search');
    expect(detectMeasure('Han fik en kniv taget ved visitationen i går')?.measure).toBe('body_search');
  });
});

describe('later turns read against the session', () => {
  it('another act mentioned in passing adds to the case instead of replacing it', async () => {
    const r = await talk(
      'Kan vi få særlig døråbner til Arne med demens? Han går ud om natten og har to gange gået ud på jernbanen',
      'GPS har vi prøvet i 2 måneder men han tager den af',
    );
    expect(r.verdict?.measure).toBe('special_door_opener');
  });
  it('a later turn that asks about another act starts that case', async () => {
    const r = await talk('Må vi låse hoveddøren om natten for Arne med demens?', 'Må vi så give ham en GPS i stedet?');
    expect(r.verdict?.measure).toBe('welfare_technology');
  });
  it('a hypothetical in a later turn ("og hvis vi skal holde ham …") is a question about that act', async () => {
    const r = await talk(
      'Ahmed slår hovedet mod væggen. Ergoterapeuten foreslår en blød hjelm. Er det magtanvendelse?',
      'men hvad hvis han nægter og vi skal holde ham fast for at få den på?',
    );
    expect(r.verdict?.measure).toBe('restraint');
  });
});

describe('journal context', () => {
  it('a short question with context.measure is about the journal case, also "Hvem træffer afgørelsen?"', async () => {
    const r = await conversation.handle({
      message: 'Hvem træffer afgørelsen?',
      context: { measure: 'relocation', facts: { impairmentCause: 'other', consent: 'objects' } },
    });
    expect(r.route).toBe('rule_evaluator');
    expect(r.verdict?.outcome).toBe('requires_family_court_decision');
  });
});

describe('follow-up options', () => {
  it('a question with more than four answers shows its first three and "Noget andet"', () => {
    const q = FACT_QUESTIONS.beltReason;
    expect(q.options.length).toBeGreaterThan(4);
    const shown = atMostFourOptions(q);
    expect(shown.options.map((o) => o.value)).toEqual([...q.options.slice(0, 3).map((o) => o.value), 'other_answer']);
    expect(shown.options.at(-1)?.label).toBe('Noget andet');
    expect(atMostFourOptions(FACT_QUESTIONS.consent)).toEqual(FACT_QUESTIONS.consent);
  });
});

describe("the person's own stance, only when the message supports it", () => {
  const consent = (t: string) => extractFacts(t).facts.consent;
  it('a negated purpose clause is not a stance ("så han ikke kunne rive kateteret ud")', () => {
    expect(consent('Kollegaen bandt hans håndled med et lagen, så han ikke kunne rive kateteret ud.')).toBeUndefined();
    expect(consent('Han protesterer ikke.')).toBe('passive');
  });
  it("a relative's or visitor's refusal, kicking oneself or an animal, and staff's wishes are not the person's", () => {
    expect(consent('Må vi kigge ind med kamera hos fru S, datteren siger nej')).toBeUndefined();
    expect(consent('Han sparker sig selv i sengegavlen, når han spjætter')).toBeUndefined();
    expect(consent('Beboer sparker til kaninen i haven')).toBeUndefined();
    expect(consent('Vil gerne have en husorden på vores plejecenter')).toBeUndefined();
    expect(consent('Han sparker til personalet')).toBe('objects');
  });
  it('reads inability and refusal in reported speech', () => {
    expect(consent('Hun selv modsætter sig ikke, hun forstår det bare ikke.')).toBe('unable');
    expect(consent('Nu har hun sagt, at hun ikke vil have den, og smidt den på gulvet')).toBe('objects');
  });
});

describe('messages in English', () => {
  it('are recognised by their function words, Danish ones are not', () => {
    expect(isEnglish('Can we lock the balcony door in his flat?')).toBe(true);
    expect(isEnglish('What rules apply for seclusion rooms?')).toBe(true);
    expect(isEnglish('Må vi låse altandøren i hans lejlighed?')).toBe(false);
    expect(glossEnglish('Må vi låse i går?')).toBe('Må vi låse i går?');
  });
  it('are glossed into Danish words, the longest phrase first', () => {
    expect(glossEnglish('Can we put a code lock on the staff room?')).toContain('personalerummet');
    expect(glossEnglish('He is placed here by court order. Can we listen to his calls?')).toContain('anbragt ved dom');
  });
  it('get a Danish answer about the act they describe', async () => {
    const grip = await talk(
      "A resident grabbed my colleague's hair and won't let go. Am I allowed to open his fingers?",
    );
    expect(grip.verdict?.measure).toBe('release_grip');
    const calls = await talk(
      'Resident is placed in our § 108 facility by court judgment. He is buying drugs via his phone. Can we listen to his calls?',
    );
    expect(calls.verdict?.measure).toBe('monitor_communication');
    expect(calls.answer).toMatch(/kommunalbestyrelsen|afgørelse/iu);
  });
});

describe('informational questions across turns', () => {
  it('a fragment after an informational answer narrows that question instead of starting a case', async () => {
    const r = await talk('Hvor klager man over magtanvendelse?', 'over en afgørelse om særlig døråbner');
    expect(r.route).toBe('retrieval');
    expect(r.verdict).toBeUndefined();
  });
  it('a concrete case told after an informational answer is evaluated', async () => {
    const r = await talk(
      'Hvem træffer afgørelse om flytning?',
      'Vi vil flytte Hans på plejehjem, han har demens og siger nej. Må vi det?',
    );
    expect(r.route).toBe('rule_evaluator');
    expect(r.verdict?.measure).toBe('relocation');
  });
  it('a general question whether an act must be registered is informational', async () => {
    const r = await talk('Skal en særlig døråbner indberettes?');
    expect(r.route).toBe('retrieval');
  });
  it('a statement in an ongoing case continues it', async () => {
    const r = await talk(
      'Må vi låse hoveddøren til Ninas lejlighed så hun ikke går ud på gangen om natten?',
      'hun forstyrrer de andre og banker på deres døre',
    );
    expect(r.route).toBe('rule_evaluator');
    expect(r.verdict?.measure).toBe('lock_own_home_exterior');
  });
});

describe('scope: persons under 18', () => {
  it('a child in a children and youth unit is out of scope, a child the adult resident contacts is not', () => {
    expect(isUnder18('må vi låse døren på vores børn og unge afd, drengen er 14')).toBe(true);
    expect(isUnder18('Han er dømt til anbringelse og skriver med en 14-årig pige og beder om billeder')).toBe(false);
    expect(isUnder18('One resident is messaging a 13-year-old girl right now')).toBe(false);
  });
});

describe('decisive facts in staff wording', () => {
  it('a secured unit named briefly: "på den sikrede", "(dom, sikret)", "sikret afd."', () => {
    const secure = (t: string) => extractFacts(t).facts.secureUnit;
    expect(secure('Må vi visitere en beboer på den sikrede?')).toBe(true);
    expect(secure('Marie (dom, sikret) er ved at skære sig selv')).toBe(true);
    expect(secure('Anders (dom, sikret afd.) har tapet noget fast på maven')).toBe(true);
    expect(secure('Det er en sikret metode')).toBeUndefined();
  });
  it('pulling at another person is a danger to others; holding on to an arm is only the grip', () => {
    const danger = (t: string) => extractFacts(t, { measure: 'release_grip' }).facts.dangerToOthers;
    expect(danger('hun hiver i den andens hår, kan jeg løsne grebet')).toBe(true);
    expect(danger('han holder fast i min kollegas hår og hun skriger')).toBe(true);
    expect(danger('En beboer holder fast i min kollegas arm og vil ikke give slip')).toBeUndefined();
    expect(danger('vi holdt fast i ham')).toBeUndefined();
  });
  it('earlier turns are read again when the case is established only later', async () => {
    const r = await talk(
      'Beboer stak en medarbejder med en kniv i går',
      'han er udviklingshæmmet, § 108',
      'kan han flyttes uden samtykke',
    );
    expect(r.verdict?.measure).toBe('relocation_danger_to_others');
    const state = await conversation.session(r.sessionId);
    expect(state?.facts.dangerToOthers).toBe(true);
  });
});

describe('where the person lives, not where they would go', () => {
  it('a boform or setting after "til" is the destination', () => {
    const f = (t: string) => extractFacts(t, { measure: 'relocation_danger_to_others' }).facts;
    expect(f('han bor på § 107, og nu vil han gerne selv flytte til det nye § 108').boform).toBe('107');
    expect(f('Kan vi flytte en mand fra et § 108 til et andet § 108?').boform).toBe('108');
    expect(f('Vi vil flytte hende til et plejehjem').setting).toBeUndefined();
  });
  it('a correction names the cause and the belt reason anew', () => {
    expect(extractFacts('rettelse: Lis har udviklingshæmning, demensen er ikke udredt').facts.impairmentCause).toBe(
      'other',
    );
    expect(
      extractFacts('Det er faktisk ikke fald, hun sidder skævt', { measure: 'fabric_belt' }).facts.beltReason,
    ).toBe('sitting_posture');
  });
});

describe('"Drejer det sig om …?" answered with more description', () => {
  it('ranks the candidates on everything told so far', async () => {
    const first = await talk('Hvad gør vi når Holger tager fat i de andre beboeres arme og ikke vil slippe?');
    expect(first.followUp?.fact).toBe('measure');
    const r = await conversation.handle({
      sessionId: first.sessionId,
      message: 'han har demens og klemmer hårdt, fru Nør fik blå mærker i går',
    });
    expect(r.verdict?.measure).toBe('release_grip');
  });
});

describe('facts that decide the outcome of locks, belts and night lock-in', () => {
  const f = (t: string, measure: string) => extractFacts(t, { measure: measure as never }).facts;
  it('reads clock spans without "kl." and keeps counts out of them', () => {
    expect(f('kan vi låse hans dør fra 20 til 8, han er dømt', 'night_lock_in').hours).toBe(12);
    expect(f('Det vil være fra kl. 20 til kl. 8.', 'night_lock_in').hours).toBe(12);
    expect(f('det sker fra 2 til 3 gange om ugen', 'night_lock_in').hours).toBeUndefined();
  });
  it('a lock that leaves no way out, a door opener that does not open, a single episode', () => {
    expect(f('må vi låse alle låger i haven så ingen kan komme ud', 'lock_outdoor_gate').unlockedAccessRemains).toBe(
      false,
    );
    expect(f('nu vil vi have den låst helt om natten', 'special_door_opener').onlyDelays).toBe(false);
    expect(f('hun har kun slået én gang', 'lock_common_room_door').repeated).toBe(false);
  });
  it('the purpose of a belt and a lock of the flat towards the hallway', () => {
    expect(f('Kan vi bruge selen for at hun ikke vandrer rundt om natten?', 'fabric_belt').beltReason).toBe(
      'restlessness',
    );
    expect(
      f('kan vi låse døren ud til gangen hos Peter om natten', 'lock_own_home_exterior').locksIndoorCommonAreas,
    ).toBe(true);
    expect(
      f('Vi vil låse terrassedøren og vinduerne, døren ud til gangen bliver ulåst.', 'lock_own_home_exterior')
        .locksIndoorCommonAreas,
    ).toBeUndefined();
  });
});

describe('searches of visitors', () => {
  it("looking in a visitor's bag after the scanner is § 137 h, stk. 7; scanning visitors stays the scanner", () => {
    expect(
      detectMeasure('En besøgende har en stor taske med. Scanneren gav udslag. Må vi kigge i tasken og jakken?')
        ?.measure,
    ).toBe('search_visitor');
    expect(detectMeasure('Kan vi scanne alle besøgende med bøjlescanner ved indgangen?')?.measure).toBe('scanner');
    expect(detectMeasure('Vi fandt et sim-kort i hans sok ved scanning efter et besøg')?.measure).toBe('scanner');
  });
});

describe('earlier holds in care situations', () => {
  const prior = (t: string) =>
    extractFacts(t, { measure: 'hygiene_restraint' }).facts.priorHygieneRestraintsLast6Months;
  it('by count, ordinal, months, or never before', () => {
    expect(prior('Vi har holdt ham fast én gang i august. Må vi gøre det igen nu?')).toBe(1);
    expect(prior('Det er anden gang på 3 måneder')).toBe(1);
    expect(prior('vi har holdt ham ved negleklipning i april og igen i juni')).toBe(2);
    expect(prior('vi har allerede gjort det to gange siden august')).toBe(2);
    expect(prior('det har vi ikke gjort med fastholdelse før')).toBe(0);
  });
  it('a single hold in a named month may be the incident itself; a daily routine is not a count of holds', () => {
    expect(prior('Vi holdt Morten ved hårklipning i januar')).toBeUndefined();
    expect(prior('Må vi holde hende, når vi børster tænder to gange om dagen?')).toBeUndefined();
  });
});

describe('relocation: the representative and the help at home', () => {
  const f = (t: string) => extractFacts(t, { measure: 'relocation' }).facts;
  it('a representative who agrees, also the speaker or a relative with the attest', () => {
    expect(f('jeg er fremtidsfuldmægtig og synes det er bedst').representativeObjects).toBe(false);
    expect(f('jeg har fået attest som nær pårørende og jeg siger ja').representativeObjects).toBe(false);
    expect(f('Jeg har en fremtidsfuldmagt og er enig i at hun skal flytte').consent).toBeUndefined();
    expect(f('Men værgen tiltræder ikke vores indstilling om plejebolig').representativeObjects).toBe(true);
  });
  it('whether the help can be given at home', () => {
    expect(f('Hjemmeplejen kan godt dække hans behov, hvis vi øger til fire besøg').helpPossibleInCurrentHome).toBe(
      true,
    );
    expect(f('Hjemmeplejen kan ikke længere dække det').helpPossibleInCurrentHome).toBe(false);
    expect(extractFacts('Hjemmeplejen kan godt dække det').facts.helpPossibleInCurrentHome).toBeUndefined();
  });
});

describe('holding someone who destroys things', () => {
  it('is averting damage, also "river … i stykker" and "knuser glas"', () => {
    expect(detectMeasure('må vi holde ham når han river et gammelt ugeblad i stykker')?.measure).toBe(
      'averting_damage',
    );
    expect(detectMeasure('Han knuser glas i køkkenet, må vi holde hans arme?')?.measure).toBe('averting_damage');
  });
});

describe('holds for equipment, medicine and food', () => {
  it('holding the person to put a helmet or gloves on is the hold', () => {
    expect(detectMeasure('Min kollega holdt hendes hænder mens jeg trak beskyttelseshandskerne på')?.measure).toBe(
      'restraint',
    );
    expect(detectMeasure('Ergoterapeuten foreslår en blød hjelm')?.measure).toBe('protective_equipment');
  });
  it('holding for medicine or food has no basis in kap. 24 (other)', () => {
    expect(detectMeasure('Vagten holdt hans arme mens en anden puttede pillen i munden på ham')?.measure).toBe('other');
    expect(detectMeasure('kan vi holde hendes hoved og give hende mad')?.measure).toBe('other');
    expect(detectMeasure('Må Ole holdes fast hver gang han nægter at tage medicin?')?.measure).toBe('other');
  });
});

describe('night lock-in', () => {
  it('a lock-in over the evening and night hours, or "i nat", is the night lock-in', () => {
    expect(detectMeasure('Må vi låse ham inde fra kl. 19 til 7? Han er dømt')?.measure).toBe('night_lock_in');
    expect(detectMeasure('kan vi stadig låse ham inde 22-06, han er dømt')?.measure).toBe('night_lock_in');
    expect(detectMeasure('Kan vi låse ham inde?')?.measure).toBe('other');
  });
  it('a lock-in under discussion that turns out to be for the night', async () => {
    const r = await talk('Kan vi låse ham inde?', 'om natten, 23-07, han er dømt og har planlagt flugt');
    expect(r.verdict?.measure).toBe('night_lock_in');
  });
});

describe('general questions with an unspecified subject', () => {
  it('"Må man …?", "Kan en værge …?" are about the rules; with a person referred to they are a case', () => {
    expect(routeMessage('Kan en værge give samtykke til at borgeren flytter på plejehjem?').route).toBe('retrieval');
    expect(routeMessage('Må man kigge i besøgendes tasker på en sikret afdeling?').route).toBe('retrieval');
    expect(routeMessage('Må man holde hende fast, når hun slår ud efter os?').route).toBe('rule_evaluator');
  });
});

describe('visitors kept out, in everyday words', () => {
  it("out of the resident's own room is § 137 c; out of the common rooms § 137 b", () => {
    expect(detectMeasure('Sønnen skal holdes ude af morens stue, han truer personalet under plejen')?.measure).toBe(
      'visitor_restriction_own_home',
    );
    expect(detectMeasure('sønnen er fuld igen og råber i spisestuen, kan vi smide ham ud nu')?.measure).toBe(
      'visitor_restriction_common_areas',
    );
    expect(detectMeasure('Kan vi smide ham ud af spisestuen, når han slår?')?.measure).not.toBe(
      'visitor_restriction_common_areas',
    );
  });
});

describe('belts and cupboards by the names staff use', () => {
  it('a belt named by where it sits, a cupboard by what is in it', () => {
    expect(detectMeasure('Kan vi give Gunnar en maveselen på de travle eftermiddage?')?.measure).toBe('fabric_belt');
    expect(detectMeasure('Må vi bruge hoftebæltet i kørestolen?')?.measure).toBe('fabric_belt');
    expect(detectMeasure('Kan vi søge om at låse hans hobbyskab?')?.measure).toBe('lock_cupboards');
  });
});

describe('"uden" and decisions already made', () => {
  it('"uden" negates what follows it, not what comes before it', () => {
    expect(extractFacts('Døråbner uden dørsignal, er det lovligt?').facts.doorAlarm).toBe(false);
    expect(extractFacts('en beboer med demens uden at spørge kommunen').facts.impairmentCause).toBe('dementia');
    expect(
      extractFacts('Kan vi bare åbne al post som fast rutine, uden at vi har nogen konkret mistanke?', {
        measure: 'check_post',
      }).facts.suspicion,
    ).toBe('none');
  });
  it('an act done "efter afgørelsen" has a decision', () => {
    expect(extractFacts('Vi gennemgår værelser hos anbragte efter afgørelse').facts.decisionExists).toBe(true);
  });
});

describe('a refusal with the subject after the verb', () => {
  it('"siger hun højt nej", "siger han vil blive hjemme"', () => {
    expect(extractFacts('Nu siger hun højt nej og prøver at slukke den').facts.consent).toBe('objects');
    expect(extractFacts('Min far skal flyttes, men han siger han vil blive hjemme').facts.consent).toBe('objects');
  });
});
