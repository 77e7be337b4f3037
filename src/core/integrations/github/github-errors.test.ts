import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../kit/service-error';
import { createGithubClient } from './github-client';
import { githubCall } from './github-errors';

const TOKEN = 'ghp-secret-token-1234567890';

/** Answers every request with the next scripted response. */
let next: { status: number; headers?: Record<string, string>; body: unknown } = { status: 200, body: {} };
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end(JSON.stringify(next.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(response: typeof next, url = baseUrl): Promise<ServiceError> {
  next = response;
  const octokit = createGithubClient({ token: TOKEN, baseUrl: url });
  const error = await githubCall(TOKEN, () => octokit.rest.repos.get({ owner: 'octocat', repo: 'hello-world' })).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('GitHub errors', () => {
  it('reads a secondary rate limit (403 with retry-after) as rate limiting', async () => {
    const e = await failure({
      status: 403,
      headers: { 'retry-after': '60' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    expect(e).toMatchObject({ kind: 'rate_limited', options: { status: 403, retryAfterSeconds: 60 } });
    expect(e.message).toBe('GitHub is rate-limiting requests; try again in 60 seconds.');
  });

  it('names the scopes a forbidden request needed', async () => {
    const e = await failure({
      status: 403,
      headers: { 'x-accepted-oauth-scopes': 'repo', 'x-ratelimit-remaining': '4999' },
      body: { message: 'Resource not accessible by personal access token', documentation_url: 'https://docs.github.com/rest' },
    });
    expect(e.kind).toBe('forbidden');
    expect(e.message).toBe(
      'GitHub refused: the connected account lacks permission for this. GitHub said: Resource not accessible by personal access token (it needs one of these token scopes: repo)',
    );
  });

  it('keeps field errors of a 422 and drops the documentation link', async () => {
    const e = await failure({
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }, { message: 'assignees are invalid' }],
        documentation_url: 'https://docs.github.com/rest/issues',
      },
    });
    expect(e).toMatchObject({ kind: 'invalid_request', detail: 'Validation Failed: title missing_field; assignees are invalid' });
  });

  it('never repeats the token, even when a server echoes it', async () => {
    const e = await failure({ status: 401, body: { message: `Bad credentials for token ${TOKEN}` } });
    expect(e).toMatchObject({ kind: 'unauthorized', options: { revoked: true } });
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).toContain('Bad credentials for token [redacted]');
  });

  it('says GitHub could not be reached when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = await failure(next, `http://127.0.0.1:${port}`);
    expect(e.kind).toBe('unavailable');
    expect(e.message).toMatch(
      /^GitHub is not answering properly right now; try again shortly\. GitHub said: it could not be reached/,
    );
  });

  it('lets an abort through as an abort', async () => {
    const octokit = createGithubClient({ token: TOKEN, baseUrl });
    const controller = new AbortController();
    controller.abort();
    const error = await githubCall(TOKEN, () =>
      octokit.rest.repos.get({ owner: 'octocat', repo: 'hello-world', request: { signal: controller.signal } }),
    ).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ServiceError);
    expect((error as Error).name).toBe('AbortError');
  });
});
