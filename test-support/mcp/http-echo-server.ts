import { createServer, type IncomingMessage } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { listenLocal, sendJson } from '../http-kit';

export interface HttpEchoServer {
  /** The MCP endpoint, `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A Streamable HTTP MCP server on 127.0.0.1 with one `echo` tool, stateless (a fresh server per
 * request, as the SDK's stateless example does). With `requireHeader`, requests without that exact
 * header are answered 401. `port` lets a test bring a server back where it was.
 */
export async function startHttpEchoServer(
  options: { requireHeader?: { readonly name: string; readonly value: string }; port?: number } = {},
): Promise<HttpEchoServer> {
  const http = createServer((req, res) => {
    if (!authorized(req, options.requireHeader)) {
      sendJson(res, 401, { error: 'unauthorized' });
      return;
    }
    if (req.method !== 'POST' || !req.url?.startsWith('/mcp')) {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const server = echoServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  const listening = await listenLocal(http, options.port);
  return { url: `${listening.url}/mcp`, close: listening.close };
}

function authorized(req: IncomingMessage, required: { name: string; value: string } | undefined): boolean {
  return !required || req.headers[required.name.toLowerCase()] === required.value;
}

function echoServer(): McpServer {
  const server = new McpServer({ name: 'http-echo', version: '1.0.0' });
  server.registerTool(
    'echo',
    {
      description: 'Returns the text it is given.',
      inputSchema: { text: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}
