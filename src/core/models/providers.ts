/**
 * Provider presets. Every provider speaks the OpenAI chat-completions API through the `openai` SDK;
 * a preset only fills in the base URL, whether a key is needed, and the headers it likes.
 */
import { PROVIDER_KINDS, type ProviderKind } from '../../shared';

export { PROVIDER_KINDS, type ProviderKind };

export interface ProviderPreset {
  readonly kind: ProviderKind;
  /** How messages name the provider; the custom kind is named by its URL instead. */
  readonly label: string;
  /** null: the user must give one (custom). */
  readonly defaultBaseUrl: string | null;
  readonly keyRequired: boolean;
  readonly defaultTimeoutMs: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Appended to "nothing answered at <url>" messages. */
  readonly unreachableHint: string;
}

/** OpenRouter attributes requests to an app by these headers (https://openrouter.ai/docs/app-attribution). */
export const IZZIE_SITE_URL = 'https://izzie.app';
const OPENROUTER_ATTRIBUTION = { 'HTTP-Referer': IZZIE_SITE_URL, 'X-Title': 'Izzie' };

export const PROVIDER_PRESETS: Readonly<Record<ProviderKind, ProviderPreset>> = {
  openrouter: {
    kind: 'openrouter',
    label: 'OpenRouter',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    keyRequired: true,
    defaultTimeoutMs: 60_000,
    headers: OPENROUTER_ATTRIBUTION,
    unreachableHint: 'Check the internet connection.',
  },
  ollama: {
    kind: 'ollama',
    label: 'Ollama',
    defaultBaseUrl: 'http://127.0.0.1:11434/v1',
    keyRequired: false,
    // Loading a large local model into memory can take a minute or two before the first token.
    defaultTimeoutMs: 120_000,
    headers: {},
    unreachableHint: 'Is Ollama running?',
  },
  openai: {
    kind: 'openai',
    label: 'OpenAI',
    defaultBaseUrl: 'https://api.openai.com/v1',
    keyRequired: true,
    defaultTimeoutMs: 60_000,
    headers: {},
    unreachableHint: 'Check the internet connection.',
  },
  custom: {
    kind: 'custom',
    label: 'The custom provider',
    defaultBaseUrl: null,
    keyRequired: false,
    defaultTimeoutMs: 60_000,
    headers: {},
    unreachableHint: 'Is the server running, and is the base URL right?',
  },
};

/** Where the vault keeps a provider's API key. */
export const apiKeySecretName = (kind: ProviderKind): string => `provider.${kind}.api-key`;

/** Ollama and keyless custom servers ignore the bearer token, but the SDK insists on a string. */
export const PLACEHOLDER_API_KEY = 'no-key-needed';

export interface ProviderConfig {
  readonly kind: ProviderKind;
  /** Without a trailing slash, e.g. `https://openrouter.ai/api/v1`. */
  readonly baseUrl: string;
  /** How long one attempt may go without hearing from the provider. */
  readonly timeoutMs: number;
  readonly updatedAt: number;
}

export function providerLabel(config: Pick<ProviderConfig, 'kind' | 'baseUrl'>): string {
  return config.kind === 'custom' ? `The provider at ${config.baseUrl}` : PROVIDER_PRESETS[config.kind].label;
}

export const isProviderKind = (value: string): value is ProviderKind => (PROVIDER_KINDS as readonly string[]).includes(value);
