import {
  AddServerInput,
  IntegrationId,
  RpcError,
  formatCommandLine,
  type ActionClass,
  type ConnectInput,
  type EventName,
  type EventPayload,
  type ImportReport,
  type Integration,
  type McpServer,
  type McpToolInfo,
} from '../../../shared';
import type { Handlers } from './fake-models';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface FakeIntegrationsOptions {
  /** Credentials the fake services accept (token, API key, auth token), and whose account each is. */
  accounts?: Record<string, string>;
  /** External servers that exist from the start. */
  servers?: McpServer[];
}

/** What the fake services accept unless a test says otherwise. */
export const FAKE_ACCOUNTS: Record<string, string> = {
  ghp_octocat0123456789: 'octocat',
  lin_api_ada0123456789: 'Ada Lovelace (ada@example.com)',
  'xoxb-0123-ada-bot': 'Acme (T0123) as @izzie',
  twilio0123456789: 'Twilio',
};

const NAMES: Record<IntegrationId, string> = {
  google: 'Google — Gmail & Calendar',
  github: 'GitHub',
  linear: 'Linear',
  slack: 'Slack',
  sms: 'SMS — Twilio',
};

const SCOPES: Record<IntegrationId, string[]> = {
  google: ['https://www.googleapis.com/auth/gmail.modify', 'https://www.googleapis.com/auth/calendar'],
  github: ['repo', 'read:org', 'notifications'],
  linear: ['read', 'write'],
  slack: ['channels:history', 'chat:write', 'users:read'],
  sms: [],
};

const TOOLS: Record<IntegrationId, [name: string, actionClass: ActionClass, description: string][]> = {
  google: [
    ['gmail_search', 'read', 'Search your mail with Gmail’s query syntax.'],
    ['gmail_read', 'read', 'Read one message or thread.'],
    ['gmail_draft', 'draft', 'Write a draft reply; nothing is sent.'],
    ['gmail_send', 'send', 'Send an email as you.'],
    ['calendar_query', 'read', 'List events in a time range.'],
    ['calendar_create', 'create', 'Create an event.'],
    ['calendar_update', 'update', 'Change an event.'],
    ['calendar_delete', 'delete', 'Delete an event.'],
    ['calendar_freebusy', 'read', 'Find when you are free.'],
  ],
  github: [
    ['issues_list', 'read', 'List issues in a repository.'],
    ['issue_create', 'create', 'Open an issue.'],
    ['pr_list', 'read', 'List pull requests in a repository.'],
    ['pr_get', 'read', 'Read one pull request.'],
    ['pr_review', 'send', 'Post a review on a pull request.'],
    ['notifications_list', 'read', 'Your unread notifications.'],
  ],
  linear: [
    ['issues_list', 'read', 'List issues.'],
    ['issue_create', 'create', 'Create an issue.'],
    ['issue_update', 'update', 'Change an issue.'],
    ['comment_create', 'create', 'Comment on an issue.'],
  ],
  slack: [
    ['channel_history', 'read', 'Recent messages in a channel.'],
    ['message_send', 'send', 'Post a message as you.'],
    ['users_lookup', 'read', 'Find a person by email.'],
  ],
  sms: [['sms_send', 'send', 'Send a text message.']],
};

/** What a stdio server offers once it runs: the fake has no process, so one harmless tool. */
const EXTERNAL_TOOL: Omit<McpToolInfo, 'name'> = {
  title: null,
  description: 'Says hello back.',
  actionClass: 'read',
  readOnly: true,
  destructive: false,
  idempotent: true,
  openWorld: false,
};

const SIGN_IN_MS = 10 * 60_000;
const RESERVED = new Set<string>([...IntegrationId.options, 'builtin', 'izzie']);

/**
 * Integrations and MCP servers behind the fake core, in memory and driven by the input: credentials
 * in `accounts` connect as that account, others are refused as the service would; browser and
 * device sign-ins stay pending until the test calls `finishSignIn`. Secrets go to `vault` and never
 * into an answer or an event, like the core. Events are emitted before the call answers, as the
 * core's event hub does.
 */
export function createFakeIntegrations(emit: Emit, options: FakeIntegrationsOptions = {}) {
  const accounts = { ...FAKE_ACCOUNTS, ...options.accounts };
  const integrations = new Map<IntegrationId, Integration>(IntegrationId.options.map((id) => [id, disconnected(id)]));
  const servers = new Map<string, McpServer>(IntegrationId.options.map((id) => [id, builtinServer(id, false)]));
  for (const server of options.servers ?? []) servers.set(server.id, server);
  const consented = new Map<string, string>();
  const state = {
    /** What the keychain would hold, by `<owner>/<name>`. */
    vault: new Map<string, string>(),
    integrations,
    servers,
  };

  function setIntegration(integration: Integration): Integration {
    integrations.set(integration.id, integration);
    emit('integrations.changed', { integration });
    return integration;
  }

  function setServer(server: McpServer): McpServer {
    servers.set(server.id, server);
    emit('mcp.changed', { server, removedId: null });
    return server;
  }

  function connected(id: IntegrationId, account: string, method: Integration['method'], baseUrl: string | null): Integration {
    setServer(builtinServer(id, true));
    return setIntegration({
      ...disconnected(id),
      status: 'connected',
      account,
      scopes: SCOPES[id],
      method,
      connectedAt: Date.now(),
      baseUrl,
    });
  }

  function accountFor(id: IntegrationId, credential: string, what: string): string {
    const account = accounts[credential.trim()];
    if (!account) {
      throw new RpcError('INVALID_INPUT', `${NAMES[id]} refused the ${what} (401 Unauthorized). Check it and try again.`);
    }
    return account;
  }

  function pending(input: ConnectInput, flow: 'oauth' | 'device', url: string, userCode: string | null): Integration {
    return setIntegration({
      ...disconnected(input.id),
      status: 'connecting',
      baseUrl: input.baseUrl ?? null,
      pending: { kind: flow, url, userCode, expiresAt: Date.now() + SIGN_IN_MS },
    });
  }

  function connect(input: ConnectInput): Integration {
    const baseUrl = input.baseUrl ?? null;
    switch (input.id) {
      case 'google': {
        if (input.clientSecret) state.vault.set('google/client-secret', input.clientSecret.trim());
        const base = input.baseUrl ?? 'https://accounts.google.com';
        const url = `${base}/o/oauth2/v2/auth?client_id=${encodeURIComponent(input.clientId.trim())}&code_challenge_method=S256`;
        return pending(input, 'oauth', url, null);
      }
      case 'github': {
        if (input.token) {
          const account = accountFor('github', input.token, 'token');
          state.vault.set('github/token', input.token.trim());
          return connected('github', account, 'token', baseUrl);
        }
        if (!input.clientId)
          throw new RpcError('INVALID_INPUT', 'Paste a token, or give the client ID of your GitHub OAuth app.');
        return pending(input, 'device', `${input.baseUrl ?? 'https://github.com'}/login/device`, 'WDJB-MJHT');
      }
      case 'linear': {
        const account = accountFor('linear', input.apiKey, 'API key');
        state.vault.set('linear/api-key', input.apiKey.trim());
        return connected('linear', account, 'api_key', baseUrl);
      }
      case 'slack': {
        const account = accountFor('slack', input.token, 'token');
        state.vault.set('slack/token', input.token.trim());
        return connected('slack', account, 'token', baseUrl);
      }
      case 'sms': {
        accountFor('sms', input.authToken, 'auth token');
        state.vault.set('sms/auth-token', input.authToken.trim());
        return connected('sms', input.fromNumber.trim(), 'account_sid', baseUrl);
      }
    }
  }

  function external(id: string): McpServer {
    if (RESERVED.has(id)) throw new RpcError('INVALID_INPUT', `${id} is a built-in server; manage it through its integration.`);
    const server = servers.get(id);
    if (!server) throw new RpcError('NOT_FOUND', `MCP server ${id} not found`);
    return server;
  }

  function add(raw: AddServerInput): McpServer {
    const input = AddServerInput.parse(raw);
    if (RESERVED.has(input.name))
      throw new RpcError('CONFLICT', `"${input.name}" is the name of a built-in server; choose another.`);
    if (servers.has(input.name)) throw new RpcError('CONFLICT', `There is already a server named "${input.name}".`);
    const values = input.transport === 'stdio' ? input.env : input.headers;
    for (const [name, value] of Object.entries(values)) state.vault.set(`mcp/${input.name}/${name}`, value);
    const base = {
      id: input.name,
      name: input.name,
      kind: 'external',
      lastError: null,
      restarts: 0,
      nextRestartAt: null,
    } as const;
    return setServer(
      input.transport === 'stdio'
        ? {
            ...base,
            transport: 'stdio',
            command: { command: input.command, args: input.args, cwd: input.cwd ?? null },
            url: null,
            secretEnv: Object.keys(input.env),
            status: 'needs-consent',
            tools: [],
          }
        : {
            ...base,
            transport: 'http',
            command: null,
            url: input.url,
            secretEnv: Object.keys(input.headers),
            status: 'running',
            tools: [{ ...EXTERNAL_TOOL, name: `${input.name}.hello` }],
          },
    );
  }

  function importConfig(json: string): ImportReport {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new RpcError(
        'INVALID_INPUT',
        `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    const entries = isRecord(parsed) && isRecord(parsed.mcpServers) ? Object.entries(parsed.mcpServers) : null;
    if (!entries) {
      throw new RpcError(
        'INVALID_INPUT',
        'This is not a Claude Desktop configuration: it has no "mcpServers" object mapping names to servers.',
      );
    }
    const report: ImportReport = { added: [], skipped: [] };
    for (const [name, entry] of entries) {
      const input = isRecord(entry) ? toAddInput(name, entry) : null;
      if (!input) {
        report.skipped.push({ name, reason: 'It has neither a command to run nor a url to connect to.' });
        continue;
      }
      const valid = AddServerInput.safeParse(input);
      if (!valid.success) {
        const reason = valid.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        report.skipped.push({ name, reason: `${reason}.` });
        continue;
      }
      try {
        report.added.push(add(input));
      } catch (error) {
        report.skipped.push({ name, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }

  const handlers: Pick<
    Handlers,
    | 'integrations.list'
    | 'integrations.connect'
    | 'integrations.cancel'
    | 'integrations.disconnect'
    | 'mcp.list'
    | 'mcp.add'
    | 'mcp.import'
    | 'mcp.consent'
    | 'mcp.setEnabled'
    | 'mcp.restart'
    | 'mcp.remove'
  > = {
    'integrations.list': () => [...integrations.values()],
    'integrations.connect': connect,
    'integrations.cancel': ({ id }) => {
      const current = integrations.get(id) ?? disconnected(id);
      return current.status === 'connecting' ? setIntegration(disconnected(id)) : current;
    },
    'integrations.disconnect': ({ id }) => {
      for (const key of [...state.vault.keys()]) if (key.startsWith(`${id}/`)) state.vault.delete(key);
      setServer(builtinServer(id, false));
      return setIntegration(disconnected(id));
    },
    'mcp.list': () => [...servers.values()],
    'mcp.add': add,
    'mcp.import': ({ json }) => importConfig(json),
    'mcp.consent': ({ id, commandLine }) => {
      const server = external(id);
      if (!server.command) throw new RpcError('INVALID_INPUT', `${id} is not a command; it needs no consent.`);
      if (commandLine !== formatCommandLine(server.command)) {
        throw new RpcError('CONFLICT', `The command for ${id} is not the one you were shown. Review it again before agreeing.`);
      }
      consented.set(id, commandLine);
      return setServer(running(server));
    },
    'mcp.setEnabled': ({ id, enabled }) => {
      const server = external(id);
      if (!enabled) return setServer({ ...server, status: 'disabled', tools: [], nextRestartAt: null });
      const mayRun = !server.command || consented.get(id) === formatCommandLine(server.command);
      return setServer(mayRun ? running(server) : { ...server, status: 'needs-consent' });
    },
    'mcp.restart': ({ id }) => {
      const server = servers.get(id);
      if (!server) throw new RpcError('NOT_FOUND', `MCP server ${id} not found`);
      if (server.status === 'not-connected')
        throw new RpcError('CONFLICT', `Connect ${id} first; its server runs once the account is connected.`);
      if (server.status === 'disabled' || server.status === 'needs-consent') {
        throw new RpcError('CONFLICT', `${id} is disabled or waits for your consent.`);
      }
      return setServer({ ...running(server), restarts: server.restarts + 1 });
    },
    'mcp.remove': ({ id }) => {
      external(id);
      servers.delete(id);
      for (const key of [...state.vault.keys()]) if (key.startsWith(`mcp/${id}/`)) state.vault.delete(key);
      emit('mcp.changed', { server: null, removedId: id });
      return { removed: true };
    },
  };

  /** Completes a pending browser or device sign-in as the service would after the person agreed. */
  function finishSignIn(id: 'google' | 'github', account: string): void {
    const current = integrations.get(id);
    if (current?.status !== 'connecting') throw new Error(`fake core: ${id} has no sign-in pending`);
    state.vault.set(id === 'google' ? 'google/refresh-token' : 'github/token', `${id}-granted-token`);
    connected(id, account, id === 'google' ? 'oauth' : 'device', current.baseUrl);
  }

  return { handlers, state, finishSignIn };
}

function disconnected(id: IntegrationId): Integration {
  return {
    id,
    name: NAMES[id],
    status: 'disconnected',
    account: null,
    scopes: [],
    method: null,
    connectedAt: null,
    baseUrl: null,
    lastError: null,
    pending: null,
  };
}

function builtinServer(id: IntegrationId, running: boolean): McpServer {
  return {
    id,
    name: NAMES[id],
    kind: 'builtin',
    transport: 'in-process',
    command: null,
    url: null,
    secretEnv: [],
    status: running ? 'running' : 'not-connected',
    lastError: null,
    restarts: 0,
    nextRestartAt: null,
    tools: TOOLS[id].map(([name, actionClass, description]) => tool(`${id}.${name}`, actionClass, description)),
  };
}

function running(server: McpServer): McpServer {
  return {
    ...server,
    status: 'running',
    lastError: null,
    nextRestartAt: null,
    tools: server.kind === 'external' ? [{ ...EXTERNAL_TOOL, name: `${server.id}.hello` }] : server.tools,
  };
}

/** A built-in tool as the core describes it, annotations following its action class. */
export function tool(name: string, actionClass: ActionClass, description: string): McpToolInfo {
  return {
    name,
    title: null,
    description,
    actionClass,
    readOnly: actionClass === 'read',
    destructive: actionClass === 'delete' || actionClass === 'update',
    idempotent: actionClass === 'read',
    openWorld: actionClass !== 'read' && actionClass !== 'draft',
  };
}

/** An entry of a Claude Desktop `mcpServers` object, as `mcp.add` takes it; null when it is neither. */
function toAddInput(name: string, entry: Record<string, unknown>): AddServerInput | null {
  const strings = (value: unknown): Record<string, string> =>
    isRecord(value)
      ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : {};
  if (typeof entry.command === 'string' && entry.url === undefined) {
    const args = Array.isArray(entry.args) ? entry.args.filter((a): a is string => typeof a === 'string') : [];
    return { transport: 'stdio', name, command: entry.command, args, env: strings(entry.env) };
  }
  if (typeof entry.url === 'string' && entry.command === undefined) {
    return { transport: 'http', name, url: entry.url, headers: strings(entry.headers) };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
