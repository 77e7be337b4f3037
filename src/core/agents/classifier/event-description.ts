import { CalendarEventData, EmailReceivedData, LinearIssueData, PullRequestData, type IzzieEvent } from '../../../shared';

/** Longest free text (a subject, a title, a snippet) shown to the classifier. */
const FIELD_MAX = 400;

/**
 * What the classifier is shown of an event: the fields that decide triage, never volatile ones
 * (ids, fetch times), so an unchanged item describes the same and its fingerprint repeats.
 */
export function describeEvent(event: IzzieEvent): string {
  const lines = [`Event type: ${event.type}`];
  const add = (label: string, value: string | number | boolean | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    lines.push(`${label}: ${clip(String(value))}`);
  };
  if (event.type === 'email/received') {
    const mail = EmailReceivedData.safeParse(event.data);
    if (mail.success) {
      add('From', mail.data.from);
      add('To', mail.data.to.join(', '));
      add('Subject', mail.data.subject);
      add('Snippet', mail.data.snippet);
      add('Gmail labels', mail.data.labels.join(', '));
      add('Bulk mail', mail.data.bulk);
      return lines.join('\n');
    }
  } else if (event.type.startsWith('github/pull_request.')) {
    const pr = PullRequestData.safeParse(event.data);
    if (pr.success) {
      add('Pull request', `${pr.data.repo}#${pr.data.number}: ${pr.data.title}`);
      add('Author', pr.data.author);
      add('State', pr.data.draft ? `${pr.data.state} (draft)` : pr.data.state);
      add('Review requested from the user', pr.data.reviewRequested);
      add('Why GitHub notified', pr.data.reason);
      return lines.join('\n');
    }
  } else if (event.type.startsWith('linear/issue.')) {
    const issue = LinearIssueData.safeParse(event.data);
    if (issue.success) {
      add('Issue', `${issue.data.identifier}: ${issue.data.title}`);
      add('State', issue.data.state);
      add('Priority', ['none', 'urgent', 'high', 'medium', 'low'][issue.data.priority]);
      add('Assigned to the user', issue.data.assignedToViewer);
      return lines.join('\n');
    }
  } else if (event.type.startsWith('calendar/event.')) {
    const meeting = CalendarEventData.safeParse(event.data);
    if (meeting.success) {
      add('Event', meeting.data.summary);
      add('Starts', new Date(meeting.data.start).toISOString());
      add('Ends', new Date(meeting.data.end).toISOString());
      add('Status', meeting.data.status);
      add('Organizer', meeting.data.organizer);
      return lines.join('\n');
    }
  }
  add('Data', JSON.stringify(event.data));
  return lines.join('\n');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > FIELD_MAX ? `${flat.slice(0, FIELD_MAX - 1)}…` : flat;
}
