/**
 * Messages between the local embedder (src/core/memory/embedding/local-embedder.ts) and its thread
 * (embedder.worker.mjs). Types only: the worker is plain JavaScript and reads them through JSDoc.
 */

/** One batch of non-blank texts; the worker answers every batch with `vectors` or `failed`. */
export interface EmbedBatch {
  readonly texts: readonly string[];
}

export type FromEmbedder =
  /** The model is loaded; sent once, right after the thread starts. */
  | { readonly type: 'ready' }
  /** One raw (not yet normalised) vector per text of the batch, in order; each buffer is transferred. */
  | { readonly type: 'vectors'; readonly vectors: Float32Array[] }
  /**
   * The model could not load or could not embed; the thread is of no further use. `message` completes
   * "The local embedding model …", e.g. `could not load (…)`.
   */
  | { readonly type: 'failed'; readonly message: string };
