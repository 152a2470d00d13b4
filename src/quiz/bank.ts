/**
 * The scenario bank: Danish case stories as data (src/quiz/scenarios/*.json), each with the facts the
 * rule evaluator needs and, frozen per question kind, the expected answer (`expected`, OpenFisca style:
 * checked against the source when written). The service serves a question only while the evaluator's key
 * equals the frozen one, and test/quiz-keys.test.ts fails when they differ, so a rules change forces a
 * conscious update of the bank (`npm run quiz:freeze -- --update <scenario-id>`).
 *
 * Scenarios whose measure the evaluator does not implement yet (kap. 24 c/d, issue 9) stay in the bank
 * as "waiting" and are served automatically once their measure appears in `implementedMeasures`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { implementedMeasures, type MeasureId } from '../rules/index.ts';
import { sourceDir } from '../runtime/index.ts';

export const SCENARIO_DIR = join(sourceDir(import.meta.dirname), 'scenarios');

/** Quiz topics (ids are a contract with the API, the stats and the exports). */
export const TOPICS = [
  {
    id: 'kap24',
    label: 'Kap. 24: husorden, guidning, afværgehjælp, fastholdelse og stofseler',
    description: 'De generelle regler i serviceloven §§ 123–128 og grænserne for, hvad loven tillader.',
  },
  {
    id: 'kap24a',
    label: 'Kap. 24 a: hygiejnesituationer (personer uden demens)',
    description: 'Kortvarig fastholdelse i personlige hygiejnesituationer efter § 136 a.',
  },
  {
    id: 'kap24b',
    label: 'Kap. 24 b: personer med demens',
    description: 'Særreglerne for personer med demens: § 136 c (hygiejne), § 136 e (velfærdsteknologi) og § 136 f.',
  },
  {
    id: 'velfaerdsteknologi',
    label: 'Velfærdsteknologi og kamerakig',
    description: 'GPS, sensorer, lyd- og videoteknologi, anfaldsalarmer og situationsbestemt kamerakig (§§ 128 a–b).',
  },
  {
    id: 'laasning',
    label: 'Låsning og døråbnere',
    description: 'Særlige døråbnere, låsning af døre, låger og skabe og adgang til beboerens bolig (§§ 125, 128 c–h).',
  },
  {
    id: 'flytning',
    label: 'Flytning uden samtykke',
    description: 'Optagelse i særligt botilbud uden samtykke (§§ 129, 129 a og 136 f).',
  },
  {
    id: 'registrering-og-klage',
    label: 'Registrering og klage',
    description:
      'Hvornår indgreb skal registreres og indberettes, og hvor borgeren kan klage. Omfatter også registrerings- og klagespørgsmål fra alle de andre emner.',
  },
  {
    id: 'kap24c',
    label: 'Kap. 24 c: begrænsning af besøg',
    description: 'Besøgsrestriktioner i plejeboliger og botilbud (§§ 137 a–137 d).',
  },
  {
    id: 'kap24d',
    label: 'Kap. 24 d: personer anbragt ved dom',
    description: 'Særlige indgreb over for personer anbragt i en § 108-boform ved dom eller kendelse (§§ 137 e–137 m).',
  },
] as const;

export const TOPIC_IDS = TOPICS.map((t) => t.id) as [TopicId, ...TopicId[]];
export type TopicId = (typeof TOPICS)[number]['id'];
export const TopicIdSchema = z.enum(TOPICS.map((t) => t.id) as [TopicId, ...TopicId[]]);

/** Question kinds (ids are a contract with the API, the stats and the exports). */
export const QUESTION_KINDS = [
  'is_force',
  'decided_by',
  'must_register',
  'complaint',
  'provision',
  'permitted',
  'missing',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string().min(3),
  story: z.string().min(40),
  topic: TopicIdSchema,
  level: z.number().int().min(1).max(3),
  /** Human citation of where the scenario comes from (handbook case, guidance example). */
  source: z.string().min(3),
  /** Corpus unit ids of the source, checked against the corpus by the tests. */
  sourceUnits: z.array(z.string()),
  /** The evaluator request. The measure is a plain string so kap. 24 c/d scenarios can wait for their rules. */
  request: z.strictObject({
    measure: z.string(),
    facts: z.record(z.string(), z.unknown()),
  }),
  /** The frozen key: the expected option id per question kind asked of this scenario. */
  expected: z.partialRecord(z.enum(QUESTION_KINDS), z.string()).optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

let cached: Scenario[] | undefined;

/** Loads and validates every scenario file (cached). Throws on a malformed file or a duplicate id. */
export function loadBank(dir = SCENARIO_DIR): Scenario[] {
  if (cached && dir === SCENARIO_DIR) return cached;
  const out: Scenario[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    const parsed = z.array(ScenarioSchema).safeParse(raw);
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.message}`);
    for (const s of parsed.data) {
      if (seen.has(s.id)) throw new Error(`${file}: duplicate scenario id ${s.id}`);
      seen.add(s.id);
      out.push(s);
    }
  }
  if (dir === SCENARIO_DIR) cached = out;
  return out;
}

export function isServed(s: Scenario): boolean {
  return (implementedMeasures as readonly string[]).includes(s.request.measure);
}

/** Scenarios the evaluator can grade now. */
export function servedScenarios(): Scenario[] {
  return loadBank().filter(isServed);
}

/** Scenarios waiting for their measure's rules (kap. 24 c/d until issue 9 lands). */
export function waitingScenarios(): Scenario[] {
  return loadBank().filter((s) => !isServed(s));
}

export function scenarioById(id: string): Scenario | undefined {
  return loadBank().find((s) => s.id === id);
}

/** The evaluator request of a served scenario. */
export function requestOf(s: Scenario): { measure: MeasureId; facts: Record<string, unknown> } {
  return { measure: s.request.measure as MeasureId, facts: s.request.facts };
}
