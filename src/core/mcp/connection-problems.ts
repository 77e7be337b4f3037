import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { LaunchError } from './mcp-connection';
import type { ServerSpec } from './server-spec';

/** A failure in words: what happened, and what the person can do (when there is something). */
export interface Trouble {
  readonly message: string;
  readonly hint: string | null;
}

const TAIL_LINES = 5;

/** What fetch's low-level causes mean, in words. */
const REACH_FAILURES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the connection was closed',
  ENOTFOUND: 'the host was not found',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
};

/** Why a server could not be started, from whatever the launch or the handshake threw. */
export function startFailure(spec: ServerSpec, error: unknown, stderr: readonly string[], timeoutMs: number): Trouble {
  if (error instanceof LaunchError) return { message: error.message, hint: error.hint };
  if (spec.transport === 'stdio') {
    const code = errnoCode(error);
    if (code === 'ENOENT') {
      return {
        message: `Could not start \`${spec.command}\`: command not found.`,
        hint: 'Check that it is installed and on the PATH, or give its full path.',
      };
    }
    if (code === 'EACCES') {
      return { message: `Could not start \`${spec.command}\`: permission denied.`, hint: 'Make sure the file is executable.' };
    }
  }
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return withTail(
      {
        message: `${spec.name} did not complete the MCP handshake within ${duration(timeoutMs)}.`,
        hint: `Check that it is an MCP server speaking over ${spec.transport === 'http' ? 'Streamable HTTP' : 'stdio'}.`,
      },
      stderr,
    );
  }
  if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed) {
    return withTail(
      spec.transport === 'stdio'
        ? {
            message: `\`${spec.command}\` exited while starting, before it completed the MCP handshake.`,
            hint: 'Check its arguments and environment; its last output is shown above when it wrote any.',
          }
        : { message: `${spec.name} closed the connection while starting.`, hint: null },
      stderr,
    );
  }
  if (spec.transport === 'http') return httpFailure(spec.url, error);
  return withTail({ message: `Could not start ${spec.name}: ${messageOf(error)}`, hint: null }, stderr);
}

/** A running server's connection ended without Izzie closing it. */
export function lostConnection(spec: ServerSpec, stderr: readonly string[]): Trouble {
  if (spec.transport === 'stdio') return withTail({ message: `${spec.name} stopped unexpectedly.`, hint: null }, stderr);
  return { message: `${spec.name} closed the connection unexpectedly.`, hint: null };
}

/**
 * Whether a failed call means the HTTP server is gone (refused, unreachable, or it forgot the session
 * after a restart), rather than that one request failed.
 */
export function isLostHttpServer(error: unknown): boolean {
  if (error instanceof StreamableHTTPError) return error.code === 404;
  return error instanceof TypeError && errnoCode(error.cause) !== undefined;
}

export function httpFailure(url: string, error: unknown): Trouble {
  const where = `the MCP server at ${address(url)}`;
  if (error instanceof StreamableHTTPError && error.code !== undefined && error.code > 0) {
    if (error.code === 401 || error.code === 403) {
      return {
        message: `${capitalize(where)} refused Izzie's credentials (HTTP ${error.code}).`,
        hint: 'Check the headers (such as Authorization) stored for this server.',
      };
    }
    if (error.code === 404) return { message: `There is no MCP endpoint at ${address(url)} (HTTP 404).`, hint: 'Check the URL.' };
    return { message: `${capitalize(where)} answered with HTTP ${error.code}.`, hint: null };
  }
  const cause = error instanceof TypeError ? error.cause : undefined;
  const why = REACH_FAILURES[errnoCode(cause) ?? ''] ?? messageOf(cause ?? error);
  return { message: `Could not reach ${where}: ${why}.`, hint: 'Check that the server is running and that the URL is right.' };
}

export function duration(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 1_000)} seconds`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTail(trouble: Trouble, stderr: readonly string[]): Trouble {
  const lines = stderr.slice(-TAIL_LINES);
  if (lines.length === 0) return trouble;
  return { ...trouble, message: `${trouble.message}\nIts last output:\n${lines.join('\n')}` };
}

/** The URL without its query, fragment or credentials, any of which may carry a secret. */
function address(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'its address';
  }
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
