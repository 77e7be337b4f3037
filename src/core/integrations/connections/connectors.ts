import type { IntegrationId } from '../../../shared';
import type { Connector } from './connector';
import { githubConnector } from './github-connector';
import { googleConnector } from './google-connector';
import { linearConnector } from './linear-connector';
import { slackConnector } from './slack-connector';
import { smsConnector } from './sms-connector';

/** Every integration Izzie has, in the order the Integrations page shows them. */
export function builtinConnectors(): ReadonlyMap<IntegrationId, Connector> {
  const all = [googleConnector, githubConnector, linearConnector, slackConnector, smsConnector] as unknown as Connector[];
  return new Map(all.map((connector) => [connector.id, connector]));
}
