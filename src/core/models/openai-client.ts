import OpenAI from 'openai';
import type { ProviderConnection } from './model-config-service';
import { PLACEHOLDER_API_KEY } from './providers';

/**
 * One SDK client per call. Retries are ours (they must stop when the user presses Stop and honour
 * Retry-After under a cap), so the SDK's are off. `organization`/`project` are pinned to null so an
 * OPENAI_ORG_ID in the environment is never sent to another provider; the SDK's own logging is off
 * because it would print request details outside our redacting logger.
 */
export function createOpenAIClient(connection: ProviderConnection): OpenAI {
  return new OpenAI({
    baseURL: connection.baseUrl,
    apiKey: connection.apiKey ?? PLACEHOLDER_API_KEY,
    organization: null,
    project: null,
    defaultHeaders: { ...connection.headers },
    maxRetries: 0,
    timeout: connection.timeoutMs,
    logLevel: 'off',
  });
}
