/**
 * The narrowest scopes that cover every Google tool:
 * - `gmail.readonly`: gmail_search and gmail_read (list and get messages); nothing is modified.
 * - `gmail.compose`: gmail_draft and gmail_send (create drafts, send mail). It does not allow
 *   deleting, trashing or relabelling mail, which `gmail.modify` would.
 * - `calendar.events`: calendar_query, calendar_create, calendar_update, calendar_delete (events of
 *   the calendars the person can access), without the calendar settings and sharing `calendar` grants.
 * - `calendar.freebusy`: calendar_freebusy; freebusy.query does not accept `calendar.events`.
 * - `openid email`: the account's address, shown on the Integrations page.
 */
export const GOOGLE_SCOPES: readonly string[] = [
  'openid',
  'email',
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.compose',
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.freebusy',
];
