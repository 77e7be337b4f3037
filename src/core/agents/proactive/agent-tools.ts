import type { z } from 'zod';
import type { Persona } from '../../../shared';
import type { PolicyGate } from '../../policy/policy-gate';

export type ToolRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * The tools of #4 as the proactive agents use them: through the same policy gate as chat, in
 * assistant mode, so the same persona access applies and every action that would act as the person
 * is refused there.
 */
export class AgentTools {
  constructor(
    private readonly deps: { gate: Pick<PolicyGate, 'definitions' | 'call'>; persona: (id: 'work' | 'personal') => Persona },
  ) {}

  /** Calls a tool and validates its JSON answer; a missing integration or a failure comes back as a reason. */
  async call<S extends z.ZodType>(
    name: string,
    args: Record<string, unknown>,
    schema: S,
    context: { runId: string; persona: 'work' | 'personal'; signal: AbortSignal; eventId?: string; summary?: string },
  ): Promise<ToolRead<z.output<S>>> {
    const outcome = await this.deps.gate.call(name, JSON.stringify(args), {
      persona: this.deps.persona(context.persona),
      mode: 'assistant',
      signal: context.signal,
      origin: {
        kind: 'engine',
        runId: context.runId,
        eventId: context.eventId ?? null,
        summary: context.summary ?? 'an engine run',
      },
      confidence: null,
    });
    if (outcome.status !== 'ok') return { ok: false, reason: outcome.result };
    let json: unknown;
    try {
      json = JSON.parse(outcome.result);
    } catch {
      return { ok: false, reason: `${name} did not answer JSON.` };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `${name} answered in an unexpected shape.` };
  }

  /** Whether a tool is there at all (its integration connected and running). */
  has(name: string, persona: Persona): boolean {
    return this.deps.gate.definitions(persona, 'assistant').some((d) => d.name === name.replace(/\./g, '__'));
  }
}
