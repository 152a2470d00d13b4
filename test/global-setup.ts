import { loadCorpus } from '../src/corpus/index.ts';

/** Builds (or validates) the corpus once before the test files run in their own processes. */
export default function setup(): void {
  loadCorpus();
}
