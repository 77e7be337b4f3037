import type { Tool as ListedTool } from '@modelcontextprotocol/sdk/types.js';
import { ActionClass, PROXY_ACTION_CLASSES, type McpToolInfo } from '../../shared';
import { META_ACTION_CLASS, META_GROUP } from '../integrations/kit/builtin-server';

/** A tool of a running server as the rest of the core sees it. */
export interface ManagedTool {
  readonly serverId: string;
  /** `<serverId>.<tool>`, e.g. `github.pr_list`. */
  readonly name: string;
  /** The server's own name for it, which is what is sent back in `tools/call`. */
  readonly tool: string;
  readonly info: McpToolInfo;
  /** JSON Schema of the arguments, as the server listed it. */
  readonly inputSchema: Record<string, unknown>;
  /** What persona tool access names. */
  readonly group: string;
}

export interface CatalogServer {
  readonly id: string;
  readonly kind: 'builtin' | 'external';
}

const MAX_TOOL_NAME = 64;

/**
 * Turns a server's listing into Izzie's tools. Names outside `[a-z0-9_-]` are made safe (model APIs
 * accept little else, and `__` is reserved for the `.` of the namespace on the wire); a name that
 * cannot be made safe, or collides with another once made safe, is left out. Every change is
 * reported through `warn`, because the model will see a name the server does not use.
 */
export function catalogTools(
  server: CatalogServer,
  listed: readonly ListedTool[],
  warn: (message: string, fields: Record<string, unknown>) => void,
): ManagedTool[] {
  const out: ManagedTool[] = [];
  const taken = new Set<string>();
  for (const tool of listed) {
    const safe = safeToolName(tool.name);
    if (!safe) {
      warn('left out an MCP tool whose name cannot be made safe', { server: server.id, tool: tool.name });
      continue;
    }
    if (taken.has(safe)) {
      warn('left out an MCP tool whose safe name collides with another tool', { server: server.id, tool: tool.name, safe });
      continue;
    }
    if (safe !== tool.name) warn('renamed an MCP tool to a safe name', { server: server.id, tool: tool.name, safe });
    taken.add(safe);
    out.push(managedTool(server, tool, safe));
  }
  return out;
}

/** Lowercase, `[a-z0-9_-]` only, no `__`, no leading or trailing `_`/`-`; '' when nothing is left. */
export function safeToolName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[_-]+/, '')
    .slice(0, MAX_TOOL_NAME)
    .replace(/[_-]+$/, '');
}

function managedTool(server: CatalogServer, tool: ListedTool, safe: string): ManagedTool {
  const hints = tool.annotations ?? {};
  const readOnly = hints.readOnlyHint ?? false;
  const name = `${server.id}.${safe}`;
  return {
    serverId: server.id,
    name,
    tool: tool.name,
    info: {
      name,
      title: tool.title ?? hints.title ?? null,
      description: tool.description ?? '',
      actionClass: actionClassOf(server, tool),
      readOnly,
      // The MCP defaults: a tool that is not read-only is assumed destructive and open-world.
      destructive: hints.destructiveHint ?? !readOnly,
      idempotent: hints.idempotentHint ?? false,
      openWorld: hints.openWorldHint ?? true,
    },
    inputSchema: { ...tool.inputSchema },
    group: groupOf(server, tool),
  };
}

/**
 * The class policy decides on. Built-in servers state it in `_meta`. Anything else states at most
 * hints, which the MCP spec says a client must not trust; a wrong guess must therefore only ever err
 * towards asking the person:
 * - `destructiveHint: true` → `delete` (it may destroy data, whatever else it claims);
 * - `readOnlyHint: true` → `read`;
 * - anything else → `send`. An unknown tool that changes something may well act as the person towards
 *   others (post, mail, pay), and `send` is the class the seed always confirms; `update` would fall
 *   under grants a person gives for edits to their own data.
 * An external server may name a class in `_meta` only to be stricter: a proxy class is taken as
 * stated, `read` or `draft` from it is ignored (those would let the tool run without authorization).
 */
export function actionClassOf(server: CatalogServer, tool: ListedTool): ActionClass {
  const stated = ActionClass.safeParse(tool._meta?.[META_ACTION_CLASS]);
  if (stated.success && (server.kind === 'builtin' || PROXY_ACTION_CLASSES.includes(stated.data))) return stated.data;
  const hints = tool.annotations ?? {};
  if (hints.destructiveHint === true) return 'delete';
  if (hints.readOnlyHint === true) return 'read';
  return 'send';
}

/**
 * Persona tool access lists groups, so a group is a permission. Built-in servers name theirs
 * (`email`, `calendar`); an external server's tools are always in the server's own group, or it
 * could claim `email` and be granted what the person granted Gmail.
 */
function groupOf(server: CatalogServer, tool: ListedTool): string {
  const group = tool._meta?.[META_GROUP];
  return server.kind === 'builtin' && typeof group === 'string' && group ? group : server.id;
}
