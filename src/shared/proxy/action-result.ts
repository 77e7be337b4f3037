/**
 * What a proxy action's tool answered, as one line a person can read: "Sent (Gmail message 18c2f…)",
 * "Posted in #general", "Created acme/app#12". The core keeps the tool's answer as the built-in
 * servers send it (their `run` results as JSON text, src/core/integrations/<service>/*-tools.ts); this
 * reads those shapes, and shows any other answer as the start of its text. It never throws: an
 * answer that is not JSON, cut short, or not the shape expected falls back to that text.
 */
export interface ActionResultLine {
  /** One line, without the tool's raw JSON for the built-in tools. */
  readonly text: string;
  /** Where what it made can be opened (http or https only), when the answer says. */
  readonly url: string | null;
  /** The service the link opens in ("GitHub"), for the link's name. */
  readonly site: string | null;
}

/** How much of an answer the fallback shows. */
export const RESULT_SNIPPET_CHARS = 120;

type Json = Record<string, unknown>;
type Describe = (value: Json) => ActionResultLine | null;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const obj = (value: unknown): Json | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;

/** An http(s) address, or null: a link the window may open. */
function webUrl(value: unknown): string | null {
  const text = str(value);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `acme/app#12` from a GitHub address like `https://github.com/acme/app/issues/12` (or `/pull/12`). */
function githubRef(url: string | null, kind: 'issues' | 'pull'): string | null {
  if (!url) return null;
  const match = new RegExp(`^https?://[^/]+/([^/]+/[^/]+)/${kind}/(\\d+)(?:[/?#]|$)`).exec(url);
  return match ? `${match[1]}#${match[2]}` : null;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const line = (text: string, url: string | null = null, site: string | null = null): ActionResultLine => ({
  text,
  url,
  site: url ? site : null,
});

/** A review's verdict; a plain comment (COMMENTED) has none. */
const VERDICTS: Record<string, string> = { APPROVED: 'approved', CHANGES_REQUESTED: 'changes requested' };

/** By Izzie's tool name; each reads the shape its tool's `run` returns, null for any other. */
const DESCRIBE: Record<string, Describe> = {
  'google.gmail_send': (v) => {
    if (!('id' in v) && !Array.isArray(v['labelIds'])) return null;
    const id = str(v['id']);
    return line(id ? `Sent (Gmail message ${id})` : 'Sent by Gmail');
  },
  'google.gmail_draft': (v) => {
    if (!('draftId' in v)) return null;
    const id = str(v['draftId']);
    return line(id ? `Draft saved in Gmail (draft ${id})` : 'Draft saved in Gmail');
  },
  'slack.message_send': (v) => {
    // The channel as resolved: `{ id, name }`, the name null when Izzie was given an ID.
    const channel = obj(v['channel']);
    const name = channel ? str(channel['name']) : str(v['channel']);
    const where = name ? `#${name.replace(/^#/, '')}` : channel ? str(channel['id']) : null;
    if (!where) return null;
    return line(str(v['thread_ts']) ? `Replied in a thread in ${where}` : `Posted in ${where}`);
  },
  'github.issue_create': (v) => {
    const url = webUrl(v['url']);
    const ref = githubRef(url, 'issues') ?? (typeof v['number'] === 'number' ? `issue #${v['number']}` : null);
    return ref ? line(`Created ${ref}`, url, 'GitHub') : null;
  },
  'github.pr_review': (v) => {
    const url = webUrl(v['url']);
    const ref = githubRef(url, 'pull');
    const state = str(v['state']);
    const verdict = state && Object.hasOwn(VERDICTS, state) ? VERDICTS[state] : undefined;
    return line(`Review published${ref ? ` on ${ref}` : ''}${verdict ? ` (${verdict})` : ''}`, url, 'GitHub');
  },
  'linear.issue_create': (v) => {
    const id = str(v['identifier']);
    return id ? line(`Created ${id}`, webUrl(v['url']), 'Linear') : null;
  },
  'linear.issue_update': (v) => {
    const id = str(v['identifier']);
    if (!id) return null;
    const changed = Array.isArray(v['changed']) ? v['changed'].filter((f): f is string => typeof f === 'string') : [];
    return line(
      changed.length > 0 ? `Updated ${id} (${changed.join(', ')})` : `Nothing to change on ${id}`,
      webUrl(v['url']),
      'Linear',
    );
  },
  'linear.comment_create': (v) => {
    const issue = str(v['issue']);
    return issue ? line(`Commented on ${issue}`, webUrl(v['issueUrl']), 'Linear') : null;
  },
  'google.calendar_create': (v) => event('Event created', v),
  'google.calendar_update': (v) => event('Event updated', v),
  'google.calendar_delete': (v) => (v['deleted'] === true ? line('Event deleted') : null),
  'sms.sms_send': (v) => {
    const to = str(v['to']);
    return to ? line(`Text sent to ${to}`) : null;
  },
};

function event(what: string, v: Json): ActionResultLine | null {
  const summary = str(v['summary']);
  return summary ? line(`${what}: ${clip(summary, 80)}`, webUrl(v['link']), 'Google Calendar') : null;
}

function parseObject(text: string): Json | null {
  try {
    return obj(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The line for what `tool` (`google.gmail_send`) answered; `tool` may be unknown (null). */
export function describeActionResult(tool: string | null, result: string | null | undefined): ActionResultLine {
  const text = (result ?? '').trim();
  const describe = tool && Object.hasOwn(DESCRIBE, tool) ? DESCRIBE[tool] : undefined;
  if (describe && text.startsWith('{')) {
    const value = parseObject(text);
    const described = value ? describe(value) : null;
    if (described) return described;
  }
  const flat = text.replace(/\s+/g, ' ');
  return line(flat ? `Done: ${clip(flat, RESULT_SNIPPET_CHARS)}` : 'Done');
}

/** The same as plain text, the link after it, for where a link cannot be one: "Created ENG-8 (https://linear.app/…)". */
export function actionResultText(tool: string | null, result: string | null | undefined): string {
  const { text, url } = describeActionResult(tool, result);
  return url ? `${text} (${url})` : text;
}
