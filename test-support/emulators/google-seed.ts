import type { SeedConfig } from '@inbox-zero/emulate';

/**
 * A realistic Google account for the emulator: Alice's inbox (plain, HTML-only, multipart and
 * attachment mail from several senders), her calendars, an OAuth desktop client, and one API token.
 */
export const ALICE = 'alice@example.com';

export const GOOGLE_CLIENT = {
  clientId: 'izzie-desktop-test.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-izzie-test-secret',
} as const;

/** An access token the emulator knows from the seed (no refresh token goes with it). */
export const SEEDED_ACCESS_TOKEN = 'ya29.seeded-alice-token';

/** The Message-ID of Priya's standup mail, for reply threading checks. */
export const STANDUP_MESSAGE_ID = '<standup-0303.priya@acme.test>';

const attachmentMail = [
  'From: Lee Wong <lee.wong@acme.test>',
  `To: ${ALICE}`,
  'Subject: Q1 board report',
  'Message-ID: <q1-report.lee@acme.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="q1-boundary"',
  '',
  '--q1-boundary',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hi Alice, the Q1 board report is attached. Numbers are final except churn.',
  '--q1-boundary',
  'Content-Type: application/pdf; name="q1-board-report.pdf"',
  'Content-Disposition: attachment; filename="q1-board-report.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4\n% not a real report\n').toString('base64'),
  '--q1-boundary--',
  '',
].join('\r\n');

export function googleSeed(options: { redirectUris?: readonly string[] } = {}): SeedConfig {
  return {
    tokens: { [SEEDED_ACCESS_TOKEN]: { login: ALICE, scopes: ['openid', 'email'] } },
    google: {
      users: [{ email: ALICE, name: 'Alice Example' }],
      oauth_clients: [
        {
          client_id: GOOGLE_CLIENT.clientId,
          client_secret: GOOGLE_CLIENT.clientSecret,
          name: 'Izzie (test)',
          redirect_uris: [...(options.redirectUris ?? ['http://127.0.0.1:1/callback'])],
        },
      ],
      messages: [
        {
          id: 'msg_standup',
          from: 'Priya Raman <priya@acme.test>',
          to: ALICE,
          subject: 'Standup moved to 10:30 tomorrow',
          body_text: 'Hi Alice,\n\nThe design review ran over, so standup moves to 10:30 tomorrow. Same room.\n\nPriya',
          message_id: STANDUP_MESSAGE_ID,
          label_ids: ['INBOX', 'UNREAD'],
          date: '2025-03-03T08:15:00.000Z',
        },
        {
          id: 'msg_invoice',
          from: 'Northwind Billing <billing@northwind.test>',
          to: ALICE,
          subject: 'Your invoice INV-2041 is ready',
          body_html:
            '<html><head><style>p{color:#333}</style></head><body><p>Hello Alice,</p><p>Invoice <b>INV-2041</b> for $1,250.00 is due on March 15 &amp; can be paid online.</p><p><a href="https://billing.northwind.test/inv/2041">View invoice</a></p><script>track()</script></body></html>',
          label_ids: ['INBOX'],
          date: '2025-03-02T17:40:00.000Z',
        },
        { id: 'msg_report', raw: Buffer.from(attachmentMail).toString('base64url'), date: '2025-03-01T12:00:00.000Z' },
        {
          id: 'msg_newsletter',
          from: 'The Weekly Byte <news@weeklybyte.test>',
          to: ALICE,
          subject: 'This week: local-first software',
          body_text: 'Local-first apps keep your data on your device. Read more on our site.',
          body_html: '<p>Local-first apps keep <em>your</em> data on your device.</p>',
          label_ids: ['INBOX', 'CATEGORY_UPDATES'],
          date: '2025-02-28T07:00:00.000Z',
        },
        {
          id: 'msg_dad',
          from: 'Dad <dad@family.test>',
          to: ALICE,
          subject: 'Sunday lunch?',
          body_text: 'Are you coming on Sunday? Mum is making lasagne.',
          label_ids: ['INBOX', 'UNREAD'],
          date: '2025-02-27T19:05:00.000Z',
        },
      ],
      calendars: [
        { id: 'primary', summary: ALICE, primary: true, selected: true, time_zone: 'Europe/London' },
        { id: 'family', summary: 'Family', time_zone: 'Europe/London' },
      ],
      calendar_events: [
        {
          id: 'evt_one_on_one',
          calendar_id: 'primary',
          summary: '1:1 Alice / Priya',
          description: 'Quarterly goals and the hiring plan.',
          location: 'Room 4B',
          start_date_time: '2025-03-04T15:00:00.000Z',
          end_date_time: '2025-03-04T15:30:00.000Z',
          attendees: [{ email: 'priya@acme.test', display_name: 'Priya Raman' }, { email: ALICE }],
        },
        {
          id: 'evt_dentist',
          calendar_id: 'primary',
          summary: 'Dentist',
          location: '12 High Street',
          start_date_time: '2025-03-05T09:00:00.000Z',
          end_date_time: '2025-03-05T10:00:00.000Z',
        },
        {
          id: 'evt_offsite',
          calendar_id: 'primary',
          summary: 'Team offsite',
          start_date: '2025-03-07',
          end_date: '2025-03-08',
        },
        {
          id: 'evt_lunch',
          calendar_id: 'family',
          summary: 'Sunday lunch at Mum and Dad’s',
          start_date_time: '2025-03-09T12:30:00.000Z',
          end_date_time: '2025-03-09T15:00:00.000Z',
        },
      ],
    },
  };
}

/**
 * Gets a real grant from the emulator the way a browser would: the consent form's POST, then the
 * code exchange. Needs a redirect URI registered for {@link GOOGLE_CLIENT}; nothing listens on it,
 * the code is read from the redirect's Location header.
 */
export async function issueGoogleTokens(
  baseUrl: string,
  options: { redirectUri: string; scopes?: readonly string[] },
): Promise<{ accessToken: string; refreshToken: string }> {
  const consent = await fetch(`${baseUrl}/o/oauth2/v2/auth/callback`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({
      email: ALICE,
      client_id: GOOGLE_CLIENT.clientId,
      redirect_uri: options.redirectUri,
      scope: (options.scopes ?? ['openid', 'email']).join(' '),
    }),
  });
  const code = new URL(consent.headers.get('location') ?? 'http://invalid/').searchParams.get('code');
  if (!code) throw new Error(`the emulator's consent step gave no code (status ${consent.status})`);
  const exchange = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: GOOGLE_CLIENT.clientId,
      client_secret: GOOGLE_CLIENT.clientSecret,
      redirect_uri: options.redirectUri,
    }),
  });
  const tokens = (await exchange.json()) as { access_token?: string; refresh_token?: string };
  if (!tokens.access_token || !tokens.refresh_token) throw new Error(`the emulator issued no tokens (status ${exchange.status})`);
  return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
}
