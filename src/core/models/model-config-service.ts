import type { z } from 'zod';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock, SecretStore } from '../ports';
import type { ModelConfigRepo, TierRow } from './model-config-repo';
import { ApiKey, ConnectionCandidate, ProviderSettings, TierSettings } from './model-settings';
import { DEFAULT_TIERS, type Tier, type TierConfig } from './model-types';
import {
  apiKeySecretName,
  isProviderKind,
  PROVIDER_PRESETS,
  providerLabel,
  type ProviderConfig,
  type ProviderKind,
} from './providers';

/** Everything needed to make one call: the provider, its key (read just now) and its headers. */
export interface ProviderConnection {
  readonly kind: ProviderKind;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** How messages name the provider, e.g. "OpenRouter". */
  readonly label: string;
  readonly apiKey: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export const SETTINGS_PLACE = 'Settings → Models';
export const NO_PROVIDER = `No model provider is set up yet. Choose one in ${SETTINGS_PLACE}.`;

/** The provider needs a key and the vault has none (connection tests report this rather than throw). */
export class MissingApiKeyError extends CoreError {
  constructor(label: string) {
    super('PROVIDER_NOT_CONFIGURED', `${label} needs an API key. Add it in ${SETTINGS_PLACE}.`);
  }
}

/**
 * Provider and tier configuration. Keys live in the vault (`SecretStore`) and are read only by
 * `connect`, right before a call, so a key is never held longer than one request needs it.
 */
export class ModelConfigService {
  constructor(
    private readonly repo: ModelConfigRepo,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly log?: Logger,
  ) {}

  provider(): ProviderConfig | null {
    const row = this.repo.provider();
    if (!row) return null;
    const parsed = ProviderSettings.safeParse({ kind: row.kind, baseUrl: row.base_url, timeoutMs: row.timeout_ms });
    if (!parsed.success || !isProviderKind(row.kind)) {
      this.log?.warn('ignoring an invalid stored model provider', { kind: row.kind });
      return null;
    }
    return { kind: row.kind, baseUrl: parsed.data.baseUrl ?? row.base_url, timeoutMs: row.timeout_ms, updatedAt: row.updated_at };
  }

  setProvider(input: unknown): ProviderConfig {
    const settings = parse(ProviderSettings, input);
    const preset = PROVIDER_PRESETS[settings.kind];
    const row = {
      kind: settings.kind,
      base_url: settings.baseUrl ?? preset.defaultBaseUrl ?? '',
      timeout_ms: settings.timeoutMs ?? preset.defaultTimeoutMs,
      updated_at: this.clock.now(),
    };
    this.repo.putProvider(row);
    return { kind: settings.kind, baseUrl: row.base_url, timeoutMs: row.timeout_ms, updatedAt: row.updated_at };
  }

  clearProvider(): void {
    this.repo.deleteProvider();
  }

  /** Stored tiers over DEFAULT_TIERS; a stored row that no longer validates falls back to its default. */
  tiers(): Record<Tier, TierConfig> {
    const tiers: Record<Tier, TierConfig> = { ...DEFAULT_TIERS };
    for (const row of this.repo.tiers()) {
      const tier = fromRow(row);
      if (tier) tiers[tier.tier] = tier;
      else this.log?.warn('ignoring an invalid stored model tier; using its default', { tier: row.tier });
    }
    return tiers;
  }

  tier(tier: Tier): TierConfig {
    return this.tiers()[tier];
  }

  setTier(input: unknown): TierConfig {
    const tier = parse(TierSettings, input);
    this.repo.putTier({
      tier: tier.tier,
      model: tier.model,
      max_tokens: tier.maxTokens,
      temperature: tier.temperature,
      fallback_model: tier.fallbackModel,
      updated_at: this.clock.now(),
    });
    return tier;
  }

  resetTier(tier: Tier): TierConfig {
    this.repo.deleteTier(tier);
    return DEFAULT_TIERS[tier];
  }

  async setApiKey(kind: ProviderKind, key: unknown): Promise<void> {
    await this.secrets.set(apiKeySecretName(kind), parse(ApiKey, key));
  }

  async deleteApiKey(kind: ProviderKind): Promise<void> {
    await this.secrets.delete(apiKeySecretName(kind));
  }

  /**
   * For the UI's "set / not set" and for readiness: asks the vault whether the key is stored, without
   * decrypting it, so Settings still loads (and a message is still kept) while the keychain is locked.
   */
  async hasApiKey(kind: ProviderKind): Promise<boolean> {
    return this.secrets.has(apiKeySecretName(kind));
  }

  /**
   * The stored provider, or a candidate the user is trying out before saving it. Throws
   * PROVIDER_NOT_CONFIGURED when there is no provider or a required key is missing.
   */
  async connect(candidate?: unknown): Promise<ProviderConnection> {
    let kind: ProviderKind;
    let baseUrl: string;
    let timeoutMs: number;
    let apiKey: string | null;
    if (candidate === undefined) {
      const config = this.provider();
      if (!config) throw new CoreError('PROVIDER_NOT_CONFIGURED', NO_PROVIDER);
      ({ kind, baseUrl, timeoutMs } = config);
      apiKey = await this.secrets.get(apiKeySecretName(kind));
    } else {
      const tried = parse(ConnectionCandidate, candidate);
      const preset = PROVIDER_PRESETS[tried.kind];
      kind = tried.kind;
      baseUrl = tried.baseUrl ?? preset.defaultBaseUrl ?? '';
      timeoutMs = tried.timeoutMs ?? preset.defaultTimeoutMs;
      apiKey = tried.apiKey ?? (await this.secrets.get(apiKeySecretName(kind)));
    }
    const preset = PROVIDER_PRESETS[kind];
    const label = providerLabel({ kind, baseUrl });
    if (preset.keyRequired && !apiKey) {
      throw new MissingApiKeyError(label);
    }
    if (apiKey) this.log?.redactor.addSecret(apiKey);
    return { kind, baseUrl, timeoutMs, label, apiKey: apiKey || null, headers: preset.headers };
  }
}

function fromRow(row: TierRow): TierConfig | null {
  const parsed = TierSettings.safeParse({
    tier: row.tier,
    model: row.model,
    maxTokens: row.max_tokens,
    temperature: row.temperature,
    fallbackModel: row.fallback_model,
  });
  return parsed.success ? parsed.data : null;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new CoreError('INVALID_INPUT', message);
}
