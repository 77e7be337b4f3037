import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { CoreError } from '../errors';
import { connectionDetail, scrub, systemErrorCode } from './attempt-failure';
import { MissingApiKeyError, SETTINGS_PLACE, type ModelConfigService, type ProviderConnection } from './model-config-service';
import { formatDuration } from './model-errors';
import { createOpenAIClient } from './openai-client';
import { PROVIDER_PRESETS } from './providers';

export type ConnectionProblem = 'missing-key' | 'bad-key' | 'unreachable' | 'wrong-url' | 'timeout' | 'provider-error';

export type ConnectionCheck =
  | { readonly ok: true; readonly models: string[] }
  | { readonly ok: false; readonly reason: ConnectionProblem; readonly message: string };

/**
 * Settings → Models' "Test connection": lists the provider's models, or says exactly what is wrong
 * and what to do. Tries the stored provider, or a candidate the user has not saved yet. Throws only
 * PROVIDER_NOT_CONFIGURED (nothing to test) and INVALID_INPUT (a malformed candidate).
 */
export async function testConnection(config: Pick<ModelConfigService, 'connect'>, candidate?: unknown): Promise<ConnectionCheck> {
  let connection: ProviderConnection;
  try {
    connection = await config.connect(candidate);
  } catch (error) {
    if (error instanceof MissingApiKeyError) return { ok: false, reason: 'missing-key', message: error.message };
    throw error;
  }
  const controller = new AbortController();
  let timedOut = false;
  // The SDK's timeout stops at the response headers; a server that stalls mid-body is caught here.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, connection.timeoutMs);
  try {
    const { data: page, response } = await createOpenAIClient(connection)
      .models.list({ signal: controller.signal })
      .withResponse();
    if (!(response.headers.get('content-type') ?? '').includes('json')) {
      return fail('wrong-url', `${connection.baseUrl} answered /models with something other than a model list: ${NOT_OPENAI}`);
    }
    return { ok: true, models: page.data.map((model) => model.id).filter((id) => typeof id === 'string') };
  } catch (error) {
    return explain(error, connection, timedOut);
  } finally {
    clearTimeout(timer);
  }
}

const NOT_OPENAI = 'this does not look like an OpenAI-compatible endpoint. Check the base URL.';
const fail = (reason: ConnectionProblem, message: string): ConnectionCheck => ({ ok: false, reason, message });

function explain(error: unknown, connection: ProviderConnection, timedOut: boolean): ConnectionCheck {
  const hint = PROVIDER_PRESETS[connection.kind].unreachableHint;
  if (timedOut || error instanceof APIConnectionTimeoutError) {
    return fail('timeout', `${connection.baseUrl} did not answer within ${formatDuration(connection.timeoutMs)}. ${hint}`);
  }
  if (error instanceof APIConnectionError) {
    return fail('unreachable', `Nothing answered at ${connection.baseUrl} (${connectionDetail(error)}). ${hint}`);
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 401 || status === 403) {
      return fail('bad-key', `${connection.label} refused the API key (${status}). Check the key in ${SETTINGS_PLACE}.`);
    }
    if (status === 404 || status === 405) {
      return fail('wrong-url', `${connection.baseUrl} answered ${status} for /models: ${NOT_OPENAI}`);
    }
    const said = scrub(error.message, connection.apiKey);
    return fail('provider-error', `${connection.label} answered ${said}. Try again in a moment.`);
  }
  if (error instanceof SyntaxError) {
    return fail('wrong-url', `${connection.baseUrl} answered /models with something that is not JSON: ${NOT_OPENAI}`);
  }
  if (error instanceof CoreError) throw error;
  const code = systemErrorCode(error);
  return fail('unreachable', `Nothing answered at ${connection.baseUrl}${code ? ` (${connectionDetail(error)})` : ''}. ${hint}`);
}
