import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { BuiltinTool } from './builtin-tool';
import { ServiceError } from './service-error';

/** `_meta` keys Izzie's client reads back from every built-in tool listing. */
export const META_ACTION_CLASS = 'app.izzie/actionClass';
export const META_GROUP = 'app.izzie/group';

export interface BuiltinServerOptions {
  readonly name: string;
  readonly version: string;
  readonly tools: readonly BuiltinTool[];
  /**
   * Told about every service failure before it becomes a tool error; the connection layer marks an
   * integration disconnected on `unauthorized`.
   */
  readonly onServiceError?: (error: ServiceError) => void;
}

/**
 * An MCP server over a set of built-in tools. Inputs are validated by the SDK against each tool's
 * zod schema before `run`; results are JSON text; failures are tool errors (`isError`) whose text a
 * person can read, never thrown protocol errors.
 */
export function createBuiltinServer(options: BuiltinServerOptions): McpServer {
  const server = new McpServer({ name: options.name, version: options.version }, { capabilities: { tools: {} } });
  for (const tool of options.tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input.shape,
        annotations: { title: tool.title, ...tool.hints },
        _meta: { [META_ACTION_CLASS]: tool.actionClass, [META_GROUP]: tool.group },
      },
      async (input: unknown, extra: { signal: AbortSignal }): Promise<CallToolResult> => {
        try {
          const value = await tool.run(input as never, extra.signal);
          return { content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }] };
        } catch (error) {
          return errorResult(error, options);
        }
      },
    );
  }
  return server;
}

function errorResult(error: unknown, options: BuiltinServerOptions): CallToolResult {
  if (error instanceof ServiceError) {
    options.onServiceError?.(error);
    return { isError: true, content: [{ type: 'text', text: error.message }] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { isError: true, content: [{ type: 'text', text: `${options.name} failed unexpectedly: ${message}` }] };
}
