import type { ReactNode } from 'react';
import type { ConnectInput, IntegrationId } from '../../../../shared';

export type FieldKey =
  'clientId' | 'clientSecret' | 'token' | 'apiKey' | 'accountSid' | 'authToken' | 'fromNumber' | 'baseUrl' | 'redirectPort';
export type GithubMode = 'token' | 'device';
export type Values = Record<FieldKey, string>;

export interface FieldSpec {
  readonly key: FieldKey;
  readonly label: string;
  readonly type: 'text' | 'password' | 'tel';
  readonly optional?: boolean;
  readonly placeholder?: string;
  readonly hint?: ReactNode;
}

export const EMPTY_VALUES: Values = {
  clientId: '',
  clientSecret: '',
  token: '',
  apiKey: '',
  accountSid: '',
  authToken: '',
  fromNumber: '',
  baseUrl: '',
  redirectPort: '',
};

/** Every key the core's INVALID_INPUT may name, so each refusal lands under its own input. */
export const FIELD_KEYS = Object.keys(EMPTY_VALUES) as FieldKey[];

/** The service's own API, shown as the placeholder of the Advanced base URL. */
export const DEFAULT_API: Record<IntegrationId, string> = {
  google: 'https://www.googleapis.com',
  github: 'https://api.github.com',
  linear: 'https://api.linear.app/graphql',
  slack: 'https://slack.com/api',
  sms: 'https://api.twilio.com',
};

function Link({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
    </a>
  );
}

/** What each connect form asks for. Secrets are password inputs; they never outlive a submit. */
export function fieldsFor(id: IntegrationId, githubMode: GithubMode): FieldSpec[] {
  switch (id) {
    case 'google':
      return [
        {
          key: 'clientId',
          label: 'OAuth client ID',
          type: 'text',
          placeholder: '1234567890-abc.apps.googleusercontent.com',
          hint: (
            <>
              A “Desktop app” OAuth client from{' '}
              <Link href="https://console.cloud.google.com/apis/credentials">Google Cloud Console → Credentials</Link>.
            </>
          ),
        },
        {
          key: 'clientSecret',
          label: 'Client secret',
          type: 'password',
          optional: true,
          hint: 'Google issues one even to desktop apps. It goes to your keychain.',
        },
      ];
    case 'github':
      return githubMode === 'token'
        ? [
            {
              key: 'token',
              label: 'Personal access token',
              type: 'password',
              placeholder: 'ghp_… or github_pat_…',
              hint: (
                <>
                  <Link href="https://github.com/settings/tokens/new?scopes=repo,read:org,notifications&description=Izzie">
                    Create a token
                  </Link>{' '}
                  with the <code>repo</code>, <code>read:org</code> and <code>notifications</code> scopes.
                </>
              ),
            },
          ]
        : [
            {
              key: 'clientId',
              label: 'OAuth app client ID',
              type: 'text',
              placeholder: 'Iv1.0123456789abcdef',
              hint: (
                <>
                  The client ID of a <Link href="https://github.com/settings/developers">GitHub OAuth app</Link> with device flow
                  enabled. Izzie asks for <code>repo</code>, <code>read:org</code> and <code>notifications</code>.
                </>
              ),
            },
          ];
    case 'linear':
      return [
        {
          key: 'apiKey',
          label: 'API key',
          type: 'password',
          placeholder: 'lin_api_…',
          hint: (
            <>
              A personal API key from{' '}
              <Link href="https://linear.app/settings/account/security">Linear → Settings → Security &amp; access</Link>.
            </>
          ),
        },
      ];
    case 'slack':
      return [
        {
          key: 'token',
          label: 'Bot or user token',
          type: 'password',
          placeholder: 'xoxb-… or xoxp-…',
          hint: (
            <>
              From your app’s OAuth &amp; Permissions page on <Link href="https://api.slack.com/apps">api.slack.com/apps</Link>. A
              bot token (<code>xoxb-</code>) acts as the app, a user token (<code>xoxp-</code>) as you.
            </>
          ),
        },
      ];
    case 'sms':
      return [
        {
          key: 'accountSid',
          label: 'Account SID',
          type: 'text',
          placeholder: 'AC…',
          hint: (
            <>
              On your <Link href="https://console.twilio.com">Twilio Console</Link> dashboard, with the auth token.
            </>
          ),
        },
        { key: 'authToken', label: 'Auth token', type: 'password' },
        {
          key: 'fromNumber',
          label: 'From number',
          type: 'tel',
          placeholder: '+15551234567',
          hint: 'A number in your Twilio account, in international form.',
        },
      ];
  }
}

/** The `integrations.connect` input for what the form holds; empty optional fields are left out. */
export function connectInput(id: IntegrationId, githubMode: GithubMode, values: Values): ConnectInput {
  const baseUrl = values.baseUrl.trim() ? { baseUrl: values.baseUrl.trim() } : {};
  switch (id) {
    case 'google':
      return {
        id,
        clientId: values.clientId,
        ...(values.clientSecret.trim() ? { clientSecret: values.clientSecret } : {}),
        // A number that is not a port goes to the core as given, which explains what is wrong with it.
        ...(values.redirectPort.trim() ? { redirectPort: Number(values.redirectPort.trim()) } : {}),
        ...baseUrl,
      };
    case 'github':
      return githubMode === 'token'
        ? { id, token: values.token, ...baseUrl }
        : { id, clientId: values.clientId.trim(), ...baseUrl };
    case 'linear':
      return { id, apiKey: values.apiKey, ...baseUrl };
    case 'slack':
      return { id, token: values.token, ...baseUrl };
    case 'sms':
      return { id, accountSid: values.accountSid, authToken: values.authToken, fromNumber: values.fromNumber, ...baseUrl };
  }
}
