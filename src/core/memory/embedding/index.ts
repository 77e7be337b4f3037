/** The embedder port and its two implementations (local model in a worker thread; the model provider's endpoint). */
export { BLANK_TEXT } from './blank-text';
export { createEmbedder, type EmbedderDeps } from './create-embedder';
export type { Embedder } from './embedder';
export { LOCAL_BATCH_SIZE, LOCAL_EMBEDDER_INFO, LocalEmbedder, type LocalEmbedderOptions } from './local-embedder';
export { PROVIDER_BATCH_SIZE, ProviderEmbedder, type ProviderEmbedderOptions } from './provider-embedder';
