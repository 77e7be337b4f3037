import { z } from 'zod';
import type { OperatingMode, Persona } from '../../../shared';
import type { ToolDefinition } from '../../models/model-types';

export interface ToolContext {
  readonly threadId: string;
  readonly persona: Persona;
  readonly mode: OperatingMode;
  readonly signal: AbortSignal;
}

/**
 * A tool the model may call. `group` is what persona tool-access lists name (`builtin`, `github`,
 * …). A `proxyAction` acts as the user (sends, posts, creates); none may run until the policy gate
 * and authorizations exist, so the registry refuses every one of them.
 */
export interface Tool<A extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly group: string;
  readonly description: string;
  readonly args: A;
  readonly proxyAction: boolean;
  run(args: z.output<A>, context: ToolContext): Promise<unknown>;
}

export interface ToolOutcome {
  readonly status: 'ok' | 'error' | 'denied';
  /** What the model is told (JSON text for results, a sentence for errors and denials). */
  readonly result: string;
}

const MAX_RESULT_CHARS = 20_000;

export function defineTool<A extends z.ZodType>(tool: Tool<A>): Tool {
  return tool as unknown as Tool;
}

export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();

  register(...tools: Tool[]): this {
    for (const tool of tools) {
      if (this.tools.has(tool.name)) throw new Error(`Tool ${tool.name} is registered twice`);
      this.tools.set(tool.name, tool);
    }
    return this;
  }

  /** What the model is offered: tools the persona may use. Proxy actions are listed in proxy mode only. */
  definitions(persona: Persona, mode: OperatingMode): ToolDefinition[] {
    return [...this.tools.values()]
      .filter((tool) => allowed(tool, persona) && (mode === 'proxy' || !tool.proxyAction))
      .map((tool) => ({ name: tool.name, description: tool.description, parameters: jsonSchemaOf(tool.args) }));
  }

  /**
   * Runs one call the model asked for. Everything a model can get wrong — an unknown tool, one its
   * persona may not use, bad JSON, arguments outside the schema, a failing tool — comes back as an
   * outcome the model can read and recover from, never as an exception.
   */
  async call(name: string, rawArguments: string, context: ToolContext): Promise<ToolOutcome> {
    const tool = this.tools.get(name);
    if (!tool) return { status: 'error', result: `There is no tool named "${name}".` };
    if (!allowed(tool, context.persona)) {
      return { status: 'denied', result: `The ${context.persona.id} persona is not allowed to use ${name}.` };
    }
    if (tool.proxyAction) {
      return {
        status: 'denied',
        result: `${name} would act as the user, and Izzie cannot do that without the user's explicit authorization, which it does not have. Offer a draft instead.`,
      };
    }
    let json: unknown;
    try {
      json = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
    } catch {
      return { status: 'error', result: `The arguments for ${name} were not valid JSON.` };
    }
    const args = tool.args.safeParse(json);
    if (!args.success) {
      const issues = args.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
      return { status: 'error', result: `Invalid arguments for ${name}: ${issues}` };
    }
    try {
      const value = await tool.run(args.data, context);
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return { status: 'ok', result: text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}… (truncated)` : text };
    } catch (error) {
      return { status: 'error', result: `${name} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

function allowed(tool: Tool, persona: Persona): boolean {
  return persona.toolAccess.includes(tool.group) || persona.toolAccess.includes(tool.name);
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
