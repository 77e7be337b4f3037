import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { listenLocal, readBody, sendJson } from '../http-kit';

/**
 * A tiny local Twilio REST API for tests (DESIGN.md: Twilio has no emulator). It answers the two
 * resources Izzie uses — fetching the account and creating a Message — checks HTTP Basic auth with
 * the account SID and auth token, records every request and every message sent, and fails the way
 * Twilio does: a JSON body `{ code, message, more_info, status }` with Twilio's error codes (20003
 * bad credentials, 20404 unknown resource, 21211 invalid 'To' number, 21606 a 'From' number the
 * account does not own, 21602/21604 missing body/recipient). As on Twilio's test credentials,
 * +15005550001 is an invalid number. Test support only: product code never imports this file.
 */
export const TWILIO_INVALID_NUMBER = '+15005550001';

export interface TwilioFakeMessage {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
}

export interface TwilioFakeRequest {
  readonly method: string;
  readonly path: string;
  readonly authorized: boolean;
  readonly form: Readonly<Record<string, string>>;
}

export type TwilioFakeFailure = { readonly status: 429; readonly retryAfterSeconds?: number } | { readonly status: 500 };

export interface TwilioFake {
  /** The REST root, as `baseUrl` wants it (no `/2010-04-01`). */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** A number the account owns, to send from. */
  readonly fromNumber: string;
  readonly messages: TwilioFakeMessage[];
  readonly requests: TwilioFakeRequest[];
  /** The next authorized request gets this failure instead of an answer. */
  failNext(failure: TwilioFakeFailure): void;
  close(): Promise<void>;
}

export interface TwilioFakeOptions {
  readonly friendlyName?: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const E164 = /^\+[1-9]\d{6,14}$/;

export async function startTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  const accountSid = `AC${hex(16)}`;
  const authToken = hex(16);
  const fromNumber = '+15017122661';
  const friendlyName = options.friendlyName ?? 'Acme Robotics Ops';
  const messages: TwilioFakeMessage[] = [];
  const requests: TwilioFakeRequest[] = [];
  const failures: TwilioFakeFailure[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const accountPath = `/2010-04-01/Accounts/${accountSid}`;

  const server = createServer((req, res) => {
    // A request whose body never arrives whole (the client went away) gets no answer.
    void readBody(req).then(
      (raw) => {
        const path = new URL(req.url ?? '/', 'http://fake').pathname;
        const form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
        const authorized = req.headers.authorization === expectedAuth;
        requests.push({ method: req.method ?? '', path, authorized, form });

        if (!authorized) return sendError(res, 401, 20003, 'Authenticate');
        const failure = failures.shift();
        if (failure?.status === 429) {
          const retryAfter: Record<string, string> =
            failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
          return sendError(res, 429, 20429, 'Too Many Requests', retryAfter);
        }
        if (failure) return sendError(res, 500, 20500, 'Internal Server Error');

        const route = `${req.method} ${path}`;
        if (route === `GET ${accountPath}.json`) return sendJson(res, 200, account(accountSid, friendlyName));
        if (route !== `POST ${accountPath}/Messages.json`) {
          return sendError(res, 404, 20404, `The requested resource ${path} was not found`);
        }
        const { To: to, From: from, Body: body } = form;
        if (!to) return sendError(res, 400, 21604, "A 'To' phone number is required.");
        if (!E164.test(to) || to === TWILIO_INVALID_NUMBER) {
          return sendError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
        }
        if (from !== fromNumber) {
          return sendError(
            res,
            400,
            21606,
            `The From phone number ${from ?? ''} is not a valid, SMS-capable inbound phone number or short code for your account.`,
          );
        }
        if (!body) return sendError(res, 400, 21602, 'Message body is required.');
        const message = { sid: `SM${hex(16)}`, to, from, body };
        messages.push(message);
        sendJson(res, 201, messageResource(accountSid, message));
      },
      () => res.destroy(),
    );
  });
  const listening = await listenLocal(server);

  return {
    url: listening.url,
    accountSid,
    authToken,
    fromNumber,
    messages,
    requests,
    failNext: (failure) => void failures.push(failure),
    close: listening.close,
  };
}

const CREATED = 'Mon, 30 Jun 2025 09:00:00 +0000';

function account(sid: string, friendlyName: string) {
  return {
    sid,
    friendly_name: friendlyName,
    status: 'active',
    type: 'Full',
    owner_account_sid: sid,
    date_created: CREATED,
    date_updated: CREATED,
    uri: `/2010-04-01/Accounts/${sid}.json`,
  };
}

function messageResource(accountSid: string, message: TwilioFakeMessage) {
  // Segments as for GSM-7 text: 160 characters alone, 153 per part once split.
  const segments = message.body.length <= 160 ? 1 : Math.ceil(message.body.length / 153);
  return {
    sid: message.sid,
    account_sid: accountSid,
    to: message.to,
    from: message.from,
    body: message.body,
    status: 'queued',
    direction: 'outbound-api',
    num_segments: String(segments),
    num_media: '0',
    price: null,
    price_unit: 'USD',
    error_code: null,
    error_message: null,
    api_version: '2010-04-01',
    date_created: CREATED,
    date_updated: CREATED,
    date_sent: null,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
  };
}

function sendError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) {
  sendJson(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);
}
