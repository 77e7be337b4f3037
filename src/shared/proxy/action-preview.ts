import type { ApprovalPreview } from '../contract';

/**
 * How a proxy action reads to the person before it goes out, from the tool's name and its exact
 * arguments. The core builds every approval's preview with it; it lives here, runnable anywhere, so
 * the window's test fake builds the very same previews.
 */

/** What the payload does not say but the preview shows: the account and workspace it goes out from. */
export interface PreviewContext {
  readonly from?: string | null;
  readonly workspace?: string | null;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

/** `google` of `google.gmail_send`; '' for a tool without a server. */
export const serverOf = (tool: string): string => (tool.includes('.') ? tool.slice(0, tool.indexOf('.')) : '');
/** `gmail_send` of `google.gmail_send`. */
export const shortName = (tool: string): string => tool.slice(tool.indexOf('.') + 1);

export function previewOf(tool: string, payload: Record<string, unknown>, context: PreviewContext = {}): ApprovalPreview {
  const server = serverOf(tool);
  const name = shortName(tool);
  if (server === 'google' && (name === 'gmail_send' || name === 'gmail_draft')) {
    return {
      kind: 'email',
      from: context.from ?? null,
      to: list(payload['to']),
      cc: list(payload['cc']),
      bcc: list(payload['bcc']),
      subject: str(payload['subject']),
      body: str(payload['body']),
    };
  }
  if (server === 'slack' && name === 'message_send') {
    return { kind: 'slack', workspace: context.workspace ?? null, channel: str(payload['channel']), text: str(payload['text']) };
  }
  if (server === 'github' && name === 'issue_create') {
    return {
      kind: 'issue',
      service: 'github',
      target: `${str(payload['owner'])}/${str(payload['repo'])}`,
      title: str(payload['title']),
      body: str(payload['body']),
    };
  }
  if (server === 'linear' && name === 'issue_create') {
    return {
      kind: 'issue',
      service: 'linear',
      target: str(payload['team']),
      title: str(payload['title']),
      body: str(payload['description']),
    };
  }
  return { kind: 'fields', fields: Object.entries(payload).map(([label, value]) => ({ label, value: str(value) })) };
}

/** JSON with object keys sorted at every level (undefined left out): equal payloads give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) out[key] = sortKeys(inner);
  }
  return out;
}
