import type { ApprovalPreview, ConfirmKind } from '../../shared';

/**
 * What a proxy action looks like to the person (the approval's preview), which people or places it
 * reaches (what a grant's allowlist is checked against), and which always-confirm kind it is.
 * Known built-in tools get a proper preview; anything else shows its arguments one per row.
 */

const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

const shortName = (tool: string): string => tool.slice(tool.indexOf('.') + 1);
const serverOf = (tool: string): string => (tool.includes('.') ? tool.slice(0, tool.indexOf('.')) : '');

export function previewOf(
  tool: string,
  payload: Record<string, unknown>,
  account: { email?: string | null } = {},
): ApprovalPreview {
  const server = serverOf(tool);
  const name = shortName(tool);
  if (server === 'google' && (name === 'gmail_send' || name === 'gmail_draft')) {
    return {
      kind: 'email',
      from: account.email ?? null,
      to: list(payload['to']),
      cc: list(payload['cc']),
      bcc: list(payload['bcc']),
      subject: str(payload['subject']),
      body: str(payload['body']),
    };
  }
  if (server === 'slack' && name === 'message_send') {
    return { kind: 'slack', workspace: null, channel: str(payload['channel']), text: str(payload['text']) };
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

/**
 * The people, channels or repositories an action reaches, lowercased: email addresses, `#channel`
 * (or a channel id), `owner/repo`, a Linear team. Empty when it cannot be told, which no allowlist
 * matches (a grant with an allowlist fails closed).
 */
export function targetsOf(tool: string, payload: Record<string, unknown>): string[] {
  const preview = previewOf(tool, payload);
  const targets =
    preview.kind === 'email'
      ? [...preview.to, ...preview.cc, ...preview.bcc]
      : preview.kind === 'slack'
        ? [preview.channel.startsWith('#') || /^[CDG][A-Z0-9]+$/.test(preview.channel) ? preview.channel : `#${preview.channel}`]
        : preview.kind === 'issue'
          ? [preview.target]
          : [];
  return targets.map((t) => t.trim().toLowerCase()).filter((t) => t !== '' && t !== '/');
}

/** Whether every target is on the allowlist (`ada@x.com`, `@x.com` for a domain, `#general`, `acme/app`). */
export function allowlistCovers(allowlist: readonly string[], targets: readonly string[]): boolean {
  if (allowlist.length === 0) return true;
  if (targets.length === 0) return false;
  const entries = allowlist.map((entry) => entry.trim().toLowerCase());
  return targets.every((target) =>
    entries.some((entry) => entry === target || (entry.startsWith('@') && target.includes('@') && target.endsWith(entry))),
  );
}

/** The seed's always-confirm kinds, by tool: Gmail sends, Slack posts, GitHub and Linear issues. */
export function confirmKindOf(tool: string): ConfirmKind | null {
  const name = shortName(tool);
  if (name === 'gmail_send' || name === 'send_email') return 'send_email';
  if ((serverOf(tool) === 'slack' && name === 'message_send') || name === 'post_slack') return 'post_slack';
  if (name === 'issue_create' || name === 'create_issue') return 'create_issue';
  return null;
}
