import { testConnection, type ConnectionCheck } from './connection-check';
import type { ModelAccess, ModelAccessDeps } from './model-access';
import { ModelConfigRepo } from './model-config-repo';
import { MissingApiKeyError, ModelConfigService, NO_PROVIDER } from './model-config-service';
import { PROVIDER_PRESETS, providerLabel } from './providers';
import { OpenAIModelRouter, type ModelRouterDeps } from './model-router';

export interface ModelServices extends ModelAccess {
  readonly config: ModelConfigService;
  /** Settings → Models' test button; see connection-check.ts. */
  testConnection(candidate?: unknown): Promise<ConnectionCheck>;
}

export type ModelServicesFactory = (deps: ModelAccessDeps) => ModelServices;

/** The model layer over one database: what agents need (`ModelAccess`), plus what Settings → Models needs. */
export function createModelServices(
  deps: ModelAccessDeps,
  seams: Pick<ModelRouterDeps, 'retry' | 'sleep' | 'random'> = {},
): ModelServices {
  const config = new ModelConfigService(new ModelConfigRepo(deps.db), deps.secrets, deps.clock, deps.log);
  const router = new OpenAIModelRouter({ config, audit: deps.audit, clock: deps.clock, log: deps.log, ...seams });
  return {
    config,
    router,
    testConnection: (candidate) => testConnection(config, candidate),
    // Whether a call could be attempted: a provider, and its key if it needs one. The key is not
    // read here; the call reads it, and reports a locked keychain on the reply it could not make.
    readiness: async () => {
      const provider = config.provider();
      if (!provider) return { ready: false, message: NO_PROVIDER };
      if (PROVIDER_PRESETS[provider.kind].keyRequired && !(await config.hasApiKey(provider.kind))) {
        return { ready: false, message: new MissingApiKeyError(providerLabel(provider)).message };
      }
      return { ready: true };
    },
  };
}
