import { describe, expect, it } from 'vitest';
import { extractFacts, parseAnswer } from '../src/dialogue/extract.ts';
import { isMeasureId, MEASURE_IDS, toRuleFacts } from '../src/dialogue/lexicon.ts';

const measures: [string, string][] = [
  ['Må vi låse terrassedøren om natten?', 'lock_own_home_exterior'],
  ['Scanneren bippede ved livet. Må vi visitere ham?', 'body_search'],
  ['Må vi scanne ham, når han kommer hjem?', 'scanner'],
  ['Kan vi gennemsøge en besøgendes taske?', 'search_visitor'],
  ["A visitor's bag beeped on the scanner at our secure unit. Can we look inside the bag?", 'search_visitor'],
  ['I nat kiggede jeg ind hos fru Dam med kameraet 6 gange.', 'camera_lookin'],
  ['Kan vi kigge til Erna med kamera om natten?', 'camera_lookin'],
  ['Vi overvejer at låse hoveddøren på bostedet efter kl. 22.', 'lock_own_home_exterior'],
  ['Må vi låse døren til fællesstuen om natten?', 'lock_common_room_door'],
  ['Kan vi låse køkkenet, så han ikke spiser af de andres mad?', 'lock_service_area'],
  ['Må vi låse fælleskøkkenet om aftenen?', 'lock_service_area'],
  ['Må vi låse havelågen, så hun ikke går ud på vejen?', 'lock_outdoor_gate'],
  ['Må vi låse køleskabet i hans lejlighed?', 'lock_cupboards'],
  ['Kan vi låse skabene med slik?', 'lock_cupboards'],
  ['Må vi bruge en sele i kørestolen?', 'fabric_belt'],
  ['Kan vi spænde ham fast i stolen under måltidet?', 'fabric_belt'],
  ['Må vi bruge GPS på Karen, når hun går tur?', 'welfare_technology'],
  ['Må vi sætte en babyalarm op på hans værelse?', 'welfare_technology'],
  ['Kan vi bruge lydmonitorering om natten?', 'welfare_technology'],
  ['Må vi sætte en sensor på døren?', 'welfare_technology'],
  ['Personalet vil gerne have en bevægelsesmelder ved sengen.', 'welfare_technology'],
  ['Må vi bruge et kamera til at kigge ind til ham om natten?', 'camera_lookin'],
  ['Må vi give ham en epilepsialarm i sengen?', 'seizure_alarm'],
  ['Må vi holde hende fast, mens vi børster tænder?', 'hygiene_restraint'],
  ['Kan vi holde hans hænder, når vi skifter ble?', 'hygiene_restraint'],
  ['Må vi holde ham fast, når han slår ud efter de andre?', 'restraint'],
  ['Må vi fastholde ham?', 'restraint'],
  ['Kan vi føre ham tilbage til sin lejlighed?', 'restraint'],
  ['Må vi løsne hans greb, når han hiver en kollega i håret?', 'release_grip'],
  ['Må vi guide hende ud af stuen?', 'physical_guidance'],
  ['Må vi lægge en arm om ham og gå med ham?', 'physical_guidance'],
  ['Må vi forhindre at han smadrer fjernsynet?', 'averting_damage'],
  ['Kan vi få en døråbner på hoveddøren?', 'special_door_opener'],
  ['Må vi sætte en dørlås med kode på?', 'special_door_opener'],
  ['Vi vil flytte hende til et plejecenter uden samtykke.', 'relocation'],
  ['Vi vil gerne flytte fru Dahl fra hendes eget hjem til en plejebolig.', 'relocation'],
  ['Kan vi flytte ham til et andet botilbud, fordi han er til fare for andre beboere?', 'relocation_danger_to_others'],
  ['Må vi låse op til hans lejlighed, når han ikke svarer?', 'open_home_door'],
  ['Må vi lave en husorden om rygning i fællesstuen?', 'house_rules'],
  ['Må han gå med en blød hjelm?', 'protective_equipment'],
  ['Kan vi give hende specialhandsker på om natten?', 'protective_equipment'],
  ['Må vi give medicin skjult i maden?', 'other'],
  ['Må vi tage hans telefon om aftenen?', 'other'],
  ['Må vi låse ham inde på værelset?', 'other'],
  ['Kan vi bæltefiksere ham i sengen?', 'other'],
  ['Må vi bruge sengehest, så han ikke står op?', 'other'],
  ['Må vi visitere ham, når han kommer hjem?', 'body_search'],
  ['Er kropsvisitation tilladt her?', 'body_search'],
  ['Må vi gennemsøge værelset for stoffer?', 'search_room'],
  ['Må vi scanne ham ved indgangen?', 'scanner'],
  ['Må vi låse ham ind om natten?', 'night_lock_in'],
  ['Kan vi bruge afskærmning, når han bliver voldsom?', 'seclusion_room'],
  ['Kan kommunen give hans bror besøgsforbud?', 'visitor_restriction_common_areas'],
  ['Må vi nægte hans bror adgang til fællesstuen?', 'visitor_restriction_common_areas'],
  ['Må vi indføre brevkontrol?', 'check_post'],
  ['Må vi åbne hans post?', 'check_post'],
  ['Må vi inddrage mobilen?', 'confiscation'],
  ['Må vi læse hans beskeder?', 'monitor_communication'],
  ['Må vi låse døren fra hans lejlighed ud til gangen?', 'lock_own_home_exterior'],
  ['Må vi lægge hendes mobil væk om natten?', 'other'],
  ['Kan jeg knuse hans piller og røre dem ud i kaffen, uden at han ved det?', 'other'],
  ['Må vi sikre vinduerne i hendes lejlighed, så hun ikke kravler ud?', 'lock_own_home_exterior'],
  ['Han går ud om natten. Må vi sætte en alarm på hans dør?', 'welfare_technology'],
  ['Fru Olsen vil ikke i bad. Må jeg tage tøjet af hende, selvom hun siger nej?', 'hygiene_restraint'],
  ['Må vi tvinge ham i bad?', 'hygiene_restraint'],
  ['Må vi holde hende i hånden og gå med hende tilbage til stuen?', 'physical_guidance'],
  ['Vi er på tur i Tivoli, må vi holde fast i ham, så han ikke løber væk?', 'restraint'],
];

describe('extractFacts: measure', () => {
  it.each(measures)('%s → %s', (message, measure) => {
    const out = extractFacts(message);
    expect(out.measure).toBe(measure);
    expect(out.evidence['measure']).toBeTruthy();
    expect(message.toLowerCase()).toContain(out.evidence['measure']!.split(' ')[0]!);
  });

  it('finds no measure in a message without an act', () => {
    expect(extractFacts('Hun har demens og bor på plejecentret.').measure).toBeUndefined();
    expect(extractFacts('Hvad er vejret i morgen?').measure).toBeUndefined();
  });

  it('every measure id it can return is part of the contract', () => {
    for (const [m] of measures) {
      const out = extractFacts(m);
      expect(isMeasureId(out.measure)).toBe(true);
    }
    expect(MEASURE_IDS).toContain('seclusion_room');
    expect(MEASURE_IDS).toContain('lock_own_home_exterior');
  });
});

type F = Record<string, unknown>;
const facts: [string, F][] = [
  // technology
  ['Må vi bruge GPS på hende?', { technology: 'location' }],
  ['Må vi bruge babyalarm om natten?', { technology: 'sound' }],
  ['Vi vil bruge en sensor, der melder når han står op.', { technology: 'movement' }],
  ['Kameraet optager og gemmer videoen i 24 timer.', { technology: 'video', recordsOrStores: true }],
  ['Babyalarmen er tovejs, så vi kan tale med hende.', { technology: 'sound', twoWayAudio: true }],
  ['Sensoren bruger AI til at se, om han er faldet.', { technology: 'movement', usesAI: true }],
  ['Kameraet optager ikke, det er kun live.', { recordsOrStores: false }],
  // hygiene
  ['Må vi holde fast mens vi børster tænder?', { hygieneTask: 'toothbrushing' }],
  ['Vi holder hende fast, når hun skal i bad.', { hygieneTask: 'hair_washing_bathing_handwashing_dressing' }],
  ['Kan vi holde ham ved hårvask?', { hygieneTask: 'hair_washing_bathing_handwashing_dressing' }],
  ['Må vi holde hende fast ved bleskift?', { hygieneTask: 'diaper_change' }],
  ['Vi må holde hans hænder ved negleklip.', { hygieneTask: 'hair_nail_cutting' }],
  ['Kan vi holde ham fast, når han skal barberes?', { hygieneTask: 'shaving' }],
  ['Hun skal have sårpleje, og vi må holde hendes arm.', { hygieneTask: 'wound_care' }],
  ['Vi har holdt hende 3 gange det sidste halve år.', { priorHygieneRestraintsLast6Months: 3 }],
  [
    'Vi har holdt ham fast to gange inden for de sidste 6 måneder ved tandbørstning.',
    { priorHygieneRestraintsLast6Months: 2 },
  ],
  ['Vi bruger et håndklæde til at holde hans arme.', { aidsUsed: true }],
  [
    'Han vil ikke have tandbørstning, så vi holder hans hoved, mens kollegaen børster.',
    { hygieneTask: 'toothbrushing', consent: 'objects' },
  ],
  ['Fru Olsen vil ikke i bad.', { hygieneTask: 'hair_washing_bathing_handwashing_dressing' }],
  ['Må vi låse døren fra hans lejlighed ud til gangen?', { locksIndoorCommonAreas: true }],
  // impairment
  ['Hun har demens.', { impairmentCause: 'dementia', documentedImpairment: true }],
  ['Han har Alzheimer.', { impairmentCause: 'dementia', documentedImpairment: true }],
  ['Hun har vaskulær demens.', { impairmentCause: 'dementia' }],
  ['Han er udviklingshæmmet.', { impairmentCause: 'other', documentedImpairment: true }],
  ['Han har autisme og en hjerneskade efter en ulykke.', { impairmentCause: 'other', documentedImpairment: true }],
  ['Hun er ikke udredt, vi har ingen diagnose.', { documentedImpairment: false }],
  ['Hun har ikke demens, men en erhvervet hjerneskade.', { impairmentCause: 'other' }],
  // consent
  ['Hun nægter at få selen på.', { consent: 'objects' }],
  ['Han modsætter sig, når vi skal børste tænder.', { consent: 'objects' }],
  ['Hun siger nej hver gang.', { consent: 'objects' }],
  ['Han river den af hver aften.', { consent: 'objects', repeated: true }],
  ['Hun slår ud efter os.', { consent: 'objects' }],
  ['Han protesterer ikke.', { consent: 'passive' }],
  ['Hun har ikke protesteret.', { consent: 'passive' }],
  ['Han siger ingenting, når vi gør det.', { consent: 'passive' }],
  ['Hun lader det ske.', { consent: 'passive' }],
  ['Han kan ikke give samtykke.', { consent: 'unable' }],
  ['Hun forstår det ikke.', { consent: 'unable' }],
  ['Han vil gerne have den på.', { consent: 'given' }],
  ['Hun siger ja til det.', { consent: 'given' }],
  ['Han har givet samtykke.', { consent: 'given' }],
  ['Hun siger ja, men river den af igen om natten.', { consent: 'objects' }],
  // representative
  ['Værgen modsætter sig.', { representativeObjects: true }],
  ['Datteren med attest modsætter sig GPS.', { representativeObjects: true }],
  ['Værgen er enig i det.', { representativeObjects: false }],
  ['Værgen modsætter sig ikke.', { representativeObjects: false }],
  ['Datteren er værge, og hun er enig.', { representativeObjects: false }],
  // actor
  ['Må pårørende holde hende fast, når hun skal i bad?', { actor: 'relative' }],
  ['Kan vikaren fastholde ham?', { actor: 'care_staff' }],
  ['Må pedellen holde ham fast?', { actor: 'other_staff' }],
  ['Kan rengøringen låse døren?', { actor: 'other_staff' }],
  // setting
  ['Han bor på et bosted.', { setting: 'botilbud' }],
  ['Det er i et bofællesskab.', { setting: 'botilbud' }],
  ['Hun kommer i dagtilbud tre dage om ugen.', { setting: 'dagtilbud' }],
  ['Det sker på værkstedet.', { setting: 'dagtilbud' }],
  ['Hun bor på plejecenter.', { setting: 'almen_plejebolig' }],
  ['Hun bor på et botilbud, som ligger ved plejecentret.', { setting: 'botilbud' }],
  ['Han bor i eget hjem med hjemmepleje.', { setting: 'own_home' }],
  ['Vi er på udflugt til stranden.', { setting: 'excursion' }],
  // belts
  ['Må vi bruge sele i kørestolen, så hun ikke falder ud?', { beltReason: 'fall' }],
  ['Hun skal have en sele for at sidde ordentligt.', { beltReason: 'sitting_posture' }],
  ['Han har pludselige bevægelser, så vi overvejer en stofsele.', { beltReason: 'sudden_movements' }],
  ['Hun er urolig og rejser sig hele tiden, kan vi bruge en sele?', { beltReason: 'restlessness' }],
  // locks
  ['Må vi låse terrassedøren? Døren ind til gangen forbliver ulåst.', { unlockedAccessRemains: true }],
  ['Må vi låse hoveddøren, hvis alle døre låses om natten?', { unlockedAccessRemains: false }],
  // property, repetition, numbers
  ['Må vi forhindre at han smadrer fjernsynet?', { significantPropertyDamage: true }],
  ['Må vi stoppe ham, når han vil ødelægge en plastikkop?', { significantPropertyDamage: false }],
  ['Det er sket flere gange.', { repeated: true }],
  ['Han gør det gentagne gange.', { repeated: true }],
  ['Det er sket en enkelt gang.', { repeated: false }],
  ['Vi søger om sele i 6 måneder.', { requestedMonths: 6 }],
  ['Må vi låse hoveddøren i et halvt år?', { requestedMonths: 6 }],
  // issue 9
  [
    'Han er anbragt ved dom på et § 108-botilbud.',
    { placedByCriminalJudgment: true, boform: '108', setting: 'botilbud' },
  ],
  ['Han bor frivilligt på et § 107-tilbud og er ikke dømt.', { placedByCriminalJudgment: false, boform: '107' }],
  [
    'Må vi kropsvisitere ham? Vi har begrundet mistanke om en kniv og to medarbejdere er til stede.',
    { suspicion: 'founded', staffPresent: 2 },
  ],
  ['Må vi visitere ham for en sikkerheds skyld?', { suspicion: 'none' }],
  ['Må vi kropsvisitere ham uden at scanne først?', { scannerTriedFirst: false }],
  ['Scanneren gav udslag, må vi så visitere ham?', { scannerTriedFirst: true }],
  ['Må vi åbne brevet fra hans advokat?', { protectedCorrespondent: true }],
  ['Må vi åbne pakker fra hans kammerat og læse brevene?', { protectedCorrespondent: false, readsLetters: true }],
  ['Må vi låse ham ind om natten fra kl. 22 til kl. 6?', { hours: 8, withinNightWindow: true }],
  ['Må vi låse ham inde om natten fra kl. 20 til kl. 8?', { hours: 12, withinNightWindow: false }],
  ['Han er på en sikret afdeling.', { secureUnit: true }],
  ['Må vi låse ham ind om natten? Alle betingelserne i stk. 3 er opfyldt.', { nightLockConditionsMet: true }],
  [
    'Må vi nægte hendes søn adgang til hendes lejlighed? Han truer personalet under plejen.',
    { towardsStaffDuringCare: true, visitorBehaviour: 'violence_or_threats' },
  ],
  [
    'Må vi give ham besøgsforbud? Han truer de andre beboere, og udvalget har besluttet det på et møde.',
    { decidedAtCouncilMeeting: true },
  ],
  [
    'Må vi kropsvisitere ham og klæde ham af? To mandlige kolleger er til stede.',
    { undressing: true, sameSexStaff: true, staffPresent: 2 },
  ],
  ['Kan vi bruge afskærmning på hans eget værelse i to timer?', { inOwnRoom: true, hours: 2 }],
  ['Må vi bruge afskærmning i et rum, der er indrettet til formålet?', { inOwnRoom: false }],
  ['Må vi give hans bror besøgsforbud? Han truer personalet.', { visitorBehaviour: 'violence_or_threats' }],
  ['Må vi nægte datteren adgang til fællesstuen, fordi hun kritiserer plejen?', { visitorBehaviour: 'criticism_only' }],
  ['Det haster, han er ved at gå amok.', { urgent: true }],
  // further evaluator facts
  ['Datteren siger, det er ok, at vi holder hende fast.', { representativeConsents: true }],
  ['Hun slår ud efter os og vrider sig.', { physicalResistance: true }],
  ['Må vi låse ham inde på værelset?', { locksPersonIn: true }],
  ['Kan vi bæltefiksere ham i sengen?', { beltDevice: 'fixation' }],
  ['Må vi bruge sengehest?', { beltDevice: 'confining_bed_rails' }],
  [
    'Må vi bruge sele, fordi vi er for få på vagt om natten?',
    { justifiedByStaffing: true, beltDevice: 'fabric_belt_or_similar' },
  ],
  ['Må vi holde ham fast for en sikkerheds skyld?', { riskOfHarm: false }],
  ['Der er en konkret risiko for, at hun bliver kørt ned.', { riskOfHarm: true }],
];

describe('extractFacts: facts', () => {
  it.each(facts)('%s', (message, expected) => {
    const out = extractFacts(message);
    expect(out.facts).toMatchObject(expected);
    for (const key of Object.keys(expected)) expect(out.evidence[key], `evidence for ${key}`).toBeTruthy();
  });
});

describe('extractFacts: negation and restraint', () => {
  it('does not read "har ikke protesteret" as objects', () => {
    expect(extractFacts('Hun har ikke protesteret, når vi holdt hende fast.').facts.consent).toBe('passive');
  });

  it('leaves the cause unknown for "hun har ikke demens" alone', () => {
    const out = extractFacts('Hun har ikke demens.');
    expect(out.facts.impairmentCause).toBeUndefined();
    expect(out.facts.documentedImpairment).toBeUndefined();
  });

  it('reads "ikke demens" as another cause when an impairment is already known', () => {
    expect(
      extractFacts('Nej, hun har ikke demens.', { known: { documentedImpairment: true } }).facts.impairmentCause,
    ).toBe('other');
  });

  it('does not turn a negated impairment into a documented one', () => {
    expect(extractFacts('Han er ikke udviklingshæmmet.').facts.documentedImpairment).toBeUndefined();
  });

  it("a relative's agreement is not the person's consent", () => {
    expect(extractFacts('Datteren er værge, og hun er enig.').facts.consent).toBeUndefined();
    expect(extractFacts('Hun er enig i, at vi bruger GPS.').facts.consent).toBe('given');
  });

  it('"har ikke givet samtykke" is not consent given', () => {
    expect(extractFacts('Hun har ikke givet samtykke.').facts.consent).toBeUndefined();
  });

  it('the act itself is not read as a refusal ("nægte hans bror adgang")', () => {
    expect(extractFacts('Må vi nægte hans bror adgang til fællesstuen?').facts.consent).toBeUndefined();
  });

  it('an objection outweighs an earlier passive statement', () => {
    expect(extractFacts('Han har ikke protesteret før, men i dag modsætter han sig.').facts.consent).toBe('objects');
  });

  it('"på vagt" does not make the actor a guard', () => {
    expect(extractFacts('Vi er kun to på vagt, må vi holde ham fast?').facts.actor).toBeUndefined();
    expect(extractFacts('Må vagten holde ham fast?').facts.actor).toBe('other_staff');
  });

  it('keeps only evaluator facts in toRuleFacts', () => {
    const out = extractFacts('Må vi visitere ham? Han er anbragt ved dom, og han siger nej.');
    expect(out.facts).toMatchObject({ placedByCriminalJudgment: true, consent: 'objects' });
    expect(toRuleFacts({ ...out.facts, notAFact: true, hours: undefined })).toEqual(out.facts);
    expect(toRuleFacts({ notAFact: true })).toEqual({});
  });

  it("a follow-up mentioning the general act keeps the session's specific measure", () => {
    const msg = 'Vi har holdt ham fast 3 gange det sidste halve år.';
    expect(extractFacts(msg).measure).toBe('restraint');
    expect(extractFacts(msg, { measure: 'hygiene_restraint' }).measure).toBe('hygiene_restraint');
    expect(extractFacts(msg, { measure: 'hygiene_restraint' }).facts.priorHygieneRestraintsLast6Months).toBe(3);
    // a different act is a new measure
    expect(extractFacts('Må vi så låse havelågen?', { measure: 'hygiene_restraint' }).measure).toBe(
      'lock_outdoor_gate',
    );
  });

  it('reads medication referred to by a pronoun', () => {
    expect(extractFacts('Hun vil ikke tage sin medicin. Må vi blande den i hendes juice?').measure).toBe('other');
  });

  it('links danger to others across sentences for a relocation', () => {
    expect(extractFacts('Kan vi flytte Kim til et andet botilbud? Han er til fare for andre beboere.').measure).toBe(
      'relocation_danger_to_others',
    );
  });

  it("staff wanting something is not the person's consent", () => {
    expect(extractFacts('Nattevagten vil gerne bruge et kamera til at kigge ind.').facts.consent).toBeUndefined();
    expect(extractFacts('Vi vil gerne have en sensor på døren.').facts.consent).toBeUndefined();
    expect(extractFacts('Han vil gerne have sensoren.').facts.consent).toBe('given');
  });

  it('a relative as the one who acts', () => {
    expect(extractFacts('Må hans mor holde ham fast, når han bliver vred?').facts.actor).toBe('relative');
    expect(extractFacts('Han bor frivilligt på bostedet.').facts.actor).toBeUndefined();
  });

  it('invents nothing from a message without facts', () => {
    const out = extractFacts('Må vi låse terrassedøren?');
    expect(out.facts).toEqual({});
    expect(Object.keys(out.evidence)).toEqual(['measure']);
  });

  it('reads how long a hold lasted in minutes, only for holds', () => {
    const lone = extractFacts('Vi holdt Lone fast i går i 5 minutter, fordi hun ville slå en anden beboer.');
    expect(lone.measure).toBe('restraint');
    expect(lone.facts).toMatchObject({ holdMinutes: 5, dangerToOthers: true });
    const at = (msg: string) => extractFacts(msg, { measure: 'restraint' }).facts.holdMinutes;
    expect(at('holdt lars i 2 min i dag')).toBe(2);
    expect(at('vi holdt hende et minuts tid og så slap vi')).toBe(1);
    expect(at('de holdt ham fast på gulvet i en halv time')).toBe(30);
    expect(at('vi holdt ham i 1,5 minut')).toBe(1.5);
    expect(at('vi holdt ham tilbage')).toBeUndefined();
    // "min kollega" is not a number of minutes, and minutes of a seclusion are not a hold
    expect(at('min kollega holdt ham')).toBeUndefined();
    expect(extractFacts('Han var i afskærmningslokalet i 40 minutter.').facts.holdMinutes).toBeUndefined();
  });

  it('reads danger to others from violence aimed at another person, not at oneself or in care', () => {
    const danger = (msg: string, measure = 'restraint') => extractFacts(msg, { measure }).facts.dangerToOthers;
    expect(danger('han slog ud mod en anden beboer')).toBe(true);
    expect(danger('hun truede personalet med en kniv')).toBe(true);
    expect(danger('Vibeke skubbede sin medbeboer op ad væggen', 'release_grip')).toBe(true);
    expect(danger('han er ikke voldelig, vi synes bare det er nemmere', 'search_room')).toBe(false);
    expect(danger('hun bed sig selv i hånden igen')).toBeUndefined();
    expect(danger('han skubber os væk, når vi holder ham')).toBeUndefined();
    // in a hygiene situation hitting out at the staff is resistance to the care
    expect(danger('Han slår ud efter os, når vi skifter ble.', 'hygiene_restraint')).toBeUndefined();
  });

  it('reads decisive facts staff state in their own words', () => {
    const f = (msg: string, measure?: string) => extractFacts(msg, measure ? { measure } : {}).facts;
    expect(f('Vi er et almindeligt § 108-botilbud uden sikrede afdelinger.', 'scanner').secureUnit).toBe(false);
    expect(f('Han bor på et almindeligt bosted.', 'other').secureUnit).toBeUndefined();
    expect(f('Kan vi bruge et afskærmningsrum på et § 108-tilbud uden sikret afdeling?').secureUnit).toBe(false);
    expect(f('Han bor på en sikret afdeling.').secureUnit).toBe(true);
    expect(f('Han er dømt til tilsyn, ikke anbringelse, og bor i vores § 108.').placedByCriminalJudgment).toBe(false);
    expect(f('rettelse: dommen blev ophævet af landsretten i sidste måned').placedByCriminalJudgment).toBe(false);
    expect(f('At our secure unit a court-placed resident is about to hurt himself.').placedByCriminalJudgment).toBe(
      true,
    );
    expect(f('Han truer med at skære, der er ingen tid. Lederen er her.').urgent).toBe(true);
    expect(f('Han har sagt, at han har tænkt på at tage sit eget liv.', 'night_lock_in').suicidal).toBe(true);
    expect(f('han har ikke toilet i værelset', 'night_lock_in').toiletAndWater).toBe(false);
    expect(f('Hun siger, hun ikke vil flytte på plejehjem.').consent).toBe('objects');
    expect(f('hun beder selv om det hver morgen').consent).toBe('given');
    expect(f('de er ikke særligt dyre', 'averting_damage').significantPropertyDamage).toBe(false);
    expect(f('Kan jeg alene gennemgå hans værelse?', 'search_room').staffPresent).toBe(1);
    expect(f('Kan vi låse alle døre i beboerens bolig?', 'lock_own_home_exterior').unlockedAccessRemains).toBe(false);
    // Someone else's refusal is not the person's own stance; biting oneself is not resistance.
    expect(f('Kamerakig hos en beboer med Alzheimer, men hendes værge modsætter sig.').consent).toBeUndefined();
    expect(f('kamerakig hos Inge, sønnen er værge og siger nej').consent).toBeUndefined();
    expect(f('Hun har en værge, men hun selv nægter.').consent).toBe('objects');
    expect(f('Frederik bider sig selv i hænderne til blods.').consent).toBeUndefined();
    // Unsupported stays unknown.
    expect(f('Han bor på et bosted.').secureUnit).toBeUndefined();
    expect(f('Må vi låse om natten?', 'night_lock_in').suicidal).toBeUndefined();
  });

  it('reads a hold already under discussion that turns out to be for a care task as §§ 136 a-c', () => {
    expect(extractFacts('det er til badet, hun har ikke været i bad i 3 uger', { measure: 'restraint' }).measure).toBe(
      'hygiene_restraint',
    );
    expect(extractFacts('det er til badet', { measure: 'fabric_belt' }).measure).toBeUndefined();
    expect(extractFacts('det er til badet').measure).toBeUndefined();
  });

  it('uses the session measure to read measure-specific wording', () => {
    expect(extractFacts('Hun falder ofte ud af stolen.').facts.beltReason).toBeUndefined();
    expect(extractFacts('Hun falder ofte ud af stolen.', { measure: 'fabric_belt' }).facts.beltReason).toBe('fall');
  });
});

describe('parseAnswer', () => {
  const yesNo = [
    { value: true, label: 'Ja' },
    { value: false, label: 'Nej' },
  ];
  const cause = [
    { value: 'dementia', label: 'Ja, demens' },
    { value: 'other', label: 'Nej, en anden årsag' },
  ];
  it('maps ja/nej to booleans', () => {
    expect(parseAnswer('documentedImpairment', 'ja', yesNo)).toBe(true);
    expect(parseAnswer('documentedImpairment', 'Nej.', yesNo)).toBe(false);
    expect(parseAnswer('representativeObjects', 'ja, det gør hun')).toBe(true);
  });
  it('returns undefined for "det ved jeg ikke"', () => {
    expect(parseAnswer('documentedImpairment', 'Det ved jeg ikke', yesNo)).toBeUndefined();
    expect(parseAnswer('impairmentCause', 'ved ikke', cause)).toBeUndefined();
  });
  it('reads free text about the fact', () => {
    expect(parseAnswer('impairmentCause', 'hun har demens', cause)).toBe('dementia');
    expect(parseAnswer('impairmentCause', 'Nej, hun har ikke demens', cause)).toBe('other');
    expect(parseAnswer('impairmentCause', 'hun har ikke demens')).toBe('other');
    expect(parseAnswer('consent', 'han modsætter sig')).toBe('objects');
    expect(parseAnswer('representativeObjects', 'værgen er imod det')).toBe(true);
  });
  it('accepts an option label or value', () => {
    const tech = [
      { value: 'movement', label: 'Bevægelsessensor' },
      { value: 'sound', label: 'Lyd' },
      { value: 'location', label: 'GPS / lokalisering' },
    ];
    expect(parseAnswer('technology', 'GPS / lokalisering', tech)).toBe('location');
    expect(parseAnswer('technology', 'sound', tech)).toBe('sound');
    expect(parseAnswer('technology', 'Vi bruger GPS', tech)).toBe('location');
    expect(parseAnswer('setting', 'almen_plejebolig', ['botilbud', 'almen_plejebolig'])).toBe('almen_plejebolig');
  });
  it('reads numbers for numeric facts', () => {
    expect(parseAnswer('priorHygieneRestraintsLast6Months', '3')).toBe(3);
    expect(parseAnswer('priorHygieneRestraintsLast6Months', 'tre gange')).toBe(3);
    expect(parseAnswer('priorHygieneRestraintsLast6Months', 'nej, aldrig')).toBe(0);
    expect(parseAnswer('requestedMonths', 'et halvt år')).toBe(6);
  });
  it('reads the measure from a described act or an option', () => {
    const opts = [
      { value: 'lock_own_home_exterior', label: 'Låsning af yderdøre og vinduer' },
      { value: 'fabric_belt', label: 'Stofseler' },
    ];
    expect(parseAnswer('measure', 'Det handler om at låse hoveddøren om natten', opts)).toBe('lock_own_home_exterior');
    expect(parseAnswer('measure', 'stofseler', opts)).toBe('fabric_belt');
    expect(parseAnswer('measure', 'Vi vil bruge GPS')).toBe('welfare_technology');
    expect(parseAnswer('measure', 'det ved jeg ikke', opts)).toBeUndefined();
  });

  it('returns undefined for an unrelated reply', () => {
    expect(parseAnswer('technology', 'hvad mener du?', ['movement', 'sound'])).toBeUndefined();
    expect(parseAnswer('documentedImpairment', 'hmm')).toBeUndefined();
  });
});

describe("extractFacts: consent in the person's own words", () => {
  it('reads "hun siger selv ja" as the person\'s own consent', () => {
    const e = extractFacts(
      'Må vi sætte en sensor i sengen? Hun har demens, men hun siger selv ja og synes det er trygt.',
    );
    expect(e.facts.consent).toBe('given');
  });

  it("does not read a relative's yes as the person's consent", () => {
    const e = extractFacts('Må vi sætte en sensor i sengen? Datteren siger ja, men hun selv modsætter sig.');
    expect(e.facts.consent).toBe('objects');
  });
});

describe('extractFacts: acts without legal basis found in staff wording', () => {
  it.each([
    'Kan vi låse hans dør udefra, når han bliver vred?',
    'Må vi give hende beroligende medicin, når hun er urolig?',
    'Må vi fjerne hans rollator om natten, så han ikke går rundt?',
  ])('%s → other', (m) => {
    expect(extractFacts(m).measure).toBe('other');
  });

  it('reads holding "hele natten" as hours of holding, not a brief restraint', () => {
    const e = extractFacts('Må vi holde ham fast hele natten, så han ikke falder ud af sengen?');
    expect(e.measure).toBe('restraint');
    expect(e.facts.hours).toBeGreaterThanOrEqual(1);
  });
});

describe('extractFacts: wording found by probing for unsafe answers', () => {
  it('a belt "so she does not get up and walk" restricts movement (a prohibited purpose)', () => {
    expect(extractFacts('Må vi spænde hende fast i kørestolen, så hun ikke rejser sig og går?').facts.beltReason).toBe(
      'restlessness',
    );
  });
  it('holding someone for an injection is health law, not serviceloven', () => {
    expect(extractFacts('Må vi holde hende, mens sygeplejersken giver hende en indsprøjtning?').measure).toBe('other');
  });
  it('"ikke har personale nok" justifies by staffing', () => {
    expect(
      extractFacts('Må vi bruge en sele, fordi vi ikke har personale nok om natten?').facts.justifiedByStaffing,
    ).toBe(true);
  });
  it('filming and keeping the recordings is video technology that records', () => {
    const e = extractFacts('Må vi filme ham i hans lejlighed om natten og gemme optagelserne?');
    expect(e.measure).toBe('welfare_technology');
    expect(e.facts).toMatchObject({ technology: 'video', recordsOrStores: true });
  });
  it('reads a hyphenated "alarm-måtte" as movement technology', () => {
    expect(extractFacts('Må vi lægge en alarm-måtte ved sengen?').facts.technology).toBe('movement');
  });
});

describe('extractFacts: inflected hygiene verbs and locking in', () => {
  it('"klipper hans negle" is nail cutting in a hygiene situation, "ikke holdt før" is no earlier hold', () => {
    const e = extractFacts(
      'Er det ok at holde armene på ham, mens vi klipper hans negle? Han har ikke været holdt før.',
    );
    expect(e.measure).toBe('hygiene_restraint');
    expect(e.facts.hygieneTask).toBe('hair_nail_cutting');
    expect(e.facts.priorHygieneRestraintsLast6Months).toBe(0);
  });
  it('"skifter hendes ble" is a diaper change', () => {
    expect(extractFacts('Må vi holde hende fast, mens vi skifter hendes ble?').facts.hygieneTask).toBe('diaper_change');
  });
  it('"lukke hende inde" is locking a person in: no legal basis', () => {
    expect(extractFacts('Må vi lukke hende inde på værelset, når hun råber?').measure).toBe('other');
  });
});

describe("a yes from someone else is not the person's consent", () => {
  it.each([
    'Aage har Alzheimer, og hans datter er værge. Hun har sagt ja til, at vi låser skabet med slik. Er det så frivilligt?',
    'Hendes mand er fremtidsfuldmægtig. Han siger ja til alarmen i sengen.',
  ])('%s', (message) => {
    expect(extractFacts(message).facts.consent).toBeUndefined();
  });

  it('the person saying yes in the next sentence still counts', () => {
    expect(extractFacts('Karl har demens. Han siger selv ja til at bruge selen i kørestolen.').facts.consent).toBe(
      'given',
    );
  });
});

describe('physical resistance in any tense', () => {
  it.each([
    'Hun begyndte at stritte imod, da vi guidede hende ud.',
    'Han trak sig væk og kæmpede imod.',
    'Hvis han trækker sig løs, må vi så holde fastere?',
  ])('%s', (message) => {
    expect(extractFacts(message).facts.physicalResistance).toBe(true);
  });
});

describe('holding someone to stop them throwing a thing is averting damage (§ 124 c), also when the provision is named', () => {
  it.each([
    'Han ville kaste sin tallerken mod væggen, så jeg holdt hans arm. Var det i orden?',
    'Hun smed sin kop på gulvet, og vi tog fat i hendes hånd. Er det afværgehjælp?',
  ])('%s', (message) => {
    expect(extractFacts(message).measure).toBe('averting_damage');
  });
});
