import { ServiceError } from '../kit/service-error';
import { toTwilioError } from './twilio-errors';

export const TWILIO_API_URL = 'https://api.twilio.com';

export interface TwilioConnection {
  readonly accountSid: string;
  readonly authToken: string;
  /** The Twilio number messages are sent from, in E.164 form. */
  readonly fromNumber: string;
  /** The REST API root; the tests' fake puts it elsewhere. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

/**
 * One call to Twilio's 2010-04-01 REST API under the account: `resource` is what follows
 * `/Accounts/{AccountSid}` (".json" for the account itself, "/Messages.json", …). `form` makes it a
 * form-encoded POST. Answers the parsed JSON; failures are `ServiceError`s.
 */
export async function twilioRequest(
  connection: TwilioConnection,
  resource: string,
  options: { readonly form?: Readonly<Record<string, string>>; readonly signal?: AbortSignal } = {},
): Promise<unknown> {
  const root = (connection.baseUrl ?? TWILIO_API_URL).replace(/\/+$/, '');
  const url = `${root}/2010-04-01/Accounts/${encodeURIComponent(connection.accountSid)}${resource}`;
  const credentials = Buffer.from(`${connection.accountSid}:${connection.authToken}`).toString('base64');
  const send = connection.fetch ?? fetch;
  let response: Response;
  try {
    response = await send(url, {
      method: options.form ? 'POST' : 'GET',
      headers: {
        authorization: `Basic ${credentials}`,
        accept: 'application/json',
        ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(options.form ? { body: new URLSearchParams(options.form).toString() } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceError('Twilio', 'unavailable', `it could not be reached (${reason})`);
  }
  const body = parseJson(await response.text());
  if (!response.ok) throw toTwilioError(response.status, body, response.headers.get('retry-after'), connection.authToken);
  return body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
