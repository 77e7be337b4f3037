import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/**
 * How to reach one MCP server. Secrets (environment values, headers) are functions so they are read
 * from the vault at each launch and never kept by the manager.
 */
export type ServerSpec =
  | {
      readonly id: string;
      readonly name: string;
      readonly kind: 'builtin';
      readonly transport: 'in-process';
      /** Called on each (re)start: an McpServer connects to one transport only once. */
      create(): McpServer;
    }
  | {
      readonly id: string;
      readonly name: string;
      readonly kind: 'external';
      readonly transport: 'stdio';
      readonly command: string;
      readonly args: readonly string[];
      readonly cwd?: string;
      /** Resolved at each launch and laid over a minimal base environment (the parent's is not inherited). */
      env(): Promise<Record<string, string>>;
    }
  | {
      readonly id: string;
      readonly name: string;
      readonly kind: 'external';
      readonly transport: 'http';
      readonly url: string;
      /** Resolved at each launch; sent with every request. */
      headers(): Promise<Record<string, string>>;
    };

/**
 * Server ids become the namespace of their tools (`github.pr_list`), which travel to model APIs as
 * `github__pr_list`; `[a-z0-9-]` keeps that mapping unambiguous.
 */
export const SERVER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
