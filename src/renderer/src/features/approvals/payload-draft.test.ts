import { describe, expect, it } from 'vitest';
import { RpcError } from '../../../../shared';
import { approval } from '../../test-support/fake-approvals';
import { draftOf, editableFields, payloadOf, payloadProblem } from './payload-draft';

describe('editing an action’s payload', () => {
  it('edits an email’s recipients as comma-separated text, adding Cc or Bcc only when given', () => {
    const email = approval({ payload: { to: ['dana@acme.com'], subject: 'Hi', body: 'Text', replyToMessageId: 'm1' } });
    expect(draftOf(email)).toEqual({ to: 'dana@acme.com', cc: '', bcc: '', subject: 'Hi', body: 'Text' });
    expect(payloadOf(email, { to: 'dana@acme.com; lee@acme.com', cc: '', bcc: ' ', subject: 'Hi', body: 'New' })).toEqual({
      payload: { to: ['dana@acme.com', 'lee@acme.com'], subject: 'Hi', body: 'New', replyToMessageId: 'm1' },
    });
    expect(payloadOf(email, { ...draftOf(email), bcc: 'boss@acme.com' })).toMatchObject({ payload: { bcc: ['boss@acme.com'] } });
  });

  it('edits a Linear issue’s description, which GitHub calls its body', () => {
    const linear = approval({
      tool: 'linear.issue_create',
      actionClass: 'create',
      payload: { team: 'ENG', title: 'Bug', description: 'Steps' },
    });
    expect(editableFields(linear).map((f) => f.key)).toEqual(['title', 'description']);
    expect(payloadOf(linear, { title: 'Bug', description: 'More steps' })).toEqual({
      payload: { team: 'ENG', title: 'Bug', description: 'More steps' },
    });
    const github = approval({
      tool: 'github.issue_create',
      actionClass: 'create',
      payload: { owner: 'acme', repo: 'app', title: 'Bug' },
    });
    expect(editableFields(github).map((f) => f.key)).toEqual(['title', 'body']);
  });

  it('edits any other tool’s arguments, non-text ones as JSON, and says which one does not parse', () => {
    const event = approval({
      tool: 'google.calendar_create',
      actionClass: 'create',
      payload: { summary: 'Dentist', attendees: ['a@b.c'] },
    });
    expect(draftOf(event)).toEqual({ summary: 'Dentist', attendees: '["a@b.c"]' });
    expect(payloadOf(event, { summary: 'Dentist', attendees: '["a@b.c", "d@e.f"]' })).toEqual({
      payload: { summary: 'Dentist', attendees: ['a@b.c', 'd@e.f'] },
    });
    expect(payloadOf(event, { summary: 'Dentist', attendees: '[a@b.c' })).toEqual({
      problem: { message: null, fields: { attendees: expect.stringContaining('as JSON') } },
    });
  });

  it('puts the core’s refusal of a payload field under that field, and anything else above the form', () => {
    const tool = new RpcError(
      'INVALID_INPUT',
      'google.gmail_send would refuse this: to.1: must match format "email"; arguments: must NOT have additional properties',
    );
    expect(payloadProblem(tool, ['to', 'subject'])).toEqual({
      message: 'arguments: must NOT have additional properties',
      fields: { to: 'must match format "email"' },
    });
    const router = new RpcError(
      'INVALID_INPUT',
      'Invalid input for approvals.edit: payload.subject: Expected string; payload: Too many keys',
    );
    expect(payloadProblem(router, ['to', 'subject'])).toEqual({
      message: 'Too many keys',
      fields: { subject: 'Expected string' },
    });
    expect(payloadProblem(new RpcError('CONFLICT', 'This action is already denied.'), ['to'])).toEqual({
      message: 'This action is already denied.',
      fields: {},
    });
  });
});
