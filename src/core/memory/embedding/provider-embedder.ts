import type { OpenAI } from 'openai';
import { z } from 'zod';
import type { EmbedderInfo } from '../../../shared';
import { classifyFailure, type AttemptFailure } from '../../models/attempt-failure';
import type { ProviderConnection } from '../../models/model-config-service';
import { createOpenAIClient } from '../../models/openai-client';
import { abortableSleep, backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../models/retry-policy';
import { withoutBlanks } from './blank-text';
import type { Embedder } from './embedder';
import {
  dimensionChanged,
  embedderClosed,
  embeddingCancelled,
  embeddingExhausted,
  embeddingRefused,
  embeddingUnusable,
  embeddingWaitTooLong,
} from './embedding-errors';
import { normalizeInPlace } from './unit-vector';

/** Texts per request: well under every provider's input limit (OpenAI takes 2,048) and a small retry when one fails. */
export const PROVIDER_BATCH_SIZE = 64;

export interface ProviderEmbedderOptions {
  /** The provider's embedding model id, e.g. `openai/text-embedding-3-small`. */
  readonly model: string;
  /** The configured provider, with its key read just now (ModelConfigService.connect). */
  readonly connect: () => Promise<ProviderConnection>;
  readonly retry?: Partial<RetryPolicy>;
}

// Only what is used, so extra fields from other OpenAI-compatible servers are fine.
const EmbeddingAnswer = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })),
});

type Attempt = { readonly ok: true; readonly answer: unknown } | { readonly ok: false; readonly failure: AttemptFailure };

/**
 * Any OpenAI-compatible `/embeddings` endpoint of the configured model provider, through the
 * `openai` SDK. Batches go one after another (gentle on rate limits); 429, 5xx, dropped connections
 * and timeouts are retried with the model router's policy, Retry-After first. The dimension is
 * learned from the first answer; a later answer of another size is an error, because vectors of
 * different sizes cannot be compared.
 */
export class ProviderEmbedder implements Embedder {
  private readonly model: string;
  private readonly connect: () => Promise<ProviderConnection>;
  private readonly policy: RetryPolicy;
  private dimension: number | null = null;
  private closed = false;

  constructor(options: ProviderEmbedderOptions) {
    this.model = options.model;
    this.connect = options.connect;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  get info(): EmbedderInfo {
    return { kind: 'provider', model: this.model, dimension: this.dimension, label: `${this.model} (your model provider)` };
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (this.closed) throw embedderClosed();
    if (signal?.aborted) throw embeddingCancelled();
    if (texts.length === 0) return [];
    const input = withoutBlanks(texts);
    const connection = await this.connect();
    const client = createOpenAIClient(connection);
    const vectors: Float32Array[] = [];
    for (let start = 0; start < input.length; start += PROVIDER_BATCH_SIZE) {
      if (this.closed) throw embedderClosed();
      vectors.push(...(await this.embedBatch(client, connection, input.slice(start, start + PROVIDER_BATCH_SIZE), signal)));
    }
    return vectors;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async embedBatch(
    client: OpenAI,
    connection: ProviderConnection,
    texts: string[],
    signal: AbortSignal | undefined,
  ): Promise<Float32Array[]> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(client, connection, texts, signal);
      if (outcome.ok) return this.vectorsOf(outcome.answer, texts.length, connection.label);
      const { failure } = outcome;
      if (!failure.retryable) throw embeddingRefused(failure, this.model, connection.label);
      if (attempt >= this.policy.maxAttempts) throw embeddingExhausted(failure, attempt, connection.label);
      const waitMs = failure.retryAfterMs ?? backoffDelayMs(attempt, this.policy, Math.random);
      if (waitMs > this.policy.maxRetryAfterMs) throw embeddingWaitTooLong(failure, waitMs, connection.label);
      await abortableSleep(waitMs, signal);
      if (signal?.aborted) throw embeddingCancelled();
    }
  }

  private async attempt(
    client: OpenAI,
    connection: ProviderConnection,
    texts: string[],
    signal: AbortSignal | undefined,
  ): Promise<Attempt> {
    if (signal?.aborted) throw embeddingCancelled();
    try {
      // Floats, not the SDK's default base64, which not every OpenAI-compatible server implements.
      const answer = await client.embeddings.create({ model: this.model, input: texts, encoding_format: 'float' }, { signal });
      return { ok: true, answer };
    } catch (error) {
      if (signal?.aborted) throw embeddingCancelled();
      return { ok: false, failure: classifyFailure(error, { now: Date.now(), apiKey: connection.apiKey }) };
    }
  }

  private vectorsOf(answer: unknown, count: number, label: string): Float32Array[] {
    const parsed = EmbeddingAnswer.safeParse(answer);
    if (!parsed.success) throw embeddingUnusable(label, this.model, 'the answer has no list of vectors');
    const { data } = parsed.data;
    if (data.length !== count) {
      throw embeddingUnusable(label, this.model, `${data.length} vectors for ${count} texts`);
    }
    const vectors = new Array<Float32Array>(count);
    for (const item of data) {
      if (item.index >= count || vectors[item.index])
        throw embeddingUnusable(label, this.model, 'the vectors are numbered wrongly');
      const size = item.embedding.length;
      if (size === 0) throw embeddingUnusable(label, this.model, 'an empty vector');
      if (this.dimension !== null && size !== this.dimension) throw dimensionChanged(label, this.model, this.dimension, size);
      this.dimension = size;
      vectors[item.index] = normalizeInPlace(Float32Array.from(item.embedding));
    }
    return vectors;
  }
}
