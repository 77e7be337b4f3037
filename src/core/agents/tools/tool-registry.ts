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
 * A tool the model may call. `name` is Izzie's name for it (`current_time`, `github.pr_list`);
 * `group` is what persona tool-access lists name (`builtin`, `github`, `email`, …). A
 * `proxyAction` acts as the user (sends, posts, creates, changes, deletes); none may run until
 * the policy gate and authorizations exist, so the registry refuses every one of them.
 */
export interface Tool {
  readonly name: string;
  readonly group: string;
  /** The server it comes from, when that is not a group already (`google` for `email` tools). */
  readonly server?: string;
  readonly description: string;
  /** JSON Schema of the arguments, as the model is shown it. */
  readonly parameters: Record<string, unknown>;
  readonly proxyAction: boolean;
  /** Validates (throwing `ToolArgumentsError`) and runs. Throws a readable Error on failure. */
  execute(args: unknown, context: ToolContext): Promise<unknown>;
}

/** Thrown by `execute` when the arguments do not fit the tool's schema. */
export class ToolArgumentsError extends Error {
  override readonly name = 'ToolArgumentsError';
}

export interface ToolOutcome {
  readonly status: 'ok' | 'error' | 'denied';
  /** What the model is told (JSON text for results, a sentence for errors and denials). */
  readonly result: string;
}

/** Tools that come and go (MCP servers connecting, crashing, being removed). */
export type ToolSource = () => readonly Tool[];

const MAX_RESULT_CHARS = 20_000;

/** A tool whose arguments are a zod schema, validated here before `run`. */
export function defineTool<A extends z.ZodType>(tool: {
  readonly name: string;
  readonly group: string;
  readonly description: string;
  readonly args: A;
  readonly proxyAction: boolean;
  run(args: z.output<A>, context: ToolContext): Promise<unknown>;
}): Tool {
  return {
    name: tool.name,
    group: tool.group,
    description: tool.description,
    parameters: jsonSchemaOf(tool.args),
    proxyAction: tool.proxyAction,
    execute: async (raw, context) => {
      const args = tool.args.safeParse(raw);
      if (!args.success) {
        throw new ToolArgumentsError(args.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
      }
      return tool.run(args.data, context);
    },
  };
}

/**
 * Model APIs allow only `[A-Za-z0-9_-]` in function names, so `github.pr_list` travels as
 * `github__pr_list`. Izzie's names never contain `__`, which keeps the mapping reversible.
 */
export function wireName(name: string): string {
  return name.replace(/\./g, '__');
}

export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();
  private readonly sources: ToolSource[] = [];

  register(...tools: Tool[]): this {
    for (const tool of tools) {
      if (this.tools.has(tool.name)) throw new Error(`Tool ${tool.name} is registered twice`);
      this.tools.set(tool.name, tool);
    }
    return this;
  }

  addSource(source: ToolSource): this {
    this.sources.push(source);
    return this;
  }

  /** What the model is offered: tools the persona may use. Proxy actions are listed in proxy mode only. */
  definitions(persona: Persona, mode: OperatingMode): ToolDefinition[] {
    return this.all()
      .filter((tool) => allowed(tool, persona) && (mode === 'proxy' || !tool.proxyAction))
      .map((tool) => ({ name: wireName(tool.name), description: tool.description, parameters: tool.parameters }));
  }

  /** Izzie's name for a tool the model called by its wire name (unknown names come back as given). */
  displayName(calledName: string): string {
    return this.find(calledName)?.name ?? calledName;
  }

  /**
   * Runs one call the model asked for. Everything a model can get wrong — an unknown tool, one its
   * persona may not use, bad JSON, arguments outside the schema, a failing tool — comes back as an
   * outcome the model can read and recover from, never as an exception.
   */
  async call(calledName: string, rawArguments: string, context: ToolContext): Promise<ToolOutcome> {
    const tool = this.find(calledName);
    if (!tool) return { status: 'error', result: `There is no tool named "${calledName}".` };
    const name = tool.name;
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
    try {
      const value = await tool.execute(json, context);
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return { status: 'ok', result: text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}… (truncated)` : text };
    } catch (error) {
      if (error instanceof ToolArgumentsError)
        return { status: 'error', result: `Invalid arguments for ${name}: ${error.message}` };
      return { status: 'error', result: `${name} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private all(): Tool[] {
    const seen = new Set(this.tools.keys());
    const dynamic = this.sources.flatMap((source) => source()).filter((tool) => !seen.has(tool.name) && seen.add(tool.name));
    return [...this.tools.values(), ...dynamic];
  }

  private find(calledName: string): Tool | undefined {
    return this.all().find((tool) => tool.name === calledName || wireName(tool.name) === calledName);
  }
}

function allowed(tool: Tool, persona: Persona): boolean {
  const access = persona.toolAccess;
  return access.includes(tool.group) || access.includes(tool.name) || (tool.server !== undefined && access.includes(tool.server));
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
