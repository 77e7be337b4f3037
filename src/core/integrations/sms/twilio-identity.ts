import { ServiceError } from '../kit/service-error';
import { type TwilioConnection, twilioRequest } from './twilio-client';

export interface TwilioIdentity {
  /** "Acme Robotics Ops (+15017122661)": the account's name and the number Izzie sends from. */
  readonly account: string;
  /** Twilio's SID/token pair grants the whole account; there are no scopes to list. */
  readonly scopes: string[];
}

/** Checks the SID and auth token by fetching the account (GET /2010-04-01/Accounts/{sid}.json). */
export async function twilioIdentity(connection: TwilioConnection & { signal?: AbortSignal }): Promise<TwilioIdentity> {
  const account = (await twilioRequest(connection, '.json', connection.signal ? { signal: connection.signal } : {})) as {
    friendly_name?: unknown;
  };
  if (typeof account.friendly_name !== 'string') {
    throw new ServiceError('Twilio', 'unavailable', 'its answer did not include the account');
  }
  return { account: `${account.friendly_name} (${connection.fromNumber})`, scopes: [] };
}
