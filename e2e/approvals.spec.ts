import { expect, test, type Locator, type Page } from '@playwright/test';
import { gmail } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGoogleWorld } from '../test-support/emulators/google-harness';
import { ALICE, SEEDED_ACCESS_TOKEN } from '../test-support/emulators/google-seed';
import { fakeStep, startFakeModelServer, type FakeModelServer } from '../test-support/fake-model-server';
import { freePort } from '../test-support/free-port';
import { connectRaw } from '../test-support/ws-rpc-client';
import { startHost, type HostProcess } from './support/headless-process';
import { configureProvider, connectGoogle, openPage } from './support/app-steps';
import { attachFailureDiagnostics, recordPageActivity } from './support/diagnostics';

const API_KEY = 'sk-e2e-0123456789abcdef';
/** Long enough to watch the countdown tick, short enough not to slow the test. */
const UNDO_SECONDS = 5;

const TO = 'bob@example.org';
const SUBJECT = 'Quarterly report slips to Friday';
const DRAFTED_BODY = 'Hi Bob, the quarterly report will be late. It should be ready on Friday. Alice';
const EDITED_BODY = 'Hi Bob, the quarterly report needs two more days; you will have it Friday at noon. Alice';

// Issue #7 as a person meets it: in a proxy-mode chat Izzie wants to send an email as them; it waits
// in Approvals with its preview, is edited (a new item needing its own approval) and approved, the
// undo countdown runs, the edited mail arrives in the Gmail emulator (through the real SDK inside the
// real headless host), and the Audit page shows why it happened with the log intact.
test.describe('approving an email Izzie sends as you', () => {
  let home: string;
  let google: Awaited<ReturnType<typeof startGoogleWorld>>;
  let googlePort: number;
  let fake: FakeModelServer;
  let host: HostProcess | null = null;
  let pageActivity: () => string = () => '';

  test.beforeEach(async ({ page }) => {
    pageActivity = recordPageActivity(page);
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-approvals-'));
    googlePort = await freePort();
    google = await startGoogleWorld({ redirectUris: [`http://127.0.0.1:${googlePort}/callback`] });
    fake = await startFakeModelServer({ requireApiKey: API_KEY });
    // No system browser in a test: the card's link is how the sign-in page is opened.
    host = await startHost(home, { env: { IZZIE_NO_BROWSER: '1' } });
  });
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be a destructuring pattern
  test.afterEach(async ({}, testInfo) => {
    await attachFailureDiagnostics(testInfo, { host, home, pageActivity });
    await host?.stop();
    await fake.close();
    await google.close();
    rmSync(home, { recursive: true, force: true });
  });

  /** The undo window is not what this test is about setting, so it is set over RPC. */
  async function setUndoWindow(seconds: number): Promise<void> {
    const socket = await connectRaw(host?.port ?? 0, host?.token ?? '');
    try {
      expect(await socket.call('policy.update', { undoSeconds: seconds })).toMatchObject({
        ok: true,
        value: { undoSeconds: seconds },
      });
    } finally {
      await socket.close();
    }
  }

  /** Google signed in through the UI, and its server running: the model must not call the send tool before. */
  async function connectGoogleAndWait(page: Page): Promise<void> {
    await connectGoogle(page, { apiUrl: google.proxy.url, redirectPort: googlePort });
    // The send tool exists only once the Google server runs; the model must not call it before.
    const servers = page.getByRole('region', { name: 'MCP servers' });
    await expect(servers.getByRole('listitem', { name: /^Google/ })).toContainText('Running');
  }

  /** The preview's rows (From, To, Subject…) as the person reads them. */
  async function previewRows(preview: Locator): Promise<Record<string, string>> {
    const terms = await preview.getByRole('term').allTextContents();
    const values = await preview.getByRole('definition').allTextContents();
    return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
  }

  /** The number the countdown shows ("Sending in 4 s"); 0 once it has run out and is gone. */
  async function secondsLeft(timer: Locator): Promise<number> {
    const text = await timer.textContent({ timeout: 1_000 }).catch(() => null);
    if (text === null) return 0;
    const match = /^Sending in (\d+) s$/.exec(text);
    if (!match) throw new Error(`The countdown reads "${text}"`);
    return Number(match[1]);
  }

  /** What Alice's mailbox holds in Sent about the report, read through the real Gmail SDK: headers and decoded text. */
  async function sentAboutTheReport(): Promise<{ headers: string; text: string }[]> {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: SEEDED_ACCESS_TOKEN });
    const api = gmail({ version: 'v1', auth, rootUrl: `${google.proxy.url}/` });
    const { data } = await api.users.messages.list({ userId: 'me', q: 'in:sent quarterly' });
    const mails: { headers: string; text: string }[] = [];
    for (const { id } of data.messages ?? []) {
      const message = await api.users.messages.get({ userId: 'me', id: id ?? '', format: 'raw' });
      const raw = Buffer.from(message.data.raw ?? '', 'base64url').toString('utf8');
      const split = raw.search(/\r?\n\r?\n/);
      const headers = raw.slice(0, split);
      const body = raw.slice(split).trim();
      const text = /^Content-Transfer-Encoding: base64$/im.test(headers) ? Buffer.from(body, 'base64').toString('utf8') : body;
      mails.push({ headers, text });
    }
    return mails;
  }

  test('an email waits with its preview, is edited, approved, sent after the undo window, and audited', async ({ page }) => {
    await page.goto(host?.url ?? '');
    await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible();
    await setUndoWindow(UNDO_SECONDS);
    await configureProvider(page, fake.url, API_KEY);
    await connectGoogleAndWait(page);

    // A proxy-mode chat: the model asks to send the email, the policy's always-confirm list holds it.
    fake.enqueue(
      fakeStep.toolCalls([
        {
          id: 'call_send_1',
          name: 'google__gmail_send',
          argumentChunks: [`{"to":["${TO}"],`, `"subject":"${SUBJECT}",`, `"body":"${DRAFTED_BODY}"}`],
        },
      ]),
    );
    fake.enqueue(fakeStep.text(['I drafted the email to Bob; it is waiting for your approval in Approvals.']));
    await openPage(page, 'Chat');
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Proxy (speaks as you)' }).check();
    await expect(page.getByText('Proxy mode.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Message' }).fill('Email Bob that the quarterly report will be late, ready Friday.');
    await page.getByRole('button', { name: 'Send' }).click();
    const log = page.getByRole('log', { name: 'Messages' });
    const toolCard = log.getByRole('group', { name: 'Tool call google.gmail_send' });
    await expect(toolCard).toContainText('Waiting for approval');
    await expect(log).toContainText('it is waiting for your approval');
    expect(google.proxy.requests.filter((r) => r.path.includes('messages/send'))).toEqual([]);

    // The sidebar counts it; the Approvals page shows exactly what would go out, and why it waits.
    const approvalsNav = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Approvals/ });
    await expect(approvalsNav).toHaveAccessibleName('Approvals 1 waiting');
    await approvalsNav.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
    const queue = page.getByRole('list', { name: 'Waiting for you' });
    const recent = page.getByRole('list', { name: 'Recent' });
    await expect(queue.getByRole('article')).toHaveCount(1);
    const drafted = queue.getByRole('article', { name: 'Send an email' });
    const draftedPreview = drafted.getByRole('group', { name: 'Send an email: what will be sent' });
    await expect(draftedPreview).toContainText(DRAFTED_BODY);
    expect(await previewRows(draftedPreview)).toEqual({ From: ALICE, To: TO, Subject: SUBJECT });
    await expect(drafted).toContainText("Sending email always waits for the user's approval.");
    await expect(drafted).toContainText('From Chat:');

    // Edit the body: the edit is a new item that waits for its own approval; the draft is superseded.
    await drafted.getByRole('button', { name: 'Edit' }).click();
    const editor = drafted.getByRole('form', { name: 'Edit before approving' });
    await expect(editor.getByRole('textbox', { name: 'To' })).toHaveValue(TO);
    await editor.getByRole('textbox', { name: 'Body' }).fill(EDITED_BODY);
    await editor.getByRole('button', { name: 'Save edit' }).click();
    const edited = queue.getByRole('article', { name: 'Send an email' });
    await expect(edited).toContainText('Your edit. It needs your approval before it goes out.');
    const editedPreview = edited.getByRole('group', { name: 'Send an email: what will be sent' });
    await expect(editedPreview).toContainText(EDITED_BODY);
    expect(await previewRows(editedPreview)).toEqual({ From: ALICE, To: TO, Subject: SUBJECT });
    await expect(queue.getByRole('article')).toHaveCount(1);
    await expect(recent.getByRole('article')).toHaveCount(1);
    await expect(recent.getByRole('article')).toContainText('You edited this; the edited version waits for your approval.');
    await expect(approvalsNav).toHaveAccessibleName('Approvals 1 waiting');
    await page.screenshot({ path: test.info().outputPath('approval-edited.png'), fullPage: true });

    // Approve: it moves to Recent and counts down with Undo beside it; nothing has gone out yet.
    await edited.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(queue).toHaveCount(0);
    await expect(page.getByText('Nothing is waiting.')).toBeVisible();
    await expect(approvalsNav).toHaveAccessibleName('Approvals');
    const approved = recent.getByRole('article').filter({ has: page.getByRole('timer') });
    const timer = approved.getByRole('timer');
    await expect(timer).toHaveText(/^Sending in [1-5] s$/);
    await expect(approved.getByRole('button', { name: 'Undo' })).toBeVisible();
    await expect(approved.getByRole('button', { name: 'Undo' })).toBeFocused();
    const first = await secondsLeft(timer);
    await page.screenshot({ path: test.info().outputPath('approval-countdown.png'), fullPage: true });
    expect(google.proxy.requests.filter((r) => r.path.includes('messages/send'))).toEqual([]);
    await expect.poll(() => secondsLeft(timer), { timeout: 3_000 }).toBeLessThan(first);

    // After the window it goes out, and the item says so.
    const sent = recent.getByRole('article').filter({ hasText: EDITED_BODY });
    await expect(sent.getByRole('status')).toHaveText(/^Sent \(Gmail message .+\)$/, { timeout: UNDO_SECONDS * 1000 + 10_000 });
    await expect(sent.getByRole('timer')).toHaveCount(0);
    await expect(sent.getByRole('button', { name: 'Undo' })).toHaveCount(0);

    // Exactly one message went out, with the edited text and not the draft.
    expect(google.proxy.requests.filter((r) => r.method === 'POST' && r.path.includes('messages/send'))).toHaveLength(1);
    const inSent = await sentAboutTheReport();
    expect(inSent).toHaveLength(1);
    expect(inSent[0]?.headers).toContain(`To: ${TO}`);
    expect(inSent[0]?.headers).toContain(`Subject: ${SUBJECT}`);
    expect(inSent[0]?.text).toBe(EDITED_BODY);

    // The Audit page: the log is intact, and the send explains itself from the chat to the effect.
    await openPage(page, 'Audit');
    await expect(page.getByRole('status').filter({ hasText: 'Chain intact' })).toBeVisible();
    const action = page.getByRole('button', { name: /^Entry \d+: proxy\.action$/ });
    await expect(action).toHaveCount(1);
    await action.click();
    const detail = page.getByRole('region', { name: /^Entry \d+ · proxy\.action$/ });
    await expect(detail).toBeVisible();
    const chain = detail.getByRole('list', { name: 'Why did Izzie do this?' });
    // Message → the model's request → policy decision → the approval's life (asked, edited, approved,
    // with the reply that said so between) → the tool call → the effect.
    await expect(chain.getByRole('listitem')).toHaveText([
      /^Message\s*Chat: Email Bob/,
      /^Model call\s*Model call \(.+\).*chat\.reply/,
      /^Policy decision\s*Policy: needs-approval for google\.gmail_send.*Sending email always waits/,
      /^Approval\s*Approval requested \(google\.gmail_send\)/,
      /^Model call\s*Model call \(.+\).*chat\.reply/,
      /^Approval\s*Approval edited \(google\.gmail_send\)/,
      /^Approval\s*Approval approved \(google\.gmail_send\)/,
      /^Tool call\s*Called google\.gmail_send/,
      /^Effect\s*google\.gmail_send went out.*Sent \(Gmail message .+\)/,
    ]);
    await expect(chain.getByRole('listitem').last()).toHaveAttribute('aria-current', 'step');
    await chain.screenshot({ path: test.info().outputPath('audit-chain.png') });
  });
});
