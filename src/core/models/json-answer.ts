import type { z } from 'zod';
import type { Logger } from '../log/logger';
import type { ModelCallRequest, ModelCallResult, ModelMessage, ModelRouter } from './model-types';

export type JsonAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/**
 * Asks for a JSON answer and validates it with `schema`. A malformed answer is sent back once with
 * what was wrong; a second malformed answer is logged and reported as not ok (the caller stores or
 * acts on nothing half-parsed). `onResult` sees every model result (for usage accounting).
 */
export async function completeJson<S extends z.ZodType>(
  router: ModelRouter,
  request: Omit<ModelCallRequest, 'messages'> & { readonly messages: readonly ModelMessage[] },
  schema: S,
  options: { readonly log: Logger; readonly onResult?: (result: ModelCallResult) => void },
): Promise<JsonAnswer<z.output<S>>> {
  const messages = [...request.messages];
  let problem = 'no answer';
  for (let attempt = 1; attempt <= 2; attempt++) {
    const result = await router.complete({ ...request, messages });
    options.onResult?.(result);
    const parsed = parseJsonAnswer(result.text, schema);
    if (parsed.ok) return parsed;
    problem = parsed.problem;
    options.log.warn('a model answer was malformed', { purpose: request.purpose, attempt, problem });
    messages.push(
      { role: 'assistant', content: result.text },
      {
        role: 'user',
        content: `That answer could not be used (${problem}). Answer again with JSON only, in the format described.`,
      },
    );
  }
  options.log.warn('skipped: the model answered malformed JSON twice', {
    purpose: request.purpose,
    correlationId: request.correlationId,
  });
  return { ok: false, problem };
}

export function parseJsonAnswer<S extends z.ZodType>(text: string, schema: S): JsonAnswer<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(stripFence(text.trim()));
  } catch {
    return { ok: false, problem: 'it was not valid JSON' };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') || 'answer'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: result.data };
}

/** Models often wrap JSON in a Markdown code fence despite being asked not to. */
function stripFence(text: string): string {
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(text);
  return fenced?.[1]?.trim() ?? text;
}
