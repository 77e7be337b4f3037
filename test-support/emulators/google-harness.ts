import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { OAuth2Client } from 'google-auth-library';
import { GOOGLE_SERVER, googleTools } from '../../src/core/integrations/google/google-tools';
import { createBuiltinServer } from '../../src/core/integrations/kit/builtin-server';
import type { ServiceError } from '../../src/core/integrations/kit/service-error';
import { startGoogleProxy, type GoogleProxy } from './google-proxy';
import { googleSeed, SEEDED_ACCESS_TOKEN } from './google-seed';
import { startEmulator, type RunningEmulator } from './start-emulator';

/** The seeded Google emulator behind the test proxy (strict about tokens). Tests talk to `proxy.url`. */
export async function startGoogleWorld(options: { redirectUris?: readonly string[] } = {}) {
  const emulator: RunningEmulator = await startEmulator('google', googleSeed(options));
  const proxy: GoogleProxy = await startGoogleProxy(emulator.url, { strictTokens: [SEEDED_ACCESS_TOKEN] });
  return {
    emulator,
    proxy,
    close: async () => {
      await proxy.close();
      await emulator.close();
    },
  };
}

export interface ToolCallResult {
  readonly isError: boolean;
  readonly text: string;
  /** The text parsed as JSON when the call succeeded. */
  readonly json: unknown;
}

/** An MCP client connected in-process to the built-in google server running on `auth`. */
export async function connectGoogleServer(auth: OAuth2Client, rootUrl: string) {
  const serviceErrors: ServiceError[] = [];
  const server = createBuiltinServer({
    ...GOOGLE_SERVER,
    tools: googleTools({ auth, rootUrl }),
    onServiceError: (error) => serviceErrors.push(error),
  });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'izzie-test', version: '1.0.0' });
  await client.connect(clientSide);
  const call = async (name: string, args: Record<string, unknown>): Promise<ToolCallResult> => {
    const result = await client.callTool({ name, arguments: args });
    const content = result.content as { type: string; text?: string }[];
    const text = content.map((c) => c.text ?? '').join('');
    return { isError: result.isError === true, text, json: result.isError ? undefined : JSON.parse(text) };
  };
  return { client, call, serviceErrors, close: () => client.close() };
}
