import {
  RpcError,
  type MethodInput,
  type MethodName,
  type MethodResult,
  type ModelsOverview,
  type Persona,
  type PersonaId,
  type ProviderKind,
  type VaultStatus,
} from '../../../shared';

export type Handlers = { [M in MethodName]: (params: MethodInput<M>) => MethodResult<M> };
type ConnectionCheck = MethodResult<'models.testConnection'>;
type Provider = NonNullable<ModelsOverview['provider']>;

export const KEYCHAIN_VAULT: VaultStatus = {
  kind: 'keychain',
  summary: 'Secrets are encrypted with a master key kept in the GNOME keyring (Secret Service).',
  fix: null,
};

const PRESETS: ModelsOverview['presets'] = [
  { kind: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', keyRequired: true },
  { kind: 'ollama', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', keyRequired: false },
  { kind: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', keyRequired: true },
  { kind: 'custom', label: 'The custom provider', baseUrl: null, keyRequired: false },
];

export const DEFAULT_TIERS: ModelsOverview['tiers'] = [
  { tier: 'thinking', model: 'anthropic/claude-opus-4', maxTokens: 8000, temperature: 0.7, fallbackModel: null },
  { tier: 'standard', model: 'anthropic/claude-sonnet-4', maxTokens: 4000, temperature: 0.5, fallbackModel: null },
  { tier: 'cheap', model: 'anthropic/claude-haiku-4', maxTokens: 2000, temperature: 0.3, fallbackModel: null },
];

export const DEFAULT_PERSONAS: Persona[] = [
  {
    id: 'work',
    systemPrompt: 'You are Izzie, a professional assistant for the user’s work.',
    communicationStyle: 'formal',
    toolAccess: ['builtin', 'github', 'email'],
    memoryNamespace: 'work',
    customized: false,
  },
  {
    id: 'personal',
    systemPrompt: 'You are Izzie, a personal assistant for the user’s life outside work.',
    communicationStyle: 'casual',
    toolAccess: ['builtin', 'calendar'],
    memoryNamespace: 'personal',
    customized: false,
  },
];

export interface FakeModelsOptions {
  provider?: Provider | null;
  vault?: VaultStatus;
  /** What `vault.reopen` finds; the current status when absent. */
  reopenedVault?: VaultStatus;
  /** What `models.testConnection` answers. */
  connection?: ConnectionCheck;
}

/**
 * Settings → Models and Personas behind the fake core. Like the real vault, stored keys stay
 * inside: `models.get` tells only whether one is set. Inputs were already checked against the
 * contract's schemas by the fake client, as the core's router does.
 */
export function createFakeModels(options: FakeModelsOptions = {}) {
  const state = {
    provider: options.provider ?? null,
    tiers: [...DEFAULT_TIERS],
    vault: options.vault ?? KEYCHAIN_VAULT,
    connection: options.connection ?? ({ ok: true, models: ['llama3.1:8b', 'qwen2.5:7b', 'mistral:7b'] } as ConnectionCheck),
    personas: DEFAULT_PERSONAS.map((p) => ({ ...p })),
    /** Secrets as the vault holds them; never part of any answer. */
    keys: new Map<ProviderKind, string>(),
  };

  const overview = (): ModelsOverview => ({
    provider: state.provider,
    presets: PRESETS,
    tiers: state.tiers,
    vault: state.vault,
  });

  const requirePersona = (id: PersonaId): Persona => {
    const persona = state.personas.find((p) => p.id === id);
    if (!persona) throw new RpcError('NOT_FOUND', `Persona ${id} not found`);
    return persona;
  };
  const putPersona = (persona: Persona): Persona => {
    state.personas = state.personas.map((p) => (p.id === persona.id ? persona : p));
    return persona;
  };

  const handlers: Pick<
    Handlers,
    | 'models.get'
    | 'models.setProvider'
    | 'models.setTier'
    | 'models.resetTier'
    | 'models.testConnection'
    | 'vault.reopen'
    | 'personas.list'
    | 'personas.update'
    | 'personas.reset'
  > = {
    'models.get': overview,
    'models.setProvider': ({ kind, baseUrl, timeoutMs, apiKey }) => {
      if (typeof apiKey === 'string') state.keys.set(kind, apiKey.trim());
      else if (apiKey === null) state.keys.delete(kind);
      const preset = PRESETS.find((p) => p.kind === kind) ?? PRESETS[0];
      state.provider = {
        kind,
        label: kind === 'custom' ? (baseUrl ?? '') : (preset?.label ?? kind),
        baseUrl: (baseUrl ?? preset?.baseUrl ?? '').replace(/\/+$/, ''),
        timeoutMs: timeoutMs ?? 60_000,
        apiKeySet: state.keys.has(kind),
        keyRequired: preset?.keyRequired ?? false,
      };
      return overview();
    },
    'models.setTier': (tier) => {
      const view = { ...tier, fallbackModel: tier.fallbackModel ? tier.fallbackModel : null };
      state.tiers = state.tiers.map((t) => (t.tier === tier.tier ? view : t));
      return view;
    },
    'models.resetTier': ({ tier }) => {
      const original = DEFAULT_TIERS.find((t) => t.tier === tier) ?? DEFAULT_TIERS[0];
      if (!original) throw new Error('fake core: no default tiers');
      state.tiers = state.tiers.map((t) => (t.tier === tier ? original : t));
      return original;
    },
    'models.testConnection': () => state.connection,
    'vault.reopen': () => {
      state.vault = options.reopenedVault ?? state.vault;
      return state.vault;
    },
    'personas.list': () => state.personas,
    'personas.update': ({ id, ...change }) => putPersona({ ...requirePersona(id), ...change, customized: true }),
    'personas.reset': ({ id }) => {
      const original = DEFAULT_PERSONAS.find((p) => p.id === id);
      if (!original) throw new RpcError('NOT_FOUND', `Persona ${id} not found`);
      return putPersona({ ...original });
    },
  };

  return { handlers, state };
}
