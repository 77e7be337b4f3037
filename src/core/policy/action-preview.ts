import { previewOf, serverOf, shortName, type ConfirmKind } from '../../shared';

/**
 * Which people or places a proxy action reaches (what a grant's allowlist is checked against), and
 * which always-confirm kind it is. Its preview is `previewOf` in src/shared.
 */

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
