// A tiny stdio MCP server for the client manager's tests: `node test-support/mcp/echo-server.mjs`.
import { writeFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'echo', version: '1.0.0' });

server.registerTool(
  'echo',
  {
    title: 'Echo',
    description: 'Returns the text it is given.',
    inputSchema: { text: z.string() },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  },
  async ({ text }) => ({ content: [{ type: 'text', text }] }),
);

server.registerTool(
  'env_value',
  {
    title: 'Environment value',
    description: 'Returns the value of an environment variable, or "(unset)".',
    inputSchema: { name: z.string() },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  },
  async ({ name }) => ({ content: [{ type: 'text', text: process.env[name] ?? '(unset)' }] }),
);

server.registerTool(
  'crash',
  {
    title: 'Crash',
    description: 'Writes a line to stderr and exits with code 3.',
    inputSchema: {},
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  },
  async () => {
    process.stderr.write('echo-server: crashing on purpose\n');
    process.exit(3);
  },
);

// Lets a test check that the process it started is the one that answers.
server.registerTool(
  'pid',
  {
    title: 'Process id',
    description: "Returns the server's process id.",
    inputSchema: {},
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  },
  async () => ({ content: [{ type: 'text', text: String(process.pid) }] }),
);

// Lets a test find the process and stop it before the handshake completes (to prove that leaves none).
if (process.env.ECHO_PID_FILE) writeFileSync(process.env.ECHO_PID_FILE, String(process.pid));
if (process.env.ECHO_DELAY_MS) await new Promise((resolve) => setTimeout(resolve, Number(process.env.ECHO_DELAY_MS)));
process.stderr.write('echo-server: ready\n');
await server.connect(new StdioServerTransport());
