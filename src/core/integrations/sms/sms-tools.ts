import { z } from 'zod';
import { type BuiltinTool, defineBuiltinTool } from '../kit/builtin-tool';
import { type TwilioConnection, twilioRequest } from './twilio-client';

export const SMS_SERVER = { name: 'sms', version: '1.0.0' } as const;

/** Twilio's limit for one (concatenated) message body. */
const MAX_BODY = 1600;

/** What Twilio answers for a created Message; only the fields read here. */
interface TwilioMessage {
  readonly sid?: string;
  readonly status?: string;
  readonly to?: string;
  readonly from?: string;
  readonly num_segments?: string;
  readonly date_created?: string;
}

/** The built-in SMS server's tools, sending through the connected Twilio account. */
export function smsTools(deps: TwilioConnection): BuiltinTool[] {
  return [
    defineBuiltinTool({
      name: 'sms_send',
      title: 'Send an SMS',
      description: 'Sends a text message from the connected Twilio number.',
      group: 'sms',
      actionClass: 'send',
      input: z.object({
        to: z
          .string()
          .trim()
          .regex(/^\+[1-9]\d{6,14}$/, 'Use the E.164 form, e.g. +15551234567')
          .describe('The recipient’s phone number in E.164 form, e.g. "+15551234567".'),
        body: z
          .string()
          .max(MAX_BODY)
          .regex(/\S/, 'The message is empty')
          .describe(`The message text (at most ${MAX_BODY} characters; long texts arrive as several joined parts).`),
      }),
      run: async ({ to, body }, signal) => {
        const form = { To: to, From: deps.fromNumber, Body: body };
        const message = (await twilioRequest(deps, '/Messages.json', { form, signal })) as TwilioMessage;
        const created = message.date_created ? new Date(message.date_created) : null;
        return {
          sid: message.sid ?? null,
          status: message.status ?? null,
          to: message.to ?? to,
          from: message.from ?? deps.fromNumber,
          segments: message.num_segments === undefined ? null : Number(message.num_segments),
          createdAt: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
        };
      },
    }),
  ];
}
