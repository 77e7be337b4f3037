import type { z } from 'zod';
import type { ActionClass } from '../../../shared';

/** MCP tool annotations, all four stated explicitly for every built-in tool. */
export interface ToolHints {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/**
 * One tool of a built-in server. `input` is a zod object the MCP server validates before `run` is
 * called, so bad input never reaches the service. `group` is what persona tool access names
 * (`email`, `calendar`, `github`, …).
 */
export interface BuiltinTool<S extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly group: string;
  readonly actionClass: ActionClass;
  readonly hints: ToolHints;
  readonly input: z.ZodObject<S>;
  run(input: z.output<z.ZodObject<S>>, signal: AbortSignal): Promise<unknown>;
}

/**
 * Defines a tool; its hints are those its action class implies unless it states others (say why in
 * a comment when it does).
 */
export function defineBuiltinTool<S extends z.ZodRawShape>(
  tool: Omit<BuiltinTool<S>, 'hints'> & { readonly hints?: ToolHints },
): BuiltinTool {
  return { ...tool, hints: tool.hints ?? HINTS_BY_CLASS[tool.actionClass] } as unknown as BuiltinTool;
}

/**
 * The hints each action class implies. A tool may differ only where the class allows it (an
 * `update` that is not idempotent, say); the servers' tests check every built-in tool's listing.
 */
export const HINTS_BY_CLASS: Readonly<Record<ActionClass, ToolHints>> = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  draft: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  create: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  update: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  delete: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  send: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
};
