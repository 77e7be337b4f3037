import { CoreError } from '../errors';
import { testConnection, type ConnectionCheck } from './connection-check';
import type { ModelAccess, ModelAccessDeps } from './model-access';
import { ModelConfigRepo } from './model-config-repo';
import { ModelConfigService } from './model-config-service';
import { OpenAIModelRouter, type ModelRouterDeps } from './model-router';

export interface ModelServices extends ModelAccess {
  readonly config: ModelConfigService;
  /** Settings → Models' test button; see connection-check.ts. */
  testConnection(candidate?: unknown): Promise<ConnectionCheck>;
}

export type ModelServicesFactory = (deps: ModelAccessDeps) => ModelServices;

/** The model layer over one database (a `ModelAccessFactory`, plus what Settings → Models needs). */
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
    readiness: async () => {
      try {
        await config.connect();
        return { ready: true };
      } catch (error) {
        if (error instanceof CoreError && error.code === 'PROVIDER_NOT_CONFIGURED')
          return { ready: false, message: error.message };
        throw error;
      }
    },
  };
}
