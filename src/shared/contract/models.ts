import { z } from 'zod';
import { mutation, query } from '../rpc/define';

/** Seed: Model Selection Logic. The tiers, and the providers Izzie speaks to. */
export const TIERS = ['thinking', 'standard', 'cheap'] as const;
export type Tier = (typeof TIERS)[number];
export const PROVIDER_KINDS = ['openrouter', 'ollama', 'openai', 'custom'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/**
 * What a person may set for models, validated wherever it enters the core (RPC input, a stored row
 * read back). Bounds: maxTokens 1..200 000, temperature 0..2 (the OpenAI API's range), an attempt
 * timeout of 0.1 s..10 min.
 */
const HttpUrl = z
  .string()
  .trim()
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'The base URL must be an http:// or https:// address, e.g. http://127.0.0.1:11434/v1.')
  .transform((text) => text.replace(/\/+$/, ''));

const ModelId = z.string().trim().min(1, 'A model id cannot be empty.').max(200);
const TimeoutMs = z.number().int().min(100).max(600_000);
export const ApiKey = z.string().trim().min(1, 'The API key is empty.').max(1000);

/** The fields every provider form shares; a custom provider must name its URL. */
const providerFields = { kind: z.enum(PROVIDER_KINDS), baseUrl: HttpUrl.optional(), timeoutMs: TimeoutMs.optional() };
// Generic over the schema itself, so the refined schema keeps its exact input and output types.
const customNeedsUrl = <S extends z.ZodType<{ kind: ProviderKind; baseUrl?: string | undefined }>>(schema: S): S =>
  schema.refine((value) => value.kind !== 'custom' || value.baseUrl !== undefined, {
    message: 'A custom provider needs a base URL.',
    path: ['baseUrl'],
  });

/** Defaults to the preset's URL; required for `custom`. */
export const ProviderSettings = customNeedsUrl(z.strictObject(providerFields));
export type ProviderSettings = z.input<typeof ProviderSettings>;

/** A provider to try before saving it; without `apiKey`, the stored key for that kind is used. */
export const ConnectionCandidate = customNeedsUrl(z.strictObject({ ...providerFields, apiKey: ApiKey.optional() }));
export type ConnectionCandidate = z.input<typeof ConnectionCandidate>;

export const TierSettings = z.strictObject({
  tier: z.enum(TIERS),
  model: ModelId,
  maxTokens: z.number().int().min(1).max(200_000),
  temperature: z.number().min(0).max(2),
  /** Empty or absent: no fallback. */
  fallbackModel: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
});
export type TierSettings = z.input<typeof TierSettings>;

/** Saving a provider: its settings, and optionally its key (a string sets it, null removes it). */
export const SetProviderInput = customNeedsUrl(z.strictObject({ ...providerFields, apiKey: ApiKey.nullable().optional() }));

export const VaultStatus = z.strictObject({
  kind: z.enum(['keychain', 'file', 'unavailable']),
  summary: z.string(),
  fix: z.string().nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

const TierView = z.strictObject({
  tier: z.enum(TIERS),
  model: z.string(),
  maxTokens: z.number(),
  temperature: z.number(),
  fallbackModel: z.string().nullable(),
});

/** Everything Settings → Models shows. The renderer learns whether a key is set, never the key. */
export const ModelsOverview = z.strictObject({
  provider: z
    .strictObject({
      kind: z.enum(PROVIDER_KINDS),
      label: z.string(),
      baseUrl: z.string(),
      timeoutMs: z.number(),
      apiKeySet: z.boolean(),
      keyRequired: z.boolean(),
    })
    .nullable(),
  presets: z.array(
    z.strictObject({ kind: z.enum(PROVIDER_KINDS), label: z.string(), baseUrl: z.string().nullable(), keyRequired: z.boolean() }),
  ),
  tiers: z.array(TierView),
  vault: VaultStatus,
});
export type ModelsOverview = z.infer<typeof ModelsOverview>;

export const ConnectionCheck = z.union([
  z.strictObject({ ok: z.literal(true), models: z.array(z.string()) }),
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(['missing-key', 'bad-key', 'unreachable', 'wrong-url', 'timeout', 'provider-error']),
    message: z.string(),
  }),
]);

export const ModelTestResult = z.strictObject({
  id: z.string(),
  tier: z.enum(TIERS),
  /** null when the call failed before any model answered. */
  model: z.string().nullable(),
  latencyMs: z.number(),
  maxLatencyMs: z.number(),
  latencyPassed: z.boolean(),
  behaviorPassed: z.boolean(),
  passed: z.boolean(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  /** The expected behaviour, or what went wrong. */
  detail: z.string(),
});
export type ModelTestResult = z.infer<typeof ModelTestResult>;

export const modelMethods = {
  'models.get': query(z.strictObject({}), ModelsOverview),
  'models.setProvider': mutation(SetProviderInput, ModelsOverview, { sensitiveInput: true }),
  'models.setTier': mutation(TierSettings, TierView),
  'models.resetTier': mutation(z.strictObject({ tier: z.enum(TIERS) }), TierView),
  /** Lists the provider's models, or says exactly what is wrong. Tests the saved provider, or a candidate. */
  'models.testConnection': mutation(z.strictObject({ candidate: ConnectionCandidate.optional() }), ConnectionCheck, {
    sensitiveInput: true,
  }),
  /** Seed: Model Testing. Runs the prompt + expected-behaviour checks against each tier's model. */
  'models.runTests': mutation(z.strictObject({ tier: z.enum(TIERS).optional() }), z.array(ModelTestResult)),
  /** Tries the keychain again (after the person unlocked it or started a desktop session). */
  'vault.reopen': mutation(z.strictObject({}), VaultStatus),
};
