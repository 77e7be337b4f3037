import type { gmail_v1 } from '@googleapis/gmail';
import type { EmailReceivedData } from '../../../shared';
import type { PolledEvent, PollSource } from '../../engine/ingress/poll-source';
import { ServiceError } from '../kit/service-error';
import { callGoogle } from './google-errors';
import { headerOf } from './gmail-payload';

const INTERVAL_MS = 60_000;
/** Messages read per poll; a bigger backlog is read over the next polls. */
const MAX_MESSAGES = 100;
const HEADERS = ['From', 'To', 'Cc', 'Subject', 'List-Unsubscribe', 'Precedence'];
/** Mail the person wrote or saved is not "received". */
const OWN = new Set(['SENT', 'DRAFT', 'SPAM', 'TRASH']);

/**
 * Gmail through its history API: from the last history id, the messages added to the inbox become
 * `email/received` events (id `gmail:<message id>`). The first poll only notes where history is.
 * When Gmail no longer has history that old (after about a week away), polling starts again from
 * now and says so in the log: that gap is not triaged.
 */
export function gmailSource(options: {
  api: gmail_v1.Gmail;
  account: string;
  onGap?: (sinceHistoryId: string) => void;
}): PollSource {
  const { api, account } = options;
  const current = async (signal: AbortSignal) => {
    const { data } = await callGoogle('Gmail', () => api.users.getProfile({ userId: 'me' }, { signal }));
    if (!data.historyId) throw new Error('Gmail did not say where its history is (no historyId in the profile).');
    return data.historyId;
  };
  return {
    id: 'google:gmail',
    label: 'Gmail',
    intervalMs: INTERVAL_MS,
    async poll(cursor, signal) {
      if (cursor === null) return { events: [], cursor: await current(signal) };
      const ids: string[] = [];
      let next = cursor;
      let pageToken: string | undefined;
      try {
        pages: do {
          const { data } = await callGoogle('Gmail', () =>
            api.users.history.list(
              {
                userId: 'me',
                startHistoryId: cursor,
                historyTypes: ['messageAdded'],
                labelId: 'INBOX',
                maxResults: 500,
                ...(pageToken ? { pageToken } : {}),
              },
              { signal },
            ),
          );
          for (const entry of data.history ?? []) {
            const added = (entry.messagesAdded ?? []).flatMap((a) => (a.message?.id ? [a.message.id] : []));
            // A full poll stops at a whole history entry; the next poll goes on from there.
            if (ids.length > 0 && ids.length + added.length > MAX_MESSAGES) break pages;
            for (const id of added) if (!ids.includes(id)) ids.push(id);
            if (entry.id) next = entry.id;
          }
          pageToken = data.nextPageToken ?? undefined;
          // Everything read: the cursor moves to now, past entries of other kinds too.
          if (!pageToken && data.historyId) next = data.historyId;
        } while (pageToken);
      } catch (error) {
        if (!(error instanceof ServiceError) || error.kind !== 'not_found') throw error;
        options.onGap?.(cursor);
        return { events: [], cursor: await current(signal) };
      }
      const events: PolledEvent[] = [];
      for (const id of ids) {
        const event = await readMessage(api, account, id, signal);
        if (event) events.push(event);
      }
      return { events, cursor: next };
    },
  };
}

async function readMessage(api: gmail_v1.Gmail, account: string, id: string, signal: AbortSignal): Promise<PolledEvent | null> {
  let message: gmail_v1.Schema$Message;
  try {
    ({ data: message } = await callGoogle('Gmail', () =>
      api.users.messages.get({ userId: 'me', id, format: 'metadata', metadataHeaders: HEADERS }, { signal }),
    ));
  } catch (error) {
    // Deleted between the history entry and now: nothing to triage.
    if (error instanceof ServiceError && error.kind === 'not_found') return null;
    throw error;
  }
  const labels = message.labelIds ?? [];
  if (labels.some((l) => OWN.has(l))) return null;
  const headers = message.payload?.headers;
  const precedence = (headerOf(headers, 'Precedence') ?? '').toLowerCase();
  const receivedAt = Number(message.internalDate ?? Date.now());
  const data: EmailReceivedData = {
    account,
    messageId: id,
    threadId: message.threadId ?? id,
    from: headerOf(headers, 'From') ?? '',
    to: splitAddresses(headerOf(headers, 'To')),
    subject: headerOf(headers, 'Subject') ?? '',
    snippet: (message.snippet ?? '').slice(0, 1_000),
    labels,
    receivedAt,
    bulk: headerOf(headers, 'List-Unsubscribe') !== undefined || precedence === 'bulk' || precedence === 'list',
  };
  return {
    id: `gmail:${id}`,
    type: 'email/received',
    timestamp: receivedAt,
    data,
    metadata: { correlationId: `gmail-thread:${data.threadId}` },
  };
}

function splitAddresses(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0)
    .slice(0, 100);
}
