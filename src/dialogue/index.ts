/** Dialogue entry module: routing, fact extraction and the multi-turn conversation. */
export * from './chat.ts';
export { extractFacts, parseAnswer } from './extract.ts';
export { type Route, route } from './route.ts';
