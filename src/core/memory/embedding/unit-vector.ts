/**
 * Scales the vector to length 1, in place, so a dot product is the cosine similarity. The norm is
 * summed in float64: float32 loses precision over 1,000+ dimensions. A zero vector has no direction
 * and stays zero (it is then equally far from everything).
 */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}
