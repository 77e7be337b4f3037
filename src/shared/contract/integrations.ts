import { z } from 'zod';
import { mutation, query } from '../rpc/define';

/**
 * What a tool does to the world, which is what policy decides on. `read` and `draft` leave nothing
 * another person can see; `send`, `create`, `update` and `delete` act as the user and need their
 * authorization.
 */
export const ActionClass = z.enum(['read', 'draft', 'create', 'update', 'delete', 'send']);
export type ActionClass = z.infer<typeof ActionClass>;

/** Action classes that act as the user. Until the policy gate exists the agent may not run them. */
export const PROXY_ACTION_CLASSES: readonly ActionClass[] = ['create', 'update', 'delete', 'send'];

export const IntegrationId = z.enum(['google', 'github', 'linear', 'slack', 'sms']);
export type IntegrationId = z.infer<typeof IntegrationId>;

export const IntegrationStatus = z.enum(['disconnected', 'connecting', 'connected', 'error']);
export type IntegrationStatus = z.infer<typeof IntegrationStatus>;

export const ConnectMethod = z.enum(['oauth', 'device', 'token', 'api_key', 'account_sid']);
export type ConnectMethod = z.infer<typeof ConnectMethod>;

export const Problem = z.strictObject({
  message: z.string(),
  /** What the person can do about it, in one sentence. */
  hint: z.string().nullable(),
  at: z.number(),
});
export type Problem = z.infer<typeof Problem>;

/** One account connection. Secrets never appear here; only what the person may see. */
export const Integration = z.strictObject({
  id: IntegrationId,
  name: z.string(),
  status: IntegrationStatus,
  /** Who Izzie is connected as (an email, a login, a workspace and user, a phone number). */
  account: z.string().nullable(),
  scopes: z.array(z.string()),
  method: ConnectMethod.nullable(),
  connectedAt: z.number().nullable(),
  /** The API base URL when it is not the service's own (a self-hosted or test endpoint). */
  baseUrl: z.string().nullable(),
  lastError: Problem.nullable(),
  /** While a browser sign-in or device code is pending: what the person must do. */
  pending: z
    .strictObject({
      kind: z.enum(['oauth', 'device']),
      /** The page to open (the OAuth consent page, or the device verification page). */
      url: z.string(),
      userCode: z.string().nullable(),
      expiresAt: z.number(),
    })
    .nullable(),
});
export type Integration = z.infer<typeof Integration>;

const BaseUrl = z
  .url({ protocol: /^https?$/, error: 'Enter an http(s) URL' })
  .max(500)
  .optional();
const Secret = (what: string) => z.string().trim().min(1, `Enter the ${what}`).max(4000);

export const ConnectInput = z.discriminatedUnion('id', [
  z.strictObject({
    id: z.literal('google'),
    clientId: z.string().trim().min(1, 'Enter the OAuth client ID').max(300),
    /** Google issues a secret even to desktop clients; it is stored in the vault like any other. */
    clientSecret: z.string().trim().max(300).optional(),
    /**
     * Google accepts any loopback port; an OAuth server that matches redirect URIs exactly (some
     * self-hosted ones) needs the registered `http://127.0.0.1:<port>/callback`.
     */
    redirectPort: z.number().int().min(1024, 'Use a port from 1024 to 65535').max(65535).optional(),
    baseUrl: BaseUrl,
  }),
  z.strictObject({
    id: z.literal('github'),
    /** A personal access token; or leave it out and give `clientId` to use the device flow. */
    token: Secret('token').optional(),
    clientId: z.string().trim().min(1).max(300).optional(),
    baseUrl: BaseUrl,
  }),
  z.strictObject({ id: z.literal('linear'), apiKey: Secret('API key'), baseUrl: BaseUrl }),
  z.strictObject({ id: z.literal('slack'), token: Secret('token'), baseUrl: BaseUrl }),
  z.strictObject({
    id: z.literal('sms'),
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'A Twilio account SID starts with AC and has 32 hex digits'),
    authToken: Secret('auth token'),
    fromNumber: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'Use the E.164 form, e.g. +15551234567'),
    baseUrl: BaseUrl,
  }),
]);
export type ConnectInput = z.infer<typeof ConnectInput>;

export const McpToolInfo = z.strictObject({
  /** Namespaced: `<server>.<tool>`, e.g. `github.pr_list`. */
  name: z.string(),
  title: z.string().nullable(),
  description: z.string(),
  actionClass: ActionClass,
  readOnly: z.boolean(),
  destructive: z.boolean(),
  idempotent: z.boolean(),
  openWorld: z.boolean(),
});
export type McpToolInfo = z.infer<typeof McpToolInfo>;

export const McpServerStatus = z.enum([
  /** Built-in server whose integration is not connected. */
  'not-connected',
  /** External stdio server nobody has consented to run yet. */
  'needs-consent',
  'disabled',
  'starting',
  'running',
  /** Died; `nextRestartAt` says when Izzie tries again. */
  'crashed',
  /** Crashed too often; waits for the person to restart it. */
  'failed',
]);
export type McpServerStatus = z.infer<typeof McpServerStatus>;

export const McpServer = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['builtin', 'external']),
  transport: z.enum(['in-process', 'stdio', 'http']),
  /** The exact command line for stdio servers, shown in full before consent. */
  command: z.strictObject({ command: z.string(), args: z.array(z.string()), cwd: z.string().nullable() }).nullable(),
  url: z.string().nullable(),
  /** Names of environment variables whose values live in the vault; values are never sent out. */
  secretEnv: z.array(z.string()),
  status: McpServerStatus,
  lastError: Problem.nullable(),
  restarts: z.number().int(),
  nextRestartAt: z.number().nullable(),
  tools: z.array(McpToolInfo),
});
export type McpServer = z.infer<typeof McpServer>;

const ServerName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'Use lowercase letters, digits and "-" (up to 32), starting with a letter');
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'Not a valid environment variable name');

export const AddServerInput = z.discriminatedUnion('transport', [
  z.strictObject({
    transport: z.literal('stdio'),
    name: ServerName,
    command: z.string().trim().min(1, 'Enter the command to run').max(1000),
    args: z.array(z.string().max(4000)).max(100).default([]),
    cwd: z.string().max(1000).optional(),
    /** Values are stored in the vault and passed to the process by environment. */
    env: z.record(EnvName, z.string().max(8000)).default({}),
  }),
  z.strictObject({
    transport: z.literal('http'),
    name: ServerName,
    url: z.url({ protocol: /^https?$/, error: 'Enter an http(s) URL' }).max(1000),
    /** Sent with every request (e.g. Authorization); stored in the vault. */
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), z.string().max(8000)).default({}),
  }),
]);
export type AddServerInput = z.input<typeof AddServerInput>;

export const ImportReport = z.strictObject({
  added: z.array(McpServer),
  skipped: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const integrationMethods = {
  'integrations.list': query(z.strictObject({}), z.array(Integration)),
  /**
   * Connects with a token, key or account SID (checked against the service first), or starts a
   * browser sign-in / device flow whose progress arrives as `integrations.changed`.
   */
  'integrations.connect': mutation(ConnectInput, Integration, { sensitiveInput: true }),
  'integrations.cancel': mutation(z.strictObject({ id: IntegrationId }), Integration),
  /** Forgets the credentials (revoking them where the service allows) and stops the server. */
  'integrations.disconnect': mutation(z.strictObject({ id: IntegrationId }), Integration),
  'mcp.list': query(z.strictObject({}), z.array(McpServer)),
  'mcp.add': mutation(AddServerInput, McpServer, { sensitiveInput: true }),
  /** Imports a Claude Desktop config (`{"mcpServers": {...}}`) from its JSON text. */
  'mcp.import': mutation(z.strictObject({ json: z.string().max(1_000_000) }), ImportReport, { sensitiveInput: true }),
  /**
   * The person saw the exact command and agrees to run it. `commandLine` must equal what Izzie
   * showed, so consent can never cover a command that changed since.
   */
  'mcp.consent': mutation(z.strictObject({ id: z.string(), commandLine: z.string() }), McpServer),
  'mcp.setEnabled': mutation(z.strictObject({ id: z.string(), enabled: z.boolean() }), McpServer),
  'mcp.restart': mutation(z.strictObject({ id: z.string() }), McpServer),
  'mcp.remove': mutation(z.strictObject({ id: z.string() }), z.strictObject({ removed: z.boolean() })),
};

/** The exact command line shown to the person before consent (each argument shell-quoted). */
export function formatCommandLine(command: { command: string; args: readonly string[] }): string {
  return [command.command, ...command.args].map(shellQuote).join(' ');
}

function shellQuote(part: string): string {
  if (part !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(part)) return part;
  return `'${part.replace(/'/g, `'\\''`)}'`;
}
