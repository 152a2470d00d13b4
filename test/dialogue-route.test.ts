import { describe, expect, it } from 'vitest';
import { route } from '../src/dialogue/route.ts';

const cases: [string, 'rule_evaluator' | 'retrieval' | 'out_of_scope'][] = [
  // concrete questions about an act
  ['Må vi låse terrassedøren om natten?', 'rule_evaluator'],
  ['Kan vi holde ham fast, når han slår ud efter de andre?', 'rule_evaluator'],
  ['Må jeg børste tænder på hende, selvom hun siger nej?', 'rule_evaluator'],
  ['Er det lovligt at give medicin skjult i maden?', 'rule_evaluator'],
  ['Har vi lov til at tage hans telefon om aftenen?', 'rule_evaluator'],
  ['Skal vi have tilladelse til at bruge GPS på Karen?', 'rule_evaluator'],
  ['Hvad gør vi hvis han slår, kan vi holde ham?', 'rule_evaluator'],
  ['Vi overvejer at låse hoveddøren på bostedet om natten.', 'rule_evaluator'],
  ['Personalet vil gerne sætte en bevægelsesmelder ved hendes seng.', 'rule_evaluator'],
  ['Må vi visitere hans taske, når han kommer hjem fra byen?', 'rule_evaluator'],
  ['Må vi nægte hans bror adgang til fællesstuen?', 'rule_evaluator'],
  ['Kan nattevagten spænde ham fast i kørestolen med en sele?', 'rule_evaluator'],
  ['Er det ok at bruge en babyalarm på hans værelse?', 'rule_evaluator'],
  // informational questions
  ['Jeg er vikar. Må jeg tage tøjet af hende, selvom hun siger nej?', 'rule_evaluator'],
  ['Hvad siger reglerne om stofseler?', 'retrieval'],
  ['Han vil ikke have sine tænder børstet og har ikke fået det i en uge.', 'retrieval'],
  ['Hvem klager man til over en afgørelse om magtanvendelse?', 'retrieval'],
  ['Hvad er fristen for at indberette en fastholdelse?', 'retrieval'],
  ['Hvad betyder fysisk guidning?', 'retrieval'],
  ['§ 128 c', 'retrieval'],
  ['Hvor længe gælder en afgørelse om låsning af yderdøre?', 'retrieval'],
  ['Kan pårørende klage over kommunens afgørelse?', 'retrieval'],
  ['Hvilke krav er der til registrering af magtanvendelse?', 'retrieval'],
  ['Kan pårørende klage over kommunens afgørelse om GPS?', 'retrieval'],
  ['Hvad står der i § 124 d?', 'retrieval'],
  ['Hvor mange måneder må en afgørelse om stofseler højst gælde?', 'retrieval'],
  ['Hvordan registrerer vi en fastholdelse, og hvem skal vi sende skemaet til?', 'retrieval'],
  // out of scope
  ['Hvad er vejret i morgen?', 'out_of_scope'],
  ['Skriv et digt om efteråret', 'out_of_scope'],
  ['Hvor må personalet parkere ved plejecentret?', 'out_of_scope'],
  ['Hvornår bliver lønnen udbetalt?', 'out_of_scope'],
  ['Hej', 'out_of_scope'],
  ['Kan du anbefale en god opskrift på æblekage?', 'out_of_scope'],
  ['Hvem vandt fodboldkampen i går?', 'out_of_scope'],
  ['Hvad er koden til wifi på personalestuen?', 'out_of_scope'],
  ['', 'out_of_scope'],
];

describe('route', () => {
  it.each(cases)('%s → %s', (message, expected) => {
    const result = route(message);
    expect(result.route).toBe(expected);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  it('names the recognised measure in the reason for an act question', () => {
    expect(route('Må vi låse havelågen?').reason).toContain('lock_outdoor_gate');
  });

  it('does not send an off-topic question to the evaluator because it mentions a care place', () => {
    expect(route('Må vi holde julefrokost på plejecentret?').route).toBe('out_of_scope');
  });
});

describe('route: questions about the old rules', () => {
  it('sends a question about what the old rules said to retrieval, not to the evaluator', () => {
    expect(route('Hvad sagde de gamle regler fra 2017 om fastholdelse i hygiejnesituationer?').route).toBe('retrieval');
    expect(route('Hvad gjaldt før 2025 om tilbageholdelse i boligen?').route).toBe('retrieval');
  });

  it('still evaluates a present-day act that mentions the rules', () => {
    expect(route('Må vi holde ham fast under tandbørstning efter de nye regler?').route).toBe('rule_evaluator');
  });
});

describe('route: a described incident', () => {
  it('evaluates an act that happened, so the answer carries its registration deadline', () => {
    expect(route('Vi holdt ham fast i går, da han slog en anden beboer. Hvornår skal det registreres?').route).toBe(
      'rule_evaluator',
    );
  });

  it('keeps a general registration question on retrieval', () => {
    expect(route('Hvornår skal en fastholdelse registreres?').route).toBe('retrieval');
  });
});
