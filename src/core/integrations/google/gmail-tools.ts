import type { gmail_v1 } from '@googleapis/gmail';
import { z } from 'zod';
import { defineBuiltinTool, type BuiltinTool } from '../kit/builtin-tool';
import { attachmentsOf, decodeEntities, headerOf, messageBody } from './gmail-payload';
import { callGoogle } from './google-errors';
import { buildMimeMessage, messageIdsIn, toGmailRaw, type OutgoingMail } from './mime-message';

/** Bodies longer than this are cut; the model rarely needs more and it keeps tool results small. */
const MAX_BODY_CHARS = 20_000;
/** Parallel metadata fetches per search; Gmail throttles a user's concurrent requests. */
const FETCH_CONCURRENCY = 8;

const MessageId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'Use a Gmail message id as gmail_search returns it')
  .describe('A Gmail message id, as returned by gmail_search.');
const Address = z.email('Use a plain email address, e.g. ann@example.com').max(254);
const SingleLine = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\r\n]*$/, 'Must be a single line, without line breaks');

const composeShape = {
  to: z.array(Address).min(1).max(50).describe('Recipients, as plain email addresses.'),
  cc: z.array(Address).max(50).optional().describe('Carbon-copy recipients, as plain email addresses.'),
  subject: SingleLine(900).describe('The subject line (one line). For a reply, usually "Re: " plus the original subject.'),
  body: z.string().max(100_000).describe('The message text, plain text (no HTML).'),
  replyToMessageId: MessageId.optional().describe(
    'When answering a message: its id from gmail_search. The reply joins that conversation.',
  ),
};
const Compose = z.object(composeShape);
type Compose = z.output<typeof Compose>;

export function gmailTools(api: gmail_v1.Gmail): BuiltinTool[] {
  const search = defineBuiltinTool({
    name: 'gmail_search',
    title: 'Search Gmail',
    description:
      'Searches the mailbox with Gmail search syntax and lists matching messages, newest first: sender, recipients, subject, date, a short snippet and labels. Use gmail_read for the full text.',
    group: 'email',
    actionClass: 'read',
    input: z.object({
      q: z
        .string()
        .max(500)
        .default('')
        .describe(
          'Gmail search query, as typed in the Gmail search box, e.g. "from:ann is:unread newer_than:7d". Empty lists the newest mail.',
        ),
      maxResults: z.number().int().min(1).max(50).default(10).describe('How many messages to return (1-50).'),
    }),
    run: async ({ q, maxResults }, signal) => {
      const { data } = await callGoogle('Gmail', () => api.users.messages.list({ userId: 'me', q, maxResults }, { signal }));
      const refs = (data.messages ?? []).filter((m): m is { id: string } => typeof m.id === 'string');
      const messages = await mapLimit(refs, FETCH_CONCURRENCY, async ({ id }) => {
        const { data: message } = await callGoogle('Gmail', () =>
          api.users.messages.get(
            { userId: 'me', id, format: 'metadata', metadataHeaders: ['From', 'To', 'Subject', 'Date'] },
            { signal },
          ),
        );
        const headers = message.payload?.headers;
        return {
          id,
          threadId: message.threadId ?? null,
          from: headerOf(headers, 'From') ?? null,
          to: headerOf(headers, 'To') ?? null,
          subject: headerOf(headers, 'Subject') ?? '',
          date: messageDate(message),
          snippet: decodeEntities(message.snippet ?? ''),
          labelIds: message.labelIds ?? [],
        };
      });
      return { messages, more: Boolean(data.nextPageToken) };
    },
  });

  const read = defineBuiltinTool({
    name: 'gmail_read',
    title: 'Read an email',
    description:
      'Reads one message: its headers, its text (from the plain-text part, or converted from HTML) and the names of its attachments.',
    group: 'email',
    actionClass: 'read',
    input: z.object({ id: MessageId }),
    run: async ({ id }, signal) => {
      const { data: message } = await callGoogle('Gmail', () =>
        api.users.messages.get({ userId: 'me', id, format: 'full' }, { signal }),
      );
      const headers = message.payload?.headers;
      const body = messageBody(message.payload);
      return {
        id,
        threadId: message.threadId ?? null,
        labelIds: message.labelIds ?? [],
        from: headerOf(headers, 'From') ?? null,
        to: headerOf(headers, 'To') ?? null,
        cc: headerOf(headers, 'Cc') ?? null,
        replyTo: headerOf(headers, 'Reply-To') ?? null,
        subject: headerOf(headers, 'Subject') ?? '',
        date: messageDate(message),
        body: body.text.slice(0, MAX_BODY_CHARS),
        bodyFormat: body.format,
        truncated: body.text.length > MAX_BODY_CHARS,
        attachments: attachmentsOf(message.payload),
      };
    },
  });

  const draft = defineBuiltinTool({
    name: 'gmail_draft',
    title: 'Write a Gmail draft',
    description:
      'Saves a plain-text email as a draft in Gmail without sending it; the person can review and send it from Gmail. Give replyToMessageId to draft a reply in that conversation.',
    group: 'email',
    actionClass: 'draft',
    input: Compose,
    run: async (input, signal) => {
      const message = await outgoing(api, input, signal);
      const { data } = await callGoogle('Gmail', () =>
        api.users.drafts.create({ userId: 'me', requestBody: { message } }, { signal }),
      );
      return { draftId: data.id ?? null, messageId: data.message?.id ?? null, threadId: data.message?.threadId ?? null };
    },
  });

  const send = defineBuiltinTool({
    name: 'gmail_send',
    title: 'Send an email',
    description:
      'Sends a plain-text email from the person’s Gmail account, immediately. Give replyToMessageId to answer a message in its conversation.',
    group: 'email',
    actionClass: 'send',
    input: Compose,
    run: async (input, signal) => {
      const message = await outgoing(api, input, signal);
      const { data } = await callGoogle('Gmail', () =>
        api.users.messages.send({ userId: 'me', requestBody: message }, { signal }),
      );
      return { id: data.id ?? null, threadId: data.threadId ?? null, labelIds: data.labelIds ?? [] };
    },
  });

  return [search, read, draft, send];
}

/** The API message for a compose input; a reply carries the thread and the threading headers. */
async function outgoing(api: gmail_v1.Gmail, input: Compose, signal: AbortSignal): Promise<gmail_v1.Schema$Message> {
  const mail: { -readonly [K in keyof OutgoingMail]: OutgoingMail[K] } = {
    to: input.to,
    subject: input.subject,
    body: input.body,
    ...(input.cc ? { cc: input.cc } : {}),
  };
  let threadId: string | undefined;
  if (input.replyToMessageId) {
    const id = input.replyToMessageId;
    const { data: original } = await callGoogle('Gmail', () =>
      api.users.messages.get({ userId: 'me', id, format: 'metadata', metadataHeaders: ['Message-ID', 'References'] }, { signal }),
    );
    // Only well-formed ids are taken over: these headers came from whoever wrote the original.
    const [originalId] = messageIdsIn(headerOf(original.payload?.headers, 'Message-ID'));
    if (originalId) {
      mail.inReplyTo = originalId;
      mail.references = [...messageIdsIn(headerOf(original.payload?.headers, 'References')), originalId];
    }
    threadId = original.threadId ?? undefined;
  }
  return { raw: toGmailRaw(buildMimeMessage(mail)), ...(threadId ? { threadId } : {}) };
}

/** When Gmail received the message, as ISO 8601; the Date header is the sender's claim. */
function messageDate(message: gmail_v1.Schema$Message): string | null {
  const ms = Number(message.internalDate);
  return message.internalDate && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
