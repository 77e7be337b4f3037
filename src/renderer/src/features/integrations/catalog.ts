import type { IntegrationId } from '../../../../shared';

export interface IntegrationInfo {
  /** A short monogram for the card's mark. */
  readonly mark: string;
  /** What Izzie does with the account, and what it does only with a yes. */
  readonly does: string;
  /** What a disconnect removes, beyond the credentials in the keychain. */
  readonly onDisconnect: string | null;
}

export const INTEGRATION_INFO: Record<IntegrationId, IntegrationInfo> = {
  google: {
    mark: 'G',
    does: 'Searches and reads your mail, drafts replies, checks your calendar for conflicts and free time. Sends mail and changes events only with your yes.',
    onDisconnect: 'Izzie also asks Google to revoke the grant, so the access ends at Google too.',
  },
  github: {
    mark: 'GH',
    does: 'Finds the pull requests, issues and notifications that need you. Opens issues and posts reviews only with your yes.',
    onDisconnect: null,
  },
  linear: {
    mark: 'L',
    does: 'Follows the issues that move and summarises them. Creates, changes and comments on issues only with your yes.',
    onDisconnect: null,
  },
  slack: {
    mark: '#',
    does: 'Reads channel history and looks people up. Posts messages only with your yes.',
    onDisconnect: null,
  },
  sms: {
    mark: 'Tx',
    does: 'Sends text messages from your Twilio number — only with your yes.',
    onDisconnect: null,
  },
};

/** Google's scopes are long URLs; the last part is what a person recognises. */
export function shortScope(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}
