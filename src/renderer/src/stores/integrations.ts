import { create } from 'zustand';
import type { Integration, McpServer } from '../../../shared';
import type { LoadStatus } from './threads';

interface IntegrationsStore {
  /** Account connections in the core's order. Secrets never reach the renderer, so none are here. */
  integrations: Integration[];
  integrationsStatus: LoadStatus;
  /** Why the last load failed, in the core's words; null once a load succeeds. */
  integrationsError: string | null;
  /** Built-in servers first, then the person's own, as `mcp.list` orders them. */
  servers: McpServer[];
  serversStatus: LoadStatus;
  serversError: string | null;
  setIntegrationsStatus(status: LoadStatus, error?: string): void;
  setIntegrations(integrations: Integration[]): void;
  upsertIntegration(integration: Integration): void;
  setServersStatus(status: LoadStatus, error?: string): void;
  setServers(servers: McpServer[]): void;
  upsertServer(server: McpServer): void;
  removeServer(id: string): void;
}

export const useIntegrations = create<IntegrationsStore>()((set) => ({
  integrations: [],
  integrationsStatus: 'idle',
  integrationsError: null,
  servers: [],
  serversStatus: 'idle',
  serversError: null,
  setIntegrationsStatus: (integrationsStatus, error) => set({ integrationsStatus, integrationsError: error ?? null }),
  setIntegrations: (integrations) => set({ integrations, integrationsStatus: 'ready', integrationsError: null }),
  upsertIntegration: (integration) => set((s) => ({ integrations: upsert(s.integrations, integration) })),
  setServersStatus: (serversStatus, error) => set({ serversStatus, serversError: error ?? null }),
  setServers: (servers) => set({ servers, serversStatus: 'ready', serversError: null }),
  upsertServer: (server) => set((s) => ({ servers: upsert(s.servers, server) })),
  removeServer: (id) => set((s) => ({ servers: s.servers.filter((server) => server.id !== id) })),
}));

/** Replaces in place so a card never jumps; something new goes last, as the core lists it. */
function upsert<T extends { id: string }>(items: T[], item: T): T[] {
  return items.some((existing) => existing.id === item.id)
    ? items.map((existing) => (existing.id === item.id ? item : existing))
    : [...items, item];
}
