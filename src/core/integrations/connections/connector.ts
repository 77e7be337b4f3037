import type { ConnectInput, ConnectMethod, IntegrationId } from '../../../shared';
import type { StoredIntegration } from '../../store/integrations-repo';
import type { PollSource } from '../../engine/ingress/poll-source';
import type { BuiltinTool } from '../kit/builtin-tool';

/** What a successful connection keeps: the visible part goes to SQLite, `secrets` to the vault. */
export interface Connection {
  readonly method: ConnectMethod;
  readonly account: string;
  readonly scopes: readonly string[];
  readonly baseUrl: string | null;
  readonly settings: Readonly<Record<string, string>>;
  /** Short names (`token`, `refresh-token`); stored as `integration.<id>.<name>`. */
  readonly secrets: Readonly<Record<string, string>>;
}

/** A connection that needs the person elsewhere first (a browser sign-in, a device code). */
export interface PendingConnection {
  readonly flow: 'oauth' | 'device';
  readonly url: string;
  readonly userCode: string | null;
  readonly expiresAt: number;
  readonly done: Promise<Connection>;
}

export type ConnectStart =
  { readonly kind: 'connected'; readonly connection: Connection } | ({ readonly kind: 'pending' } & PendingConnection);

export interface ConnectContext {
  readonly signal: AbortSignal;
  readonly openExternal: (url: string) => Promise<void>;
}

/** A connected integration as a connector sees it when it builds its tools. */
export interface ConnectedState {
  readonly stored: StoredIntegration;
  secret(name: string): Promise<string | null>;
}

export interface ToolHooks {
  /** New credentials to keep (a refreshed token); short names as in `Connection.secrets`. */
  readonly saveSecrets: (secrets: Readonly<Record<string, string>>) => Promise<void>;
}

/** One service's way in: how to connect, how to build its tools, how to let go. */
export interface Connector<I extends ConnectInput = ConnectInput> {
  readonly id: IntegrationId;
  /** The card title: "Google — Gmail & Calendar". */
  readonly title: string;
  readonly server: { readonly name: string; readonly version: string };
  /** The server's tools, for listing before anything is connected (no request is made). */
  describeTools(): readonly BuiltinTool[];
  /** Checks the credentials with the service, or starts the flow that will produce them. */
  connect(input: I, context: ConnectContext): Promise<ConnectStart>;
  tools(state: ConnectedState, hooks: ToolHooks): Promise<readonly BuiltinTool[]>;
  /** What the engine polls in this account (events with no relay); none when absent. */
  pollers?(state: ConnectedState, hooks: ToolHooks): Promise<readonly PollSource[]>;
  /** Revokes the grant at the service, where that is possible. Best effort: disconnect goes on regardless. */
  revoke?(state: ConnectedState): Promise<void>;
}

export function secretName(id: IntegrationId, name: string): string {
  return `integration.${id}.${name}`;
}

export async function requireSecret(state: ConnectedState, name: string): Promise<string> {
  const value = await state.secret(name);
  if (value === null) throw new Error(`The ${name} for ${state.stored.id} is missing from the vault; reconnect it.`);
  return value;
}
