import type { OAuth2Client } from 'google-auth-library';
import { GOOGLE_SERVER, googleTools } from '../../src/core/integrations/google/google-tools';
import { type BuiltinConnection, connectBuiltinServer } from '../mcp/builtin-client';
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

/** An MCP client connected in-process to the built-in google server running on `auth`. */
export function connectGoogleServer(auth: OAuth2Client, rootUrl: string): Promise<BuiltinConnection> {
  return connectBuiltinServer(GOOGLE_SERVER, googleTools({ auth, rootUrl }));
}
