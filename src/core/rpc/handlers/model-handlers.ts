import type { ModelsOverview } from '../../../shared';
import { PROVIDER_KINDS, PROVIDER_PRESETS, providerLabel } from '../../models/providers';
import { TIERS } from '../../models/model-types';
import { runModelTests } from '../../models/model-tests';
import { defineHandlers, type HandlerContext } from '../handler-types';

export const modelHandlers = defineHandlers({
  'models.get': (_params, ctx) => overview(ctx),
  'models.setProvider': async ({ apiKey, ...settings }, ctx) => {
    // The key first: if the vault refuses it, nothing has changed (the provider is not switched to
    // one whose key could not be kept).
    if (typeof apiKey === 'string') await ctx.models.config.setApiKey(settings.kind, apiKey);
    else if (apiKey === null) await ctx.models.config.deleteApiKey(settings.kind);
    ctx.models.config.setProvider(settings);
    return overview(ctx);
  },
  'models.setTier': (settings, ctx) => ctx.models.config.setTier(settings),
  'models.resetTier': ({ tier }, ctx) => ctx.models.config.resetTier(tier),
  'models.testConnection': ({ candidate }, ctx) => ctx.models.testConnection(candidate),
  'models.runTests': ({ tier }, ctx) => runModelTests({ router: ctx.models.router, clock: ctx.clock }, tier),
  'vault.reopen': (_params, ctx) => ctx.vault.open(),
});

async function overview(ctx: HandlerContext): Promise<ModelsOverview> {
  const { config } = ctx.models;
  const provider = config.provider();
  const tiers = config.tiers();
  return {
    provider: provider && {
      kind: provider.kind,
      label: providerLabel(provider),
      baseUrl: provider.baseUrl,
      timeoutMs: provider.timeoutMs,
      apiKeySet: await config.hasApiKey(provider.kind),
      keyRequired: PROVIDER_PRESETS[provider.kind].keyRequired,
    },
    presets: PROVIDER_KINDS.map((kind) => ({
      kind,
      label: PROVIDER_PRESETS[kind].label,
      baseUrl: PROVIDER_PRESETS[kind].defaultBaseUrl,
      keyRequired: PROVIDER_PRESETS[kind].keyRequired,
    })),
    tiers: TIERS.map((tier) => tiers[tier]),
    vault: ctx.vault.status(),
  };
}
