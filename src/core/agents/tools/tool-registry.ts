import { z } from 'zod';
import type { ActionClass, OperatingMode, Persona } from '../../../shared';

export interface ToolContext {
  readonly threadId: string;
  readonly persona: Persona;
  readonly mode: OperatingMode;
  readonly signal: AbortSignal;
  /** Set on an approved proxy action: the same key for the one execution it may have. */
  readonly idempotencyKey?: string;
}

/**
 * A tool the model may call. `name` is Izzie's name for it (`current_time`, `github.pr_list`);
 * `group` is what persona tool-access lists name (`builtin`, `github`, `email`, …). `actionClass`
 * is what the policy gate decides on: `read` and `draft` leave nothing another person sees; the
 * others act as the user. `outsideContent` says its answers carry text from outside (mail, Slack,
 * issues, any MCP server), which taints the context that reads them.
 */
export interface Tool {
  readonly name: string;
  readonly group: string;
  /** The server it comes from, when that is not a group already (`google` for `email` tools). */
  readonly server?: string;
  readonly description: string;
  /** JSON Schema of the arguments, as the model is shown it. */
  readonly parameters: Record<string, unknown>;
  readonly actionClass: ActionClass;
  readonly outsideContent: boolean;
  /**
   * Validates (throwing `ToolArgumentsError`) and runs. Throws a readable Error on failure. Only
   * the policy gate's executor calls it (an architecture test holds every other caller to that).
   */
  execute(args: unknown, context: ToolContext): Promise<unknown>;
}

/** Thrown by `execute` when the arguments do not fit the tool's schema. */
export class ToolArgumentsError extends Error {
  override readonly name = 'ToolArgumentsError';
}

export interface ToolOutcome {
  /** `pending`: queued for the person's approval (or their undo window); nothing happened yet. */
  readonly status: 'ok' | 'error' | 'denied' | 'pending';
  /** What the model is told (JSON text for results, a sentence for errors and denials). */
  readonly result: string;
}

/** Tools that come and go (MCP servers connecting, crashing, being removed). */
export type ToolSource = () => readonly Tool[];

/** A tool whose arguments are a zod schema, validated here before `run`. */
export function defineTool<A extends z.ZodType>(tool: {
  readonly name: string;
  readonly group: string;
  readonly description: string;
  readonly args: A;
  readonly actionClass: ActionClass;
  readonly outsideContent: boolean;
  run(args: z.output<A>, context: ToolContext): Promise<unknown>;
}): Tool {
  return {
    name: tool.name,
    group: tool.group,
    description: tool.description,
    parameters: jsonSchemaOf(tool.args),
    actionClass: tool.actionClass,
    outsideContent: tool.outsideContent,
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

  /** Tools the persona may use, before the policy gate narrows them to a mode. */
  usable(persona: Persona): Tool[] {
    return this.all().filter((tool) => allowed(tool, persona));
  }

  /** Izzie's name for a tool the model called by its wire name (unknown names come back as given). */
  displayName(calledName: string): string {
    return this.find(calledName)?.name ?? calledName;
  }

  /** A tool by Izzie's name or its wire name. */
  find(calledName: string): Tool | undefined {
    return this.all().find((tool) => tool.name === calledName || wireName(tool.name) === calledName);
  }

  private all(): Tool[] {
    const seen = new Set(this.tools.keys());
    const dynamic = this.sources.flatMap((source) => source()).filter((tool) => !seen.has(tool.name) && seen.add(tool.name));
    return [...this.tools.values(), ...dynamic];
  }
}

/** Whether the persona's tool access names the tool, its group or its server. */
export function allowed(tool: Tool, persona: Persona): boolean {
  const access = persona.toolAccess;
  return access.includes(tool.group) || access.includes(tool.name) || (tool.server !== undefined && access.includes(tool.server));
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
