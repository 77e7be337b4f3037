import { defineHandlers } from '../handler-types';

export const integrationHandlers = defineHandlers({
  'integrations.list': (_params, ctx) => ctx.integrations.list(),
  'integrations.connect': (input, ctx) => ctx.integrations.connect(input),
  'integrations.cancel': ({ id }, ctx) => ctx.integrations.cancel(id),
  'integrations.disconnect': ({ id }, ctx) => ctx.integrations.disconnect(id),
  'mcp.list': (_params, ctx) => ctx.mcpServers.list(),
  'mcp.add': (input, ctx) => ctx.mcpServers.add(input),
  'mcp.import': ({ json }, ctx) => ctx.mcpServers.import(json),
  'mcp.consent': ({ id, commandLine }, ctx) => ctx.mcpServers.consent(id, commandLine),
  'mcp.setEnabled': ({ id, enabled }, ctx) => ctx.mcpServers.setEnabled(id, enabled),
  'mcp.restart': ({ id }, ctx) => ctx.mcpServers.restart(id),
  'mcp.remove': ({ id }, ctx) => ctx.mcpServers.remove(id),
});
