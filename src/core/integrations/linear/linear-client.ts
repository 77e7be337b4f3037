import { LinearClient } from '@linear/sdk';
import { toLinearError } from './linear-errors';

export const LINEAR_API_URL = 'https://api.linear.app/graphql';

export interface LinearConnection {
  readonly apiKey: string;
  /** The GraphQL endpoint; the tests' fake puts it elsewhere. */
  readonly apiUrl?: string;
}

/**
 * Runs `work` with a client made for this one call, turning the SDK's failures into `ServiceError`s.
 * A client per call because the SDK takes an abort signal only as a fetch option of the whole
 * client; making one sends no request.
 */
export async function withLinear<T>(
  connection: LinearConnection,
  signal: AbortSignal | undefined,
  work: (client: LinearClient) => Promise<T>,
): Promise<T> {
  const client = new LinearClient({
    apiKey: connection.apiKey,
    apiUrl: connection.apiUrl ?? LINEAR_API_URL,
    ...(signal ? { signal } : {}),
  });
  try {
    return await work(client);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw toLinearError(error, connection.apiKey);
  }
}
