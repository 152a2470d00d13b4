/**
 * The eval questions that answers are measured on, and a runner that asks them through the offline product
 * (the same Conversation as `cli ask` and /api/v1/chat). Used by `npm run eval:answers` (evidence in
 * `summary`) and by the clean-quote test (every quote of every eval answer).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusIndex } from '../../src/corpus/index.ts';
import { repairText } from '../../src/corpus/ocr-repair.ts';
import { type ChatResponse, Conversation } from '../../src/dialogue/index.ts';
import { getSearcher } from '../../src/search/index.ts';
import { Store } from '../../src/store/index.ts';
import { loadSplit } from '../bank/bank.ts';
import { fold } from '../retrieval/engines.ts';

export type Split = 'train' | 'dev' | 'test';

export interface EvalItem {
  /** Set name ("retrieval/questions", "bank/dev", "chat/kap24", …). */
  set: string;
  split: Split;
  id: string;
  /** The user turns, asked in one session; the last answer is the one measured. */
  turns: string[];
  /** Evidence phrases in folded, OCR-repaired form (empty: no evidence). */
  evidence: string[];
  /** The route the set's label expects, when it has one. */
  route?: string;
}

const ROOT = join(import.meta.dirname, '..');

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Evidence as the retrieval evaluation compares it: OCR spelling repaired, then folded. */
export function foldEvidence(e: string): string {
  return fold(repairText(e).text);
}

/** Whether a text contains one of the folded evidence phrases. */
export function hasEvidence(text: string, evidence: readonly string[]): boolean {
  const t = ` ${fold(text)} `;
  return evidence.some((e) => e && t.includes(e));
}

/** The retrieval sets (one-turn questions with evidence phrases). */
const RETRIEVAL_SETS: Array<{ file: string; split: Split }> = [
  { file: 'questions.jsonl', split: 'train' },
  { file: 'dev-bank.jsonl', split: 'dev' },
  { file: 'heldout.jsonl', split: 'dev' },
  { file: 'dev-writers.jsonl', split: 'dev' },
  { file: 'heldout-writers.jsonl', split: 'test' },
];

/** Routes labelled in the bank, by id (dev-bank.jsonl holds bank messages without their labels). */
function bankRoutes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of ['train', 'dev', 'test'] as const) for (const l of loadSplit(s)) out.set(l.id, l.expect.route);
  return out;
}

/**
 * Every eval question with an evidence phrase: the retrieval sets and the bank's lines (informational ones
 * are those labelled route "retrieval"). `held-out` sets are the lead's heldout.jsonl (dev) and the writers'
 * heldout-writers.jsonl (test).
 */
export function evidenceItems(): EvalItem[] {
  const routes = bankRoutes();
  const out: EvalItem[] = [];
  for (const { file, split } of RETRIEVAL_SETS) {
    const name = file.replace(/\.jsonl$/, '');
    jsonl<{ q: string; evidence?: string[]; id?: string }>(join(ROOT, 'retrieval', file)).forEach((q, i) => {
      const route = q.id ? routes.get(q.id) : undefined;
      out.push({
        set: `retrieval/${name}`,
        split,
        id: q.id ?? `${name}-${i + 1}`,
        turns: [q.q],
        evidence: (q.evidence ?? []).map(foldEvidence),
        ...(route ? { route } : {}),
      });
    });
  }
  for (const split of ['train', 'dev', 'test'] as const) {
    for (const l of loadSplit(split)) {
      const quote = (l as { evidence?: { quote?: string } }).evidence?.quote;
      out.push({
        set: `bank/${split}`,
        split,
        id: l.id,
        turns: l.turns.map((t) => t.message),
        evidence: quote ? [foldEvidence(quote)] : [],
        route: l.expect.route,
      });
    }
  }
  return out;
}

/** The conversations of evals/chat (the project's own sets; no evidence phrases). */
export function chatItems(): EvalItem[] {
  const dir = join(ROOT, 'chat');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      jsonl<{ id: string; turns: Array<{ message: string }>; expect: { route: string } }>(join(dir, f)).map((c) => ({
        set: `chat/${f.replace(/\.jsonl$/, '')}`,
        split: 'train' as Split,
        id: c.id,
        turns: c.turns.map((t) => t.message),
        evidence: [],
        route: c.expect.route,
      })),
    );
}

export interface Asked {
  item: EvalItem;
  /** Every answer of the conversation, in turn order. */
  answers: ChatResponse[];
}

/** A conversation over the offline product (in-memory store, no LLM), as `cli ask` builds it. */
export async function offlineConversation(corpus: CorpusIndex): Promise<Conversation> {
  return new Conversation({ corpus, retriever: await getSearcher(), store: await Store.open(':memory:') });
}

/** Asks each item's turns in one session. */
export async function ask(conversation: Conversation, items: readonly EvalItem[]): Promise<Asked[]> {
  const out: Asked[] = [];
  for (const item of items) {
    const answers: ChatResponse[] = [];
    let sessionId: string | undefined;
    for (const message of item.turns) {
      const res = await conversation.handle({ message, ...(sessionId ? { sessionId } : {}) });
      sessionId = res.sessionId;
      answers.push(res);
    }
    out.push({ item, answers });
  }
  return out;
}
