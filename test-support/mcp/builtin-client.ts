import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createBuiltinServer } from '../../src/core/integrations/kit/builtin-server';
import type { BuiltinTool } from '../../src/core/integrations/kit/builtin-tool';
import type { ServiceError } from '../../src/core/integrations/kit/service-error';

/**
 * What a tool call answered. `json` is a method (on the prototype), so `toEqual({ isError, text })`
 * compares exactly what the server said.
 */
export class BuiltinCallResult {
  constructor(
    readonly isError: boolean,
    readonly text: string,
  ) {}

  /** The text parsed as JSON; throws when it is not JSON (an error's text usually is not). */
  json<T = unknown>(): T {
    return JSON.parse(this.text) as T;
  }
}

export interface BuiltinConnection {
  readonly client: Client;
  /** Every service failure the server reported, in order. */
  readonly serviceErrors: ServiceError[];
  call(name: string, args: Record<string, unknown>): Promise<BuiltinCallResult>;
  close(): Promise<void>;
}

/** An MCP client connected in-process (over `InMemoryTransport`) to a built-in server over `tools`. */
export async function connectBuiltinServer(
  info: { readonly name: string; readonly version: string },
  tools: readonly BuiltinTool[],
  options: { readonly onServiceError?: (error: ServiceError) => void } = {},
): Promise<BuiltinConnection> {
  const serviceErrors: ServiceError[] = [];
  const server = createBuiltinServer({
    name: info.name,
    version: info.version,
    tools,
    onServiceError: (error) => {
      serviceErrors.push(error);
      options.onServiceError?.(error);
    },
  });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'izzie-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    serviceErrors,
    async call(name, args) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text?: string }[];
      return new BuiltinCallResult(result.isError === true, content.map((part) => part.text ?? '').join(''));
    },
    close: () => client.close(),
  };
}

/**
 * Connects built-in servers for a test file and closes them together:
 * `const servers = builtinConnections(); afterEach(servers.closeAll);`.
 */
export function builtinConnections() {
  const open: BuiltinConnection[] = [];
  const serviceErrors: ServiceError[] = [];
  return {
    /** Every service failure any of the open servers reported, in order. */
    serviceErrors,
    async connect(info: { readonly name: string; readonly version: string }, tools: readonly BuiltinTool[]) {
      const connection = await connectBuiltinServer(info, tools, { onServiceError: (error) => serviceErrors.push(error) });
      open.push(connection);
      return connection;
    },
    /** Closes every open server and forgets their failures, ready for the next test. */
    closeAll: async (): Promise<void> => {
      await Promise.all(open.splice(0).map((connection) => connection.close()));
      serviceErrors.length = 0;
    },
  };
}
