/** CPR masking before anything is sent to a language model: the one detector in src/privacy/cpr.ts. */
export { containsCpr, maskCpr, scrubCpr } from '../privacy/cpr.ts';
