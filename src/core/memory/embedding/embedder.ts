import type { EmbedderInfo } from '../../../shared';

/** Turns texts into vectors for memory search; the local model or the model provider's endpoint. */
export interface Embedder {
  /** Recorded with every vector. A provider's dimension is null until its first answer. */
  readonly info: EmbedderInfo;
  /**
   * Unit-length vectors (L2-normalised), one per text, in order. Blank texts are embedded as one
   * fixed placeholder (BLANK_TEXT), never thrown on. Rejects with CANCELLED when the signal fires.
   */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
  /** Pending calls reject; later calls are refused. */
  close(): Promise<void>;
}
