import { z } from 'zod';
import { EntityKind, MemoryKind } from '../../shared';
import type { Logger } from '../log/logger';
import { completeJson } from '../models/json-answer';
import type { ModelRouter } from '../models/model-types';

/** What the cheap tier must answer: facts worth keeping, with the entities and relations they name. */
export const ExtractedFact = z.object({
  content: z.string().trim().min(1).max(500),
  kind: MemoryKind,
  namespace: z.string().trim().min(1).max(32),
  confidence: z.number().min(0).max(1),
  entities: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(120),
        kind: EntityKind,
        aliases: z.array(z.string().max(120)).max(10).default([]),
      }),
    )
    .max(20)
    .default([]),
  relations: z
    .array(
      z.object({
        from: z.string().trim().min(1).max(120),
        type: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .transform((t) =>
            t
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '_')
              .replace(/^_|_$/g, ''),
          ),
        to: z.string().trim().min(1).max(120),
      }),
    )
    .max(20)
    .default([]),
  /** Ids of remembered facts this one makes untrue (they are marked invalid, never deleted). */
  contradicts: z.array(z.string()).max(10).default([]),
});
export type ExtractedFact = z.infer<typeof ExtractedFact>;

export const ExtractionAnswer = z.object({ facts: z.array(ExtractedFact).max(20) });

export interface ExtractionInput {
  readonly transcript: readonly { role: 'user' | 'assistant'; content: string }[];
  /** Namespaces the facts may go to, with what each is for. */
  readonly namespaces: readonly { name: string; purpose: string }[];
  /** Remembered facts related to the conversation, so the model can spot repeats and contradictions. */
  readonly related: readonly { id: string; content: string }[];
  /** The person said "remember …": keep what they asked for. */
  readonly explicit: boolean;
  readonly now: number;
  readonly correlationId: string;
  readonly signal?: AbortSignal;
}

const INSTRUCTIONS = [
  'You extract durable memories about the user from a conversation with their assistant, Izzie.',
  'Keep facts that will still matter later: people and their roles, projects, organizations, places, preferences, habits, commitments and how the user likes to communicate.',
  'Skip small talk, questions, one-off requests and anything Izzie said that the user did not confirm.',
  'Write each fact as one short third-person sentence about the user\'s world, with full names (e.g. "The user\'s manager is Dana Reyes.").',
  'For each fact name the entities it mentions (kind: person, project, organization, topic or place) and the relations between them (from, type as a short verb phrase like manages or works_on, to). Use "the user" as the name of the user.',
  'If a fact makes one of the remembered facts untrue, list that remembered fact\'s id in "contradicts". If it only repeats one, still return it (it is counted as learned again).',
  'Answer with JSON only, no prose: {"facts":[{"content":"…","kind":"fact|preference|relationship|event|style","namespace":"…","confidence":0.0-1.0,"entities":[{"name":"…","kind":"person","aliases":[]}],"relations":[{"from":"…","type":"…","to":"…"}],"contradicts":[]}]}',
  'Answer {"facts":[]} when there is nothing worth remembering.',
].join('\n');

/**
 * The cheap tier turns an interaction into facts. The answer is validated with zod; a malformed answer
 * is retried once with the validation error, then logged and dropped — nothing half-parsed is stored.
 * Returns null when extraction failed (the caller stores nothing), [] when there was nothing to keep.
 */
export class MemoryExtractor {
  constructor(private readonly deps: { router: ModelRouter; log: Logger }) {}

  async extract(input: ExtractionInput): Promise<ExtractedFact[] | null> {
    const answer = await completeJson(
      this.deps.router,
      {
        task: 'extraction',
        purpose: 'memory.extract',
        correlationId: input.correlationId,
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: describe(input) },
        ],
        ...(input.signal ? { signal: input.signal } : {}),
      },
      ExtractionAnswer,
      { log: this.deps.log },
    );
    return answer.ok ? answer.value.facts : null;
  }
}

function describe(input: ExtractionInput): string {
  const parts = [
    `Now: ${new Date(input.now).toISOString()}`,
    `Namespaces (choose one per fact):\n${input.namespaces.map((n) => `- ${n.name}: ${n.purpose}`).join('\n')}`,
    input.related.length > 0
      ? `Remembered facts that may be related:\n${input.related.map((m) => `- [${m.id}] ${m.content}`).join('\n')}`
      : 'Remembered facts that may be related: none.',
    input.explicit ? 'The user explicitly asked Izzie to remember this: keep what they asked for, with confidence 1.' : '',
    `Conversation:\n${input.transcript.map((t) => `${t.role === 'user' ? 'User' : 'Izzie'}: ${t.content}`).join('\n')}`,
  ];
  return parts.filter((p) => p !== '').join('\n\n');
}
