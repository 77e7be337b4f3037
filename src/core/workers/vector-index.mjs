// @ts-check
/**
 * The in-memory vector index behind memory search, run in its own thread (vector-index.worker.mjs)
 * and shared as-is with the tests. Plain JavaScript for the same reason as the embedder worker.
 *
 * sqlite-vec on this platform has no SIMD, so its exact float32 scan over 100k × 512 takes ~75–120 ms;
 * this index answers the same question in a fraction of that:
 * 1. candidate pass: every vector is kept as a sign bit per dimension (512 bits = 16 words); the
 *    query's bits are compared by Hamming distance, skipping namespaces the reader may not see;
 * 2. rescoring: the closest candidates are scored by exact cosine against 16-bit copies of their
 *    vectors (unit vectors scaled by 32767, so the error is ~1e-4, far below any ranking gap).
 * The benchmark (`npm run bench`) measures recall against sqlite-vec's exact search.
 */

/** @typedef {import('./vector-index-protocol').IndexedVector} IndexedVector */
/** @typedef {import('./vector-index-protocol').VectorHit} VectorHit */
/** @typedef {import('./vector-index-protocol').VectorQuery} VectorQuery */

const SCALE = 32767;
const INITIAL_CAPACITY = 1024;
const SKIP = 0xffff;

/** Popcount of every 16-bit value: two table reads per word beat bit-twiddling in V8. */
const POPCOUNT16 = (() => {
  const table = new Uint8Array(65536);
  for (let i = 1; i < 65536; i++) table[i] = (i & 1) + table[i >> 1];
  return table;
})();

export class VectorIndex {
  /** @param {number} dimension */
  constructor(dimension) {
    if (!Number.isInteger(dimension) || dimension <= 0) throw new Error(`invalid dimension ${dimension}`);
    this.dimension = dimension;
    this.words = Math.ceil(dimension / 32);
    this.size = 0;
    this.capacity = INITIAL_CAPACITY;
    this.codes = new Uint32Array(this.capacity * this.words);
    this.values = new Int16Array(this.capacity * dimension);
    this.seqs = new Float64Array(this.capacity);
    this.nsCodes = new Uint8Array(this.capacity);
    this.invalid = new Uint8Array(this.capacity);
    this.distances = new Uint16Array(this.capacity);
    /** @type {Map<number, number>} seq → slot */
    this.slots = new Map();
    /** @type {Map<string, number>} */
    this.namespaceCodes = new Map();
  }

  get count() {
    return this.size;
  }

  /** @param {number} seq */
  has(seq) {
    return this.slots.has(seq);
  }

  /** @param {IndexedVector} entry */
  upsert(entry) {
    const { dimension, words } = this;
    if (entry.vector.length !== dimension) {
      throw new Error(`a ${entry.vector.length}-d vector cannot join a ${dimension}-d index`);
    }
    let slot = this.slots.get(entry.seq);
    if (slot === undefined) {
      if (this.size === this.capacity) this.grow();
      slot = this.size++;
      this.slots.set(entry.seq, slot);
    }
    this.seqs[slot] = entry.seq;
    this.nsCodes[slot] = this.namespaceCode(entry.namespace);
    this.invalid[slot] = entry.invalid ? 1 : 0;
    const codeBase = slot * words;
    const valueBase = slot * dimension;
    this.codes.fill(0, codeBase, codeBase + words);
    for (let d = 0; d < dimension; d++) {
      const v = entry.vector[d];
      if (v > 0) this.codes[codeBase + (d >>> 5)] |= 1 << (d & 31);
      this.values[valueBase + d] = Math.round(Math.max(-1, Math.min(1, v)) * SCALE);
    }
  }

  /**
   * Changes namespace or validity without touching the vector (a contradiction, a move).
   * @param {number} seq
   * @param {{ namespace: string, invalid: boolean }} flags
   */
  setFlags(seq, flags) {
    const slot = this.slots.get(seq);
    if (slot === undefined) return;
    this.nsCodes[slot] = this.namespaceCode(flags.namespace);
    this.invalid[slot] = flags.invalid ? 1 : 0;
  }

  /** @param {number} seq */
  remove(seq) {
    const slot = this.slots.get(seq);
    if (slot === undefined) return;
    const last = --this.size;
    this.slots.delete(seq);
    if (slot === last) return;
    // Move the last entry into the hole so the arrays stay dense.
    const lastSeq = this.seqs[last];
    this.seqs[slot] = lastSeq;
    this.nsCodes[slot] = this.nsCodes[last];
    this.invalid[slot] = this.invalid[last];
    this.codes.copyWithin(slot * this.words, last * this.words, (last + 1) * this.words);
    this.values.copyWithin(slot * this.dimension, last * this.dimension, (last + 1) * this.dimension);
    this.slots.set(lastSeq, slot);
  }

  clear() {
    this.size = 0;
    this.slots.clear();
  }

  /**
   * The k most similar memories among those the query may see.
   * @param {VectorQuery} query
   * @returns {VectorHit[]}
   */
  search(query) {
    const allowed = this.allowedMask(query.namespaces);
    const qcode = this.encode(query.vector);
    const { words, codes, nsCodes, invalid, distances, size } = this;
    const histogram = new Uint32Array(this.dimension + 1);
    let considered = 0;
    for (let slot = 0, base = 0; slot < size; slot++, base += words) {
      if (allowed[nsCodes[slot]] === 0 || (invalid[slot] === 1 && !query.includeInvalid)) {
        distances[slot] = SKIP;
        continue;
      }
      let h = 0;
      for (let w = 0; w < words; w++) {
        const x = qcode[w] ^ codes[base + w];
        h += POPCOUNT16[x & 0xffff] + POPCOUNT16[x >>> 16];
      }
      distances[slot] = h;
      histogram[h]++;
      considered++;
    }
    if (considered === 0) return [];
    const wanted = Math.min(Math.max(query.candidates, query.k), considered);
    let threshold = 0;
    let below = 0;
    while (below + histogram[threshold] < wanted) below += histogram[threshold++];
    let atThreshold = wanted - below;
    /** @type {VectorHit[]} */
    const hits = [];
    for (let slot = 0; slot < size; slot++) {
      const h = distances[slot];
      if (h > threshold) continue;
      if (h === threshold) {
        if (atThreshold === 0) continue;
        atThreshold--;
      }
      hits.push({ seq: this.seqs[slot], similarity: this.similarityAt(query.vector, slot) });
    }
    hits.sort((a, b) => b.similarity - a.similarity || a.seq - b.seq);
    return hits.slice(0, query.k);
  }

  /**
   * Exact similarity of a vector to these memories (the near-duplicate check); unknown seqs are skipped.
   * @param {Float32Array} vector
   * @param {readonly number[]} seqs
   * @returns {VectorHit[]}
   */
  similarities(vector, seqs) {
    /** @type {VectorHit[]} */
    const out = [];
    for (const seq of seqs) {
      const slot = this.slots.get(seq);
      if (slot !== undefined) out.push({ seq, similarity: this.similarityAt(vector, slot) });
    }
    return out;
  }

  /**
   * @param {Float32Array} vector
   * @param {number} slot
   */
  similarityAt(vector, slot) {
    const { dimension, values } = this;
    const base = slot * dimension;
    let dot = 0;
    for (let d = 0; d < dimension; d++) dot += vector[d] * values[base + d];
    return dot / SCALE;
  }

  /** @param {Float32Array} vector */
  encode(vector) {
    const code = new Uint32Array(this.words);
    for (let d = 0; d < this.dimension; d++) if (vector[d] > 0) code[d >>> 5] |= 1 << (d & 31);
    return code;
  }

  /** @param {readonly string[]} namespaces */
  allowedMask(namespaces) {
    const mask = new Uint8Array(256);
    for (const namespace of namespaces) {
      const code = this.namespaceCodes.get(namespace);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  }

  /** @param {string} namespace */
  namespaceCode(namespace) {
    let code = this.namespaceCodes.get(namespace);
    if (code === undefined) {
      code = this.namespaceCodes.size;
      if (code > 255) throw new Error('the memory index supports at most 256 namespaces');
      this.namespaceCodes.set(namespace, code);
    }
    return code;
  }

  grow() {
    this.capacity *= 2;
    this.codes = grown(this.codes, new Uint32Array(this.capacity * this.words));
    this.values = grown(this.values, new Int16Array(this.capacity * this.dimension));
    this.seqs = grown(this.seqs, new Float64Array(this.capacity));
    this.nsCodes = grown(this.nsCodes, new Uint8Array(this.capacity));
    this.invalid = grown(this.invalid, new Uint8Array(this.capacity));
    this.distances = new Uint16Array(this.capacity);
  }
}

/**
 * @template {Uint32Array | Int16Array | Float64Array | Uint8Array} T
 * @param {T} from
 * @param {T} to
 * @returns {T}
 */
function grown(from, to) {
  to.set(/** @type {ArrayLike<number>} */ (from));
  return to;
}
