import type { ConnectInput } from '../../../shared';
import { linearIdentity } from '../linear/linear-identity';
import { linearIssuesSource } from '../linear/linear-poller';
import { LINEAR_SERVER, linearTools } from '../linear/linear-tools';
import { requireSecret, type Connector } from './connector';

type LinearInput = Extract<ConnectInput, { id: 'linear' }>;

export const linearConnector: Connector<LinearInput> = {
  id: 'linear',
  title: 'Linear',
  server: LINEAR_SERVER,
  describeTools: () => linearTools({ apiKey: 'unused' }),
  async connect(input) {
    const identity = await linearIdentity({ apiKey: input.apiKey, ...(input.baseUrl ? { apiUrl: input.baseUrl } : {}) });
    return {
      kind: 'connected',
      connection: {
        method: 'api_key',
        ...identity,
        baseUrl: input.baseUrl ?? null,
        settings: {},
        secrets: { 'api-key': input.apiKey },
      },
    };
  },
  async tools(state) {
    const apiKey = await requireSecret(state, 'api-key');
    return linearTools({ apiKey, ...(state.stored.baseUrl ? { apiUrl: state.stored.baseUrl } : {}) });
  },
  async pollers(state) {
    const apiKey = await requireSecret(state, 'api-key');
    const connection = { apiKey, ...(state.stored.baseUrl ? { apiUrl: state.stored.baseUrl } : {}) };
    return [linearIssuesSource({ connection, now: Date.now })];
  },
};
