import type { MethodInput, MethodResult, ModelsOverview, RpcClient, Tier } from '../../../../shared';
import { describeError, reportError } from '../../stores/banners';
import { useModels } from '../../stores/models';
import { loadAppInfo } from './settings-actions';

/**
 * Settings → Models over the RPC client. Loading problems become banners; problems with what the
 * person typed come back as a sentence to show beside the form instead of the saved value.
 */

export type ConnectionCheck = MethodResult<'models.testConnection'>;
type TierView = MethodResult<'models.resetTier'>;

export async function loadModels(client: RpcClient): Promise<void> {
  const store = useModels.getState();
  if (store.status !== 'ready') store.setStatus('loading');
  try {
    useModels.getState().setOverview(await client.call('models.get'));
  } catch (error) {
    useModels.getState().setStatus('error');
    reportError('settings', 'Couldn’t load the model settings.', error, () => void loadModels(client));
  }
}

export async function saveProvider(
  client: RpcClient,
  input: MethodInput<'models.setProvider'>,
): Promise<ModelsOverview | string> {
  try {
    const overview = await client.call('models.setProvider', input);
    useModels.getState().setOverview(overview);
    void loadAppInfo(client); // "is a provider configured" changed
    return overview;
  } catch (error) {
    return inlineError(error);
  }
}

/** Never throws: a refused candidate (e.g. no base URL) reads like any other failed check. */
export async function testConnection(
  client: RpcClient,
  candidate: NonNullable<MethodInput<'models.testConnection'>['candidate']>,
): Promise<ConnectionCheck> {
  try {
    return await client.call('models.testConnection', { candidate });
  } catch (error) {
    return { ok: false, reason: 'provider-error', message: inlineError(error) };
  }
}

export async function saveTier(client: RpcClient, tier: MethodInput<'models.setTier'>): Promise<TierView | string> {
  try {
    const saved = await client.call('models.setTier', tier);
    useModels.getState().setTier(saved);
    return saved;
  } catch (error) {
    return inlineError(error);
  }
}

export async function resetTier(client: RpcClient, tier: Tier): Promise<TierView | string> {
  try {
    const saved = await client.call('models.resetTier', { tier });
    useModels.getState().setTier(saved);
    return saved;
  } catch (error) {
    return inlineError(error);
  }
}

export async function reopenVault(client: RpcClient): Promise<void> {
  try {
    useModels.getState().setVault(await client.call('vault.reopen'));
    await loadModels(client); // whether keys are readable may have changed with it
  } catch (error) {
    reportError('settings', 'Couldn’t reach the keychain.', error);
  }
}

const FIELD_LABELS: Record<string, string> = {
  baseUrl: 'Base URL',
  apiKey: 'API key',
  timeoutMs: 'Timeout',
  model: 'Model',
  maxTokens: 'Max tokens',
  temperature: 'Temperature',
  fallbackModel: 'Fallback model',
  systemPrompt: 'System prompt',
  communicationStyle: 'Communication style',
  toolAccess: 'Tool access',
  memoryNamespace: 'Memory namespace',
};

/**
 * The core's sentence for a form. INVALID_INPUT reads "Invalid input for models.setTier:
 * maxTokens: Too big…"; the method name means nothing to a person, and field paths become the
 * labels they see ("Max tokens: Too big…").
 */
export function inlineError(error: unknown): string {
  const message = describeError(error).replace(/^Invalid input for [\w.]+: /, '');
  return message
    .split('; ')
    .map((part) => {
      const match = /^([A-Za-z]+)(?:\.\d+)*: (.*)$/s.exec(part);
      const label = match?.[1] ? FIELD_LABELS[match[1]] : undefined;
      if (!match || !label) return part;
      const text = match[2] ?? '';
      // "Base URL: The base URL must be…" says it twice; keep the label only when it adds something.
      return text.toLowerCase().includes(label.toLowerCase()) ? text : `${label}: ${text}`;
    })
    .join(' ');
}
