/**
 * Optional LLM access through any OpenAI-compatible server (OpenAI, vLLM, Ollama, …).
 * Configured by OPENAI_API_KEY / OPENAI_BASE_URL / HJEMMEL_CHAT_MODEL; with none set, `llmFromEnv()`
 * returns undefined and Hjemmel stays fully offline. Every call has a timeout and its output is
 * validated: callers degrade to the offline path on any error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type OpenAI from 'openai';
import { z } from 'zod';
import { sourceDir } from '../runtime/index.ts';
import { maskCpr } from './privacy.ts';

export { containsCpr, maskCpr } from './privacy.ts';

export const PROMPTS_DIR = join(sourceDir(import.meta.dirname), '..', '..', 'prompts');
export const LLM_TIMEOUT_MS = 10_000;

export interface Prompt {
  /** File name without extension, e.g. "answer.v1": the version travels with the audit log. */
  id: string;
  text: string;
}

const promptCache = new Map<string, Prompt>();

/** Loads `prompts/<id>.md` (cached). */
export function loadPrompt(id: string): Prompt {
  let p = promptCache.get(id);
  if (!p) {
    p = { id, text: readFileSync(join(PROMPTS_DIR, `${id}.md`), 'utf8') };
    promptCache.set(id, p);
  }
  return p;
}

/** Fills `{{name}}` placeholders. */
export function fillPrompt(prompt: Prompt, vars: Record<string, string>): string {
  return prompt.text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => vars[k] ?? '');
}

export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  chatModel: string;
  timeoutMs?: number;
}

export class Llm {
  private clientP: Promise<OpenAI> | undefined;
  readonly model: string;

  constructor(readonly config: LlmConfig) {
    this.model = config.chatModel;
  }

  /** The SDK is loaded on first use: the offline default never pays for it at start-up. */
  private client(): Promise<OpenAI> {
    this.clientP ??= import('openai').then(
      ({ default: OpenAI }) =>
        new OpenAI({
          apiKey: this.config.apiKey,
          baseURL: this.config.baseURL,
          timeout: this.config.timeoutMs ?? LLM_TIMEOUT_MS,
          maxRetries: 0,
        }),
    );
    return this.clientP;
  }

  /** Plain completion. Messages are CPR-masked here, whatever the caller did. */
  async complete(system: string, user: string): Promise<string> {
    const res = await (await this.client()).chat.completions.create({
      model: this.model,
      temperature: 0,
      messages: [
        { role: 'system', content: maskCpr(system) },
        { role: 'user', content: maskCpr(user) },
      ],
    });
    const text = res.choices[0]?.message?.content;
    if (typeof text !== 'string' || !text.trim()) throw new Error('LLM returned no text');
    return text;
  }

  /** Structured output validated with zod (JSON schema sent as response_format). */
  async structured<S extends z.ZodType>(system: string, user: string, schema: S, name: string): Promise<z.infer<S>> {
    const res = await (await this.client()).chat.completions.create({
      model: this.model,
      temperature: 0,
      response_format: {
        type: 'json_schema',
        json_schema: { name, schema: z.toJSONSchema(schema) as Record<string, unknown>, strict: false },
      },
      messages: [
        { role: 'system', content: maskCpr(system) },
        { role: 'user', content: maskCpr(user) },
      ],
    });
    const text = res.choices[0]?.message?.content ?? '';
    const json = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
    return schema.parse(JSON.parse(json));
  }
}

/** The configured LLM, or undefined when none is configured (offline mode). */
export function llmFromEnv(env: NodeJS.ProcessEnv = process.env): Llm | undefined {
  const apiKey = env['OPENAI_API_KEY'];
  const baseURL = env['OPENAI_BASE_URL'];
  if (!apiKey && !baseURL) return undefined;
  return new Llm({
    apiKey: apiKey ?? 'not-needed',
    ...(baseURL ? { baseURL } : {}),
    chatModel: env['HJEMMEL_CHAT_MODEL'] ?? 'gpt-4o-mini',
    timeoutMs: Number(env['HJEMMEL_LLM_TIMEOUT_MS'] ?? LLM_TIMEOUT_MS),
  });
}
