import { createServer, type ServerResponse } from 'node:http';
import { buildSchema, graphql, GraphQLError, Kind, parse } from 'graphql';
import { listenLocal, readBody, sendJson } from '../http-kit';
import { type LinearFakeData, seedLinearData } from './linear-fake-data';
import { type LinearFakeContext, linearFakeRoot } from './linear-fake-resolvers';
import { LINEAR_FAKE_SDL } from './linear-fake-schema';

/**
 * A small local Linear GraphQL API for tests (DESIGN.md: Linear has no emulator, so "a small local
 * GraphQL fake of exactly the operations used"). It is a real GraphQL server: `graphql-js` executes
 * each request against a schema holding exactly the types and fields of the operations the
 * `@linear/sdk` sends for Izzie's tools (`linear-fake-schema.ts`), with resolvers over an in-memory
 * workspace (`linear-fake-data.ts`). A document the schema does not cover fails validation, so an
 * SDK upgrade or a new operation shows up as a test failure, not as silently invented data.
 *
 * Errors are shaped the way the SDK's `parseLinearError` reads them: `errors[].extensions.type`
 * ("authentication error", "ratelimited", "invalid input", …) picks the error class, the rate-limit
 * headers fill `RatelimitedLinearError`. Linear answers such failures with an outer HTTP 400 and
 * the meaningful status in `extensions.statusCode` (as observed for RATELIMITED); the fake does the
 * same. Test support only: product code never imports this file.
 */
export const LINEAR_FAKE_API_KEY = 'lin_api_FakeKey0123456789abcdefghijklmnopqrstuv';

export interface LinearFakeRequest {
  /** The operation's name as the SDK sends it: `issues`, `issue`, `createIssue`, `viewer`, … */
  readonly operationName: string | null;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly authorized: boolean;
}

export type LinearFakeFailure =
  { readonly kind: 'ratelimited'; readonly retryAfterSeconds: number } | { readonly kind: 'internal' };

export interface LinearGraphqlFake {
  /** The GraphQL endpoint, as `LinearClient`'s `apiUrl` wants it. */
  readonly url: string;
  /** The live workspace: tests seed it, and read it to see what a mutation did. */
  readonly data: LinearFakeData;
  readonly requests: LinearFakeRequest[];
  /** The next authorized request gets this failure instead of an answer. */
  failNext(failure: LinearFakeFailure): void;
  close(): Promise<void>;
}

export interface LinearGraphqlFakeOptions {
  readonly apiKey?: string;
  readonly data?: LinearFakeData;
  /** Whose API key it is; the first user of the workspace unless given. */
  readonly viewerEmail?: string;
}

const schema = buildSchema(LINEAR_FAKE_SDL);

export async function startLinearGraphqlFake(options: LinearGraphqlFakeOptions = {}): Promise<LinearGraphqlFake> {
  const apiKey = options.apiKey ?? LINEAR_FAKE_API_KEY;
  const data = options.data ?? seedLinearData();
  const viewer = options.viewerEmail ? data.users.find((user) => user.email === options.viewerEmail) : data.users[0];
  if (!viewer) throw new Error('Linear fake: the workspace has no such viewer');
  const requests: LinearFakeRequest[] = [];
  const failures: LinearFakeFailure[] = [];
  const root = linearFakeRoot();
  let syncId = 1000;

  const server = createServer((req, res) => {
    // A request whose body never arrives whole (the client went away) gets no answer.
    void readBody(req).then(
      async (raw) => {
        if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://fake').pathname !== '/graphql') {
          return sendJson(res, 404, { errors: [{ message: 'Not found' }] });
        }
        const body = parseBody(raw.toString('utf8'));
        if (!body) return sendJson(res, 400, { errors: [{ message: 'Must provide query string.', extensions: GRAPHQL_ERROR }] });
        const authorized = req.headers.authorization === apiKey;
        requests.push({ operationName: operationName(body.query), variables: body.variables, authorized });

        if (!authorized) return sendJson(res, 400, AUTHENTICATION_ERROR);
        const failure = failures.shift();
        if (failure) return sendFailure(res, failure);

        const context: LinearFakeContext = { data, viewerId: viewer.id, nextSyncId: () => ++syncId };
        const result = await graphql({
          schema,
          source: body.query,
          rootValue: root,
          contextValue: context,
          variableValues: body.variables,
        });
        if (!('data' in result)) {
          // Parse and validation failures: the document asked for something this fake does not have.
          const errors = (result.errors ?? []).map((error) => ({ ...error.toJSON(), extensions: GRAPHQL_ERROR }));
          return sendJson(res, 400, { errors });
        }
        sendJson(res, 200, result);
      },
      () => res.destroy(),
    );
  });
  const listening = await listenLocal(server);

  return {
    url: `${listening.url}/graphql`,
    data,
    requests,
    failNext: (failure) => void failures.push(failure),
    close: listening.close,
  };
}

const GRAPHQL_ERROR = { type: 'graphql error', code: 'GRAPHQL_VALIDATION_FAILED', userError: false };

const AUTHENTICATION_ERROR = {
  data: null,
  errors: [
    {
      message: 'Authentication required, not authenticated',
      extensions: {
        type: 'authentication error',
        code: 'AUTHENTICATION_ERROR',
        statusCode: 401,
        userError: true,
        userPresentableMessage: 'Authentication required, not authenticated.',
      },
    },
  ],
};

function sendFailure(res: ServerResponse, failure: LinearFakeFailure): void {
  if (failure.kind === 'internal') {
    const extensions = { type: 'internal error', code: 'INTERNAL_SERVER_ERROR', statusCode: 500, userError: false };
    return sendJson(res, 500, { data: null, errors: [{ message: 'Internal server error', extensions }] });
  }
  const headers = {
    'retry-after': String(failure.retryAfterSeconds),
    'x-ratelimit-requests-limit': '1500',
    'x-ratelimit-requests-remaining': '0',
    // Linear gives the reset as a UTC epoch in milliseconds.
    'x-ratelimit-requests-reset': String(Date.now() + failure.retryAfterSeconds * 1000),
  };
  const extensions = {
    type: 'ratelimited',
    code: 'RATELIMITED',
    statusCode: 429,
    userError: true,
    userPresentableMessage: 'Rate limit exceeded. Please wait before making more requests.',
  };
  sendJson(res, 400, { data: null, errors: [{ message: 'Rate limit exceeded', extensions }] }, headers);
}

function operationName(query: string): string | null {
  try {
    const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    return operation?.kind === Kind.OPERATION_DEFINITION ? (operation.name?.value ?? null) : null;
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

function parseBody(raw: string): { query: string; variables: Record<string, unknown> } | null {
  try {
    const body = JSON.parse(raw) as { query?: unknown; variables?: unknown };
    if (typeof body.query !== 'string') return null;
    const variables =
      typeof body.variables === 'object' && body.variables !== null ? (body.variables as Record<string, unknown>) : {};
    return { query: body.query, variables };
  } catch {
    return null;
  }
}
