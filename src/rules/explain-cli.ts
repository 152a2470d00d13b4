/** `npm run --silent cli -- explain <measure> [--json]`: each condition beside the text of the units it cites. */
import { loadCorpus } from '../corpus/index.ts';
import { explainMeasure, explainText } from './explain.ts';
import { MEASURE_IDS, type MeasureId } from './schema.ts';

export async function run(args: string[]): Promise<number> {
  const [, id] = args;
  if (!id || !(MEASURE_IDS as readonly string[]).includes(id)) {
    process.stderr.write(
      `Brug / usage: explain <measure> [--json]\nUkendt eller manglende indgreb / unknown or missing measure: ${id ?? '(ingen)'}\nIndgreb: ${MEASURE_IDS.join(', ')}\n`,
    );
    return 2;
  }
  const corpus = loadCorpus();
  const e = explainMeasure(id as MeasureId, (u) => corpus.unit(u))!;
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(e, null, 2)}\n` : `${explainText(e)}\n`);
  return 0;
}
