import { RpcError, type Approval } from '../../../../shared';
import { describeError } from '../../stores/banners';

/**
 * Editing an action before it goes out. The editor shows the payload's editable fields as text
 * and builds the payload back from them; everything else in the payload (a reply's message id, a
 * repository) stays as it was. The core checks the result against the tool and saves it as a new
 * item that needs its own approval.
 */

export interface DraftField {
  /** The payload key it edits. */
  key: string;
  label: string;
  /** `list`: comma-separated addresses; `json`: a non-text value (a number, a list) written as JSON. */
  type: 'text' | 'long' | 'list' | 'json';
  hint?: string;
}

export type DraftValues = Record<string, string>;

export interface PayloadProblem {
  message: string | null;
  fields: Record<string, string>;
}

const ADDRESSES = 'Comma-separated email addresses.';

export function editableFields(approval: Approval): DraftField[] {
  const { preview, payload } = approval;
  switch (preview.kind) {
    case 'email':
      return [
        { key: 'to', label: 'To', type: 'list', hint: ADDRESSES },
        { key: 'cc', label: 'Cc', type: 'list', hint: ADDRESSES },
        { key: 'bcc', label: 'Bcc', type: 'list', hint: ADDRESSES },
        { key: 'subject', label: 'Subject', type: 'text' },
        { key: 'body', label: 'Body', type: 'long' },
      ];
    case 'slack':
      return [{ key: 'text', label: 'Message', type: 'long' }];
    case 'issue':
      return [
        { key: 'title', label: 'Title', type: 'text' },
        { key: issueBodyKey(payload, preview.service), label: 'Body', type: 'long' },
      ];
    case 'fields':
      return Object.entries(payload).map(([key, value]) => ({
        key,
        label: key,
        type: typeof value === 'string' ? (value.includes('\n') || value.length > 80 ? 'long' : 'text') : 'json',
      }));
  }
}

/** GitHub calls an issue's text `body`, Linear `description`; whichever the payload already has wins. */
function issueBodyKey(payload: Approval['payload'], service: 'github' | 'linear'): string {
  if ('body' in payload) return 'body';
  if ('description' in payload) return 'description';
  return service === 'linear' ? 'description' : 'body';
}

export function draftOf(approval: Approval): DraftValues {
  const values: DraftValues = {};
  for (const field of editableFields(approval)) {
    const value = approval.payload[field.key];
    values[field.key] =
      field.type === 'list'
        ? (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []).join(', ')
        : field.type === 'json'
          ? (JSON.stringify(value) ?? '')
          : typeof value === 'string'
            ? value
            : '';
  }
  return values;
}

/** The edited payload, or what is wrong with a field before anything is sent (JSON that does not parse). */
export function payloadOf(
  approval: Approval,
  values: DraftValues,
): { payload: Record<string, unknown> } | { problem: PayloadProblem } {
  const payload: Record<string, unknown> = { ...approval.payload };
  const fields: Record<string, string> = {};
  for (const field of editableFields(approval)) {
    const text = values[field.key] ?? '';
    if (field.type === 'list') {
      const list = text
        .split(/[,;\n]/)
        .map((entry) => entry.trim())
        .filter(Boolean);
      // An optional list (Cc, Bcc) the action did not have stays out while it is empty.
      if (list.length > 0 || field.key in approval.payload) payload[field.key] = list;
    } else if (field.type === 'json') {
      try {
        payload[field.key] = JSON.parse(text);
      } catch {
        fields[field.key] = 'Write this value as JSON, e.g. 42, true or ["a", "b"].';
      }
    } else {
      payload[field.key] = text;
    }
  }
  return Object.keys(fields).length > 0 ? { problem: { message: null, fields } } : { payload };
}

/**
 * The core's refusal of an edit, split per field. The core checks the payload against the tool's
 * schema ("google.gmail_send would refuse this: to.1: must match format "email"; subject: …"); the
 * router's own check names fields under `payload.` ("Invalid input for approvals.edit: payload: …").
 * Anything it cannot place under a field shown is one sentence for the whole form.
 */
export function payloadProblem(error: unknown, keys: readonly string[]): PayloadProblem {
  const text = describeError(error);
  const body = /^(?:Invalid input for [\w.]+|[\w.-]+ would refuse this): (.*)$/s.exec(text)?.[1];
  if (!(error instanceof RpcError) || error.code !== 'INVALID_INPUT' || body === undefined) return { message: text, fields: {} };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of body.split('; ')) {
    const match = /^(?:payload\.)?([^.:\s]+)[^:\s]*: (.*)$/s.exec(part);
    const key = match?.[1];
    if (match && key && keys.includes(key)) fields[key] ??= match[2] ?? '';
    else rest.push(part.replace(/^payload(\.[^:]*)?: /, ''));
  }
  return { message: rest.length > 0 ? rest.join(' ') : null, fields };
}
