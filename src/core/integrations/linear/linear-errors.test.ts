import { LinearErrorType, parseLinearError } from '@linear/sdk';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../kit/service-error';
import { toLinearError } from './linear-errors';

/** A failed response as the SDK's GraphQL client hands it to `parseLinearError`. */
function failure(type: string, message: string, headers: Record<string, string> = {}) {
  const raw = { response: { status: 400, headers: new Headers(headers), errors: [{ message, extensions: { type } }] } };
  // The SDK declares the raw error's `message` and `extensions.type` as its error enum; Linear sends
  // free text and phrases ("ratelimited", "invalid input"), which `parseLinearError` maps.
  return parseLinearError(raw as unknown as Parameters<typeof parseLinearError>[0]);
}

describe('toLinearError', () => {
  it('waits until the exhausted budget resets when Linear sends no Retry-After', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0);
    const sdkError = failure('ratelimited', 'Rate limit exceeded', {
      'x-ratelimit-requests-remaining': '0',
      'x-ratelimit-requests-reset': String(now + 90_500),
    });
    expect(sdkError.type).toBe(LinearErrorType.Ratelimited);
    const error = toLinearError(sdkError, undefined, now);
    expect(error).toMatchObject({ kind: 'rate_limited', options: { retryAfterSeconds: 91 } });
  });

  it('keeps the API key out of what Linear said', () => {
    const key = 'lin_api_Secret123';
    const error = toLinearError(failure('forbidden', `Key ${key} may not read this team`), key);
    expect(error).toMatchObject({ kind: 'forbidden', detail: 'Key [redacted] may not read this team' });
  });

  it('tells a missing entity from other invalid input', () => {
    expect(toLinearError(failure('invalid input', 'Entity not found: Team'))).toMatchObject({ kind: 'not_found' });
    expect(toLinearError(failure('invalid input', 'title must not be empty'))).toMatchObject({ kind: 'invalid_request' });
    expect(toLinearError(failure('usage limit exceeded', 'Issue limit reached'))).toMatchObject({ kind: 'invalid_request' });
  });

  it('leaves errors that are not the SDK’s alone', () => {
    const bug = new TypeError('x is undefined');
    expect(toLinearError(bug)).toBe(bug);
    const already = new ServiceError('Linear', 'not_found', 'gone');
    expect(toLinearError(already)).toBe(already);
  });
});
