import type { ConnectInput } from '../../../shared';
import { slackIdentity } from '../slack/slack-identity';
import { SLACK_SERVER, slackTools } from '../slack/slack-tools';
import { requireSecret, type Connector } from './connector';

type SlackInput = Extract<ConnectInput, { id: 'slack' }>;

export const slackConnector: Connector<SlackInput> = {
  id: 'slack',
  title: 'Slack',
  server: SLACK_SERVER,
  describeTools: () => slackTools({ token: 'unused' }),
  async connect(input) {
    const identity = await slackIdentity({ token: input.token, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) });
    return {
      kind: 'connected',
      connection: { method: 'token', ...identity, baseUrl: input.baseUrl ?? null, settings: {}, secrets: { token: input.token } },
    };
  },
  async tools(state) {
    const token = await requireSecret(state, 'token');
    return slackTools({ token, ...(state.stored.baseUrl ? { baseUrl: state.stored.baseUrl } : {}) });
  },
};
