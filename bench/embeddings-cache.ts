import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Embedder } from '../src/core/memory/embedding/embedder';
import { log } from './stats';

const CACHE_DIR = join('node_modules', '.cache', 'izzie-bench');

/**
 * Real embeddings of `texts`, computed once and kept under node_modules/.cache (embedding 12k texts
 * takes minutes on two cores). The key covers the model and every text, so a change recomputes.
 */
export async function embedAll(
  embedder: Embedder,
  texts: readonly string[],
): Promise<{ vectors: Float32Array[]; cached: boolean; perSecond: number | null }> {
  const key = createHash('sha256').update(embedder.info.model).update('\n').update(texts.join('\n')).digest('hex').slice(0, 24);
  const file = join(CACHE_DIR, `${key}.f32`);
  const dimension = 512;
  if (existsSync(file)) {
    const raw = readFileSync(file);
    const all = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    if (all.length === texts.length * dimension) {
      return { vectors: texts.map((_, i) => all.slice(i * dimension, (i + 1) * dimension)), cached: true, perSecond: null };
    }
  }
  const vectors: Float32Array[] = [];
  const started = performance.now();
  const BATCH = 256;
  for (let i = 0; i < texts.length; i += BATCH) {
    vectors.push(...(await embedder.embed(texts.slice(i, i + BATCH))));
    if ((i / BATCH) % 8 === 0) log(`  embedded ${vectors.length.toLocaleString('en')} / ${texts.length.toLocaleString('en')}`);
  }
  const perSecond = texts.length / ((performance.now() - started) / 1000);
  mkdirSync(CACHE_DIR, { recursive: true });
  const out = new Float32Array(texts.length * dimension);
  vectors.forEach((v, i) => out.set(v, i * dimension));
  writeFileSync(file, Buffer.from(out.buffer));
  return { vectors, cached: false, perSecond };
}

/**
 * Vectors for the rest of a large corpus, made from real ones: a normalised blend of two real
 * embeddings lies where real sentences lie, which a random vector would not.
 */
export function blended(real: readonly Float32Array[], count: number, seed = 7): Float32Array[] {
  let s = seed >>> 0;
  const random = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const a = real[Math.floor(random() * real.length)] ?? new Float32Array(512);
    const b = real[Math.floor(random() * real.length)] ?? new Float32Array(512);
    const t = random() * 0.5;
    const v = new Float32Array(a.length);
    let norm = 0;
    for (let d = 0; d < a.length; d++) {
      const x = (1 - t) * (a[d] ?? 0) + t * (b[d] ?? 0);
      v[d] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < v.length; d++) v[d] = (v[d] ?? 0) / norm;
    out.push(v);
  }
  return out;
}
