import type { ApprovalPreview } from '../../../shared';

/**
 * What the core derives from a proxy action's payload, done the same way in the fake: the hash an
 * approval is bound to, and the preview the person reads. The core hashes with SHA-256; the fake
 * runs in the browser build, where only the asynchronous WebCrypto digest exists, so it stands in a
 * deterministic 64-hex-digit hash of the same stable JSON. Only equality matters to the window.
 */

export type Payload = Record<string, unknown>;

/** JSON with object keys sorted at every level, so equal payloads always give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Eight differently seeded FNV-1a rounds over the stable JSON: 64 hex digits, like a SHA-256. */
export function payloadHash(payload: Payload): string {
  const text = stableJson(payload);
  let hex = '';
  for (let round = 0; round < 8; round++) {
    let hash = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex;
}

/** What the payload does not say but the preview shows: the account it goes out from. */
export interface PreviewContext {
  from?: string | null;
  workspace?: string | null;
}

/** The preview of `tool` with `payload`, as the core builds it for the tools it knows. */
export function previewOf(tool: string, payload: Payload, context: PreviewContext = {}): ApprovalPreview {
  const name = tool.slice(tool.lastIndexOf('.') + 1);
  if (name === 'gmail_send') {
    return {
      kind: 'email',
      from: context.from ?? null,
      to: list(payload['to']),
      cc: list(payload['cc']),
      bcc: list(payload['bcc']),
      subject: text(payload['subject']),
      body: text(payload['body']),
    };
  }
  if (name === 'message_send') {
    return {
      kind: 'slack',
      workspace: context.workspace ?? null,
      channel: text(payload['channel']),
      text: text(payload['text']),
    };
  }
  if (name === 'issue_create' && (tool.startsWith('github.') || tool.startsWith('linear.'))) {
    const github = tool.startsWith('github.');
    return {
      kind: 'issue',
      service: github ? 'github' : 'linear',
      target: github ? `${text(payload['owner'])}/${text(payload['repo'])}` : text(payload['team']),
      title: text(payload['title']),
      body: text(github ? payload['body'] : payload['description']),
    };
  }
  return {
    kind: 'fields',
    fields: Object.entries(payload).map(([label, value]) => ({
      label,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    })),
  };
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
