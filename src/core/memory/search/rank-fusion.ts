/** Reciprocal rank fusion (Cormack et al.): robust to the two lists' scores living on different scales. */
export const RRF_K = 60;

export interface FusedHit {
  readonly seq: number;
  readonly score: number;
  readonly vectorRank: number | null;
  readonly keywordRank: number | null;
  readonly similarity: number | null;
}

export function fuse(
  vector: readonly { seq: number; similarity: number }[],
  keyword: readonly { seq: number }[],
  limit: number,
): FusedHit[] {
  const hits = new Map<
    number,
    { score: number; vectorRank: number | null; keywordRank: number | null; similarity: number | null }
  >();
  vector.forEach((hit, i) => {
    hits.set(hit.seq, { score: 1 / (RRF_K + i + 1), vectorRank: i + 1, keywordRank: null, similarity: hit.similarity });
  });
  keyword.forEach((hit, i) => {
    const existing = hits.get(hit.seq);
    const add = 1 / (RRF_K + i + 1);
    if (existing) {
      existing.score += add;
      existing.keywordRank = i + 1;
    } else {
      hits.set(hit.seq, { score: add, vectorRank: null, keywordRank: i + 1, similarity: null });
    }
  });
  return [...hits.entries()]
    .map(([seq, h]) => ({ seq, ...h }))
    .sort((a, b) => b.score - a.score || a.seq - b.seq)
    .slice(0, limit);
}
