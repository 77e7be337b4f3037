import { z } from 'zod';
import { EventPriority } from './engine-events';

/** What the classifier says about an event (seed: Agent Dispatch Layer). */
export const Classification = z.object({
  /** What kind of thing this is, in a word or two (`review request`, `newsletter`, `meeting change`). */
  type: z.string().trim().min(1).max(60),
  priority: EventPriority,
  personaContext: z.enum(['work', 'personal']),
  /** `assistant` speaks as Izzie; `proxy` would act as the person (content from outside never gets it). */
  mode: z.enum(['assistant', 'proxy']),
  requiresAttention: z.boolean(),
  /** For mail and messages: someone is waiting for the person's answer. */
  needsReply: z.boolean(),
  confidence: z.number().min(0).max(1),
  reason: z.string().trim().min(1).max(300),
});
export type Classification = z.infer<typeof Classification>;

/** A classification with how it was reached: a rule (no model call), the cache, or the cheap tier. */
export const ClassificationResult = Classification.extend({
  by: z.enum(['rule', 'cache', 'model', 'fallback']),
  /** The rule's id, or the model that answered. */
  detail: z.string().nullable(),
});
export type ClassificationResult = z.infer<typeof ClassificationResult>;
