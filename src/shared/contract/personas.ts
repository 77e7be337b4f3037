import { z } from 'zod';
import { mutation, query } from '../rpc/define';
import { PersonaId } from './chat';

export const PERSONA_PROMPT_MAX = 20_000;

/** Seed: PersonaConfig. Tool access names tools (`thread_search`) or whole groups (`github`, `builtin`). */
export const Persona = z.strictObject({
  id: PersonaId,
  systemPrompt: z.string(),
  communicationStyle: z.enum(['formal', 'casual']),
  toolAccess: z.array(z.string()),
  memoryNamespace: z.string(),
  /** False while the persona still has Izzie's defaults. */
  customized: z.boolean(),
});
export type Persona = z.infer<typeof Persona>;

const ToolName = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'Tool names are lowercase letters, digits, ".", "_" or "-"');

export const personaMethods = {
  'personas.list': query(z.strictObject({}), z.array(Persona)),
  'personas.update': mutation(
    z
      .strictObject({
        id: PersonaId,
        systemPrompt: z.string().trim().min(1, 'A persona needs a system prompt').max(PERSONA_PROMPT_MAX).optional(),
        communicationStyle: z.enum(['formal', 'casual']).optional(),
        toolAccess: z.array(ToolName).max(200).optional(),
        memoryNamespace: z
          .string()
          .regex(/^[a-z][a-z0-9_-]{0,31}$/)
          .optional(),
      })
      .refine((p) => Object.keys(p).length > 1, { message: 'Name at least one field to change' }),
    Persona,
  ),
  /** Puts a persona back to Izzie's defaults. */
  'personas.reset': mutation(z.strictObject({ id: PersonaId }), Persona),
};
