import { IntegrationId } from '../../shared';
import { ToolArgumentsError, type Tool, type ToolSource } from '../agents/tools/tool-registry';
import type { McpManager } from '../mcp/mcp-manager';

/**
 * The tools of every running MCP server, as the chat agent's registry sees them. Tools whose action
 * class acts as the user are proxy actions, which only the policy gate may decide to run.
 * Arguments are checked by the server against its own schema; a refusal comes back as a tool error
 * the model can read. Persona access may also name the server (`github`, `my-notes`) or the tool.
 */
export function mcpToolSource(mcp: McpManager): ToolSource {
  return () =>
    mcp.tools().map((tool): Tool => ({
      name: tool.name,
      // Persona access names a built-in tool's kind (`email`); every added server is `external`.
      group: IntegrationId.safeParse(tool.serverId).success ? tool.group : 'external',
      server: tool.serverId,
      description: tool.info.description,
      parameters: tool.inputSchema,
      actionClass: tool.info.actionClass,
      // Every server's answers come from outside Izzie: mail, messages, issues, whatever it reads.
      outsideContent: true,
      execute: async (args, context) => {
        if (typeof args !== 'object' || args === null || Array.isArray(args)) {
          throw new ToolArgumentsError('arguments: expected an object');
        }
        const result = await mcp.callTool(tool.name, args as Record<string, unknown>, context.signal);
        if (result.isError) throw new Error(result.text);
        return result.text;
      },
    }));
}
