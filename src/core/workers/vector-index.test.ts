import { describe, expect, it } from 'vitest';
import { VectorIndex } from './vector-index.mjs';

function randomUnit(dimension: number, random: () => number): Float32Array {
  const v = new Float32Array(dimension);
  let norm = 0;
  for (let d = 0; d < dimension; d++) {
    v[d] = random() * 2 - 1;
    norm += (v[d] ?? 0) ** 2;
  }
  return v.map((x) => x / Math.sqrt(norm));
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

describe('VectorIndex', () => {
  const random = seeded(42);
  const vectors = Array.from({ length: 300 }, () => randomUnit(64, random));
  const namespaces = ['work', 'personal', 'preferences'];

  function build(): VectorIndex {
    const index = new VectorIndex(64);
    vectors.forEach((vector, i) => index.upsert({ seq: i + 1, vector, namespace: namespaces[i % 3] ?? 'work', invalid: false }));
    return index;
  }

  it('matches an exact scan when every vector is a candidate, with cosine scores', () => {
    const index = build();
    const query = randomUnit(64, random);
    const exact = vectors
      .map((v, i) => ({ seq: i + 1, similarity: cosine(query, v) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10);
    const hits = index.search({ vector: query, namespaces, includeInvalid: false, k: 10, candidates: 300 });
    expect(hits.map((h) => h.seq)).toEqual(exact.map((h) => h.seq));
    hits.forEach((hit, i) => expect(hit.similarity).toBeCloseTo(exact[i]?.similarity ?? NaN, 3));
  });

  it('finds a stored vector first with a small candidate pass', () => {
    const index = build();
    const hits = index.search({
      vector: vectors[123] ?? new Float32Array(64),
      namespaces,
      includeInvalid: false,
      k: 3,
      candidates: 5,
    });
    expect(hits[0]?.seq).toBe(124);
    expect(hits[0]?.similarity).toBeCloseTo(1, 3);
  });

  it('never returns a memory from a namespace the reader may not see, or an invalid one unless asked', () => {
    const index = build();
    index.setFlags(2, { namespace: 'personal', invalid: true });
    const query = vectors[1] ?? new Float32Array(64);
    const workOnly = index.search({ vector: query, namespaces: ['work'], includeInvalid: true, k: 300, candidates: 300 });
    expect(workOnly.length).toBe(100);
    expect(workOnly.every((h) => (h.seq - 1) % 3 === 0)).toBe(true);
    const personal = index.search({ vector: query, namespaces: ['personal'], includeInvalid: false, k: 300, candidates: 300 });
    expect(personal.some((h) => h.seq === 2)).toBe(false);
    const withInvalid = index.search({ vector: query, namespaces: ['personal'], includeInvalid: true, k: 1, candidates: 300 });
    expect(withInvalid[0]?.seq).toBe(2);
    expect(index.search({ vector: query, namespaces: ['nobody'], includeInvalid: true, k: 5, candidates: 5 })).toEqual([]);
  });

  it('keeps answering correctly after removals move entries around', () => {
    const index = build();
    for (let seq = 1; seq <= 300; seq += 2) index.remove(seq);
    expect(index.count).toBe(150);
    const query = vectors[9] ?? new Float32Array(64);
    const hits = index.search({ vector: query, namespaces, includeInvalid: false, k: 150, candidates: 150 });
    expect(hits.every((h) => h.seq % 2 === 0)).toBe(true);
    expect(hits[0]).toMatchObject({ seq: 10 });
    expect(hits[0]?.similarity).toBeCloseTo(1, 3);
    expect(index.similarities(query, [10, 11])).toHaveLength(1);
  });

  it('grows past its first capacity and refuses a vector of another dimension', () => {
    const index = new VectorIndex(8);
    for (let seq = 1; seq <= 3000; seq++) index.upsert({ seq, vector: randomUnit(8, random), namespace: 'work', invalid: false });
    expect(index.count).toBe(3000);
    expect(() => index.upsert({ seq: 1, vector: new Float32Array(9), namespace: 'work', invalid: false })).toThrow(/9-d/);
  });
});
