import { describe, expect, it } from 'vitest';
import { ServiceError } from '../kit/service-error';
import { callGoogle, toServiceError } from './google-errors';

/** The shape of a GaxiosError as the SDKs throw it (the real ones are exercised in the tool tests). */
function httpFailure(status: number, data: unknown, headers: Record<string, string> = {}) {
  return Object.assign(new Error('Request failed: https://gmail.googleapis.com/…?access_token=ya29.secret'), {
    config: { headers: { authorization: 'Bearer ya29.secret' } },
    response: { status, data, headers: new Headers(headers) },
  });
}

describe('toServiceError', () => {
  it('uses the body message only, never the request', () => {
    const error = toServiceError(httpFailure(404, { error: { code: 404, message: 'Requested entity was not found.' } }), 'Gmail');
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: 'not_found', detail: 'Requested entity was not found.', options: { status: 404 } });
    expect((error as Error).message).not.toContain('ya29.secret');
  });

  it('reads Retry-After as seconds or an HTTP date, from Headers or a plain object', () => {
    expect(toServiceError(httpFailure(429, {}, { 'retry-after': '7' }), 'Gmail')).toMatchObject({
      options: { retryAfterSeconds: 7 },
    });
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const dated = toServiceError(httpFailure(503, {}, { 'retry-after': inTwoMinutes }), 'Google Calendar') as ServiceError;
    expect(dated.kind).toBe('unavailable');
    expect(dated.options.retryAfterSeconds).toBeGreaterThan(100);
    const plain = { response: { status: 429, headers: { 'retry-after': '3' }, data: '' } };
    expect(toServiceError(plain, 'Gmail')).toMatchObject({ kind: 'rate_limited', options: { retryAfterSeconds: 3 } });
  });

  it('maps token endpoint failures: a revoked grant, a refused client, others', () => {
    expect(
      toServiceError(
        httpFailure(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
        'Gmail',
      ),
    ).toMatchObject({
      kind: 'unauthorized',
      detail: 'Token has been expired or revoked.',
      options: { revoked: true, status: 400 },
    });
    const client = toServiceError(
      httpFailure(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' }),
      'Google',
    );
    expect(client).toMatchObject({
      kind: 'unauthorized',
      detail: 'the OAuth client was refused (The OAuth client was not found.)',
    });
    expect((client as ServiceError).options.revoked).toBeUndefined();
    expect(toServiceError(httpFailure(400, { error: 'invalid_request' }), 'Google')).toMatchObject({
      kind: 'invalid_request',
      detail: 'invalid_request',
    });
  });

  it('treats connection failures as unavailable', () => {
    const refused = Object.assign(new Error('request to http://127.0.0.1:9 failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(toServiceError(refused, 'Gmail')).toMatchObject({ kind: 'unavailable', detail: '' });
  });

  it('clips long messages', () => {
    const error = toServiceError(httpFailure(400, { error: { message: 'x'.repeat(1000) } }), 'Gmail') as ServiceError;
    expect(error.detail.length).toBeLessThanOrEqual(300);
  });

  it('leaves anything that is not a service failure alone', async () => {
    const bug = new TypeError('undefined is not a function');
    expect(toServiceError(bug, 'Gmail')).toBe(bug);
    const aborted = new DOMException('The operation was aborted.', 'AbortError');
    await expect(callGoogle('Gmail', () => Promise.reject(aborted))).rejects.toBe(aborted);
    await expect(callGoogle('Gmail', () => Promise.resolve(42))).resolves.toBe(42);
  });
});
