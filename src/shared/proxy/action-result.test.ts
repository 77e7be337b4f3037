import { describe, expect, it } from 'vitest';
import { actionResultText, describeActionResult, RESULT_SNIPPET_CHARS } from './action-result';

/** What each built-in tool's `run` returns (src/core/integrations/<service>/*-tools.ts), as the MCP kit sends it. */
const json = (value: unknown) => JSON.stringify(value);

const GMAIL_SENT = json({ id: '18c2f0a1b2c3d4e5', threadId: '18c2f0a1b2c3d4e5', labelIds: ['SENT'] });
const SLACK_POSTED = json({
  channel: { id: 'C0123ABCD', name: 'general' },
  ts: '1712345678.000100',
  thread_ts: null,
  text: 'Atlas ships Friday.',
});
const GITHUB_ISSUE = json({
  number: 12,
  title: 'Login loops after reset',
  state: 'open',
  author: 'octocat',
  labels: [],
  assignees: [],
  comments: 0,
  url: 'https://github.com/octocat/hello-world/issues/12',
  created_at: '2024-03-01T10:00:00Z',
  updated_at: '2024-03-01T10:00:00Z',
});
const LINEAR_ISSUE = json({
  identifier: 'ENG-8',
  title: 'Login loops after reset',
  state: 'Todo',
  priority: 'No priority',
  assignee: null,
  url: 'https://linear.app/acme/issue/ENG-8/login-loops-after-reset',
  updatedAt: '2024-03-01T10:00:00.000Z',
});
const CALENDAR_EVENT = json({
  id: 'evt1',
  summary: 'Dentist',
  start: '2024-03-04T10:00:00+01:00',
  end: '2024-03-04T11:00:00+01:00',
  allDay: false,
  status: 'confirmed',
  attendees: [{ email: 'ada@home.example' }],
  link: 'https://www.google.com/calendar/event?eid=abc',
});

describe('describeActionResult: what a proxy action’s tool answered, in one line', () => {
  it('reads each built-in tool’s answer', () => {
    expect(describeActionResult('google.gmail_send', GMAIL_SENT)).toEqual({
      text: 'Sent (Gmail message 18c2f0a1b2c3d4e5)',
      url: null,
      site: null,
    });
    expect(describeActionResult('google.gmail_draft', json({ draftId: 'r-42', messageId: 'm1', threadId: 't1' })).text).toBe(
      'Draft saved in Gmail (draft r-42)',
    );
    expect(describeActionResult('slack.message_send', SLACK_POSTED).text).toBe('Posted in #general');
    expect(describeActionResult('github.issue_create', GITHUB_ISSUE)).toEqual({
      text: 'Created octocat/hello-world#12',
      url: 'https://github.com/octocat/hello-world/issues/12',
      site: 'GitHub',
    });
    expect(describeActionResult('linear.issue_create', LINEAR_ISSUE)).toEqual({
      text: 'Created ENG-8',
      url: 'https://linear.app/acme/issue/ENG-8/login-loops-after-reset',
      site: 'Linear',
    });
    expect(
      describeActionResult(
        'github.pr_review',
        json({
          id: 80,
          state: 'APPROVED',
          reviewer: 'octocat',
          submitted_at: '2024-03-01T10:00:00Z',
          url: 'https://github.com/octocat/hello-world/pull/3#pullrequestreview-80',
        }),
      ),
    ).toEqual({
      text: 'Review published on octocat/hello-world#3 (approved)',
      url: 'https://github.com/octocat/hello-world/pull/3#pullrequestreview-80',
      site: 'GitHub',
    });
    expect(describeActionResult('google.calendar_create', CALENDAR_EVENT)).toEqual({
      text: 'Event created: Dentist',
      url: 'https://www.google.com/calendar/event?eid=abc',
      site: 'Google Calendar',
    });
    expect(
      describeActionResult(
        'linear.comment_create',
        json({ id: 'c1', issue: 'ENG-7', issueUrl: 'https://linear.app/acme/issue/ENG-7/x' }),
      ),
    ).toEqual({ text: 'Commented on ENG-7', url: 'https://linear.app/acme/issue/ENG-7/x', site: 'Linear' });
    expect(
      describeActionResult('linear.issue_update', json({ ...JSON.parse(LINEAR_ISSUE), changed: ['state', 'priority'] })).text,
    ).toBe('Updated ENG-8 (state, priority)');
    expect(describeActionResult('google.calendar_update', CALENDAR_EVENT).text).toBe('Event updated: Dentist');
    expect(
      describeActionResult('google.calendar_delete', json({ deleted: true, eventId: 'evt1', calendarId: 'primary' })).text,
    ).toBe('Event deleted');
    expect(
      describeActionResult(
        'sms.sms_send',
        json({ sid: 'SM1', status: 'queued', to: '+15551234567', from: '+15550000000', segments: 1, createdAt: null }),
      ).text,
    ).toBe('Text sent to +15551234567');
  });

  it('says what it can when parts of the answer are missing', () => {
    expect(describeActionResult('google.gmail_send', json({ id: null, threadId: null, labelIds: [] })).text).toBe(
      'Sent by Gmail',
    );
    // A channel given by ID is not looked up by name; a reply goes into a thread.
    expect(
      describeActionResult(
        'slack.message_send',
        json({ channel: { id: 'C0123ABCD', name: null }, ts: '1.2', thread_ts: '1.1', text: 'ok' }),
      ).text,
    ).toBe('Replied in a thread in C0123ABCD');
    expect(describeActionResult('github.issue_create', json({ number: 5, url: 'not a url' }))).toEqual({
      text: 'Created issue #5',
      url: null,
      site: null,
    });
    expect(describeActionResult('github.pr_review', json({ id: 1, state: 'COMMENTED', reviewer: null, url: null })).text).toBe(
      'Review published',
    );
    expect(describeActionResult('linear.issue_update', json({ identifier: 'ENG-8', changed: [] })).text).toBe(
      'Nothing to change on ENG-8',
    );
  });

  it('only links to web addresses', () => {
    const sneaky = json({ identifier: 'ENG-8', url: 'javascript:alert(1)' });
    expect(describeActionResult('linear.issue_create', sneaky)).toEqual({ text: 'Created ENG-8', url: null, site: null });
    expect(describeActionResult('linear.comment_create', json({ issue: 'ENG-7', issueUrl: 'file:///etc/passwd' })).url).toBe(
      null,
    );
  });

  it('falls back to the start of the text, and never throws', () => {
    expect(describeActionResult('google.gmail_send', 'Message 18c2f sent').text).toBe('Done: Message 18c2f sent');
    // Cut short by the core, so no longer JSON.
    expect(describeActionResult('google.gmail_send', '{"id":"18c2f","thr… (truncated)').text).toBe(
      'Done: {"id":"18c2f","thr… (truncated)',
    );
    // JSON, but not the shape the tool returns.
    expect(describeActionResult('slack.message_send', '["a"]').text).toBe('Done: ["a"]');
    expect(describeActionResult('slack.message_send', '{"ok":true}').text).toBe('Done: {"ok":true}');
    expect(describeActionResult('google.gmail_send', 'null').text).toBe('Done: null');
    // Any other tool: its answer as it came, on one line.
    expect(describeActionResult('notion.page_create', '{\n  "id": "p1"\n}').text).toBe('Done: { "id": "p1" }');
    expect(describeActionResult(null, 'ok').text).toBe('Done: ok');
    // Names that are not tools of its own, even inherited ones.
    expect(describeActionResult('constructor', '{"a":1}').text).toBe('Done: {"a":1}');
    expect(describeActionResult('__proto__', '{"a":1}').text).toBe('Done: {"a":1}');
    expect(describeActionResult('google.gmail_send', '').text).toBe('Done');
    expect(describeActionResult('google.gmail_send', null)).toEqual({ text: 'Done', url: null, site: null });

    const long = describeActionResult('mcp.tool', 'x'.repeat(500)).text;
    expect(long).toBe(`Done: ${'x'.repeat(RESULT_SNIPPET_CHARS - 1)}…`);
  });

  it('writes the link after the line where it cannot be a link', () => {
    expect(actionResultText('linear.issue_create', LINEAR_ISSUE)).toBe(
      'Created ENG-8 (https://linear.app/acme/issue/ENG-8/login-loops-after-reset)',
    );
    expect(actionResultText('slack.message_send', SLACK_POSTED)).toBe('Posted in #general');
  });
});
