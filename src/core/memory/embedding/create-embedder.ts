import type { EmbedderChoice } from '../../../shared';
import type { ProviderConnection } from '../../models/model-config-service';
import type { Embedder } from './embedder';
import { LocalEmbedder } from './local-embedder';
import { ProviderEmbedder } from './provider-embedder';

export interface EmbedderDeps {
  /** The configured model provider's connection (ModelConfigService.connect), read per call. */
  readonly connect: () => Promise<ProviderConnection>;
}

export function createEmbedder(choice: EmbedderChoice, deps: EmbedderDeps): Embedder {
  switch (choice.kind) {
    case 'local':
      return new LocalEmbedder();
    case 'provider':
      return new ProviderEmbedder({ model: choice.model, connect: deps.connect });
  }
}
