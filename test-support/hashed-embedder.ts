import type { EmbedderInfo } from '../src/shared';
import type { Embedder } from '../src/core/memory/embedding/embedder';
import { fakeEmbedding } from './fake-embeddings-server';

/**
 * An in-process Embedder for memory tests: hashed bags of words (texts sharing words are similar),
 * unit length, instant. Tests of the real local model live with the embedder; this keeps the memory
 * tests about memory. `failNext` makes the next call reject (an unreachable provider).
 */
export function hashedEmbedder(options: { model?: string; dimension?: number } = {}) {
  const dimension = options.dimension ?? 64;
  const info: EmbedderInfo = {
    kind: 'provider',
    model: options.model ?? 'hashed-test',
    dimension,
    label: 'Hashed test embedder',
  };
  let failures = 0;
  const calls: string[][] = [];
  const embedder: Embedder & { calls: string[][]; failNext(n?: number): void; closed: boolean } = {
    info,
    calls,
    closed: false,
    failNext: (n = 1) => void (failures = n),
    async embed(texts) {
      calls.push([...texts]);
      if (failures > 0) {
        failures--;
        throw new Error('the hashed test embedder was told to fail');
      }
      return texts.map((text) => {
        const raw = fakeEmbedding(text.trim() === '' ? 'blank' : text, dimension);
        const norm = Math.hypot(...raw) || 1;
        return Float32Array.from(raw, (x) => x / norm);
      });
    },
    async close() {
      embedder.closed = true;
    },
  };
  return embedder;
}
