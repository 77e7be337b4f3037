import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { authCredentials, listenLocal, readBody, sendJson, type LocalServer } from './http-kit';

/**
 * A local OpenAI-compatible `POST /v1/embeddings` for tests, driven through the real `openai` SDK.
 * Vectors are deterministic hashed bags of words (see `fakeEmbedding`), deliberately not unit
 * length, and answered in reverse order so a client must place them by `index`. Like OpenAI it
 * refuses an empty string in `input`. Tests script failures (429/5xx with Retry-After, a request
 * that never answers, an odd answer) ahead of the normal answers. Test support only: product code never imports it.
 */
export type FakeEmbeddingsStep =
  | { readonly kind: 'error'; readonly status: number; readonly retryAfter?: string; readonly message: string }
  | { readonly kind: 'hang' }
  /** A 200 with this body instead of the vectors. */
  | { readonly kind: 'answer'; readonly body: unknown };

export const fakeEmbeddingsStep = {
  error: (status: number, options: { retryAfter?: string; message?: string } = {}): FakeEmbeddingsStep => ({
    kind: 'error',
    status,
    message: options.message ?? `fake error ${status}`,
    ...(options.retryAfter === undefined ? {} : { retryAfter: options.retryAfter }),
  }),
  hang: (): FakeEmbeddingsStep => ({ kind: 'hang' }),
  answer: (body: unknown): FakeEmbeddingsStep => ({ kind: 'answer', body }),
};

export interface FakeEmbeddingsRequest {
  readonly model: string;
  readonly input: readonly string[];
  readonly encodingFormat: string | null;
  /** Date.now() when it arrived. */
  readonly at: number;
}

export interface FakeEmbeddingsServer extends LocalServer {
  /** What an OpenAI client takes as `baseURL` (`…/v1`). */
  readonly baseUrl: string;
  readonly requests: FakeEmbeddingsRequest[];
  /** The size of the vectors it answers from now on. */
  dimension: number;
  /** The next requests get these, in order; then normal answers resume. */
  enqueue(...steps: FakeEmbeddingsStep[]): void;
}

export interface FakeEmbeddingsOptions {
  readonly dimension?: number;
  /** When set, a request without `Authorization: Bearer <key>` gets a 401. */
  readonly requireApiKey?: string;
  /** When set, any other model gets a 404. */
  readonly models?: readonly string[];
}

/** The raw vector the fake answers for a text: each word adds ±1–3 to one hashed dimension. */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text];
  for (const word of words) {
    const hash = createHash('sha256').update(word).digest();
    const slot = hash.readUInt32LE(0) % dimension;
    const sign = (hash[4] ?? 0) & 1 ? -1 : 1;
    vector[slot] = (vector[slot] ?? 0) + sign * (1 + ((hash[5] ?? 0) % 3));
  }
  return vector;
}

export async function startFakeEmbeddingsServer(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddingsServer> {
  const requests: FakeEmbeddingsRequest[] = [];
  const script: FakeEmbeddingsStep[] = [];
  const state = { dimension: options.dimension ?? 48 };
  const refuse = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, { error: { message, type: 'fake_error', code: status } }, headers);

  const server = createServer((req, res) => {
    void (async () => {
      const raw = (await readBody(req)).toString('utf8');
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return refuse(res, 404, `no route ${req.method} ${req.url}`);
      let body: { model?: unknown; input?: unknown; encoding_format?: unknown };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        return refuse(res, 400, 'the body is not JSON');
      }
      const input = typeof body.input === 'string' ? [body.input] : body.input;
      if (typeof body.model !== 'string' || !Array.isArray(input) || !input.every((t): t is string => typeof t === 'string')) {
        return refuse(res, 400, 'model (string) and input (string or string[]) are required');
      }
      const encodingFormat = typeof body.encoding_format === 'string' ? body.encoding_format : null;
      requests.push({ model: body.model, input, encodingFormat, at: Date.now() });
      if (options.requireApiKey && authCredentials(req.headers.authorization, ['bearer']) !== options.requireApiKey) {
        return refuse(res, 401, 'Incorrect API key provided');
      }

      const step = script.shift();
      if (step?.kind === 'hang') return;
      if (step?.kind === 'answer') return sendJson(res, 200, step.body);
      if (step) return refuse(res, step.status, step.message, step.retryAfter ? { 'retry-after': step.retryAfter } : {});
      if (options.models && !options.models.includes(body.model))
        return refuse(res, 404, `The model ${body.model} does not exist`);
      if (input.some((text) => text === '')) return refuse(res, 400, "'$.input' is invalid: an input cannot be an empty string");
      if (encodingFormat !== null && encodingFormat !== 'float')
        return refuse(res, 400, 'this fake answers encoding_format "float" only');
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text, state.dimension) }));
      const tokens = input.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
      sendJson(res, 200, {
        object: 'list',
        data: data.reverse(),
        model: body.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
    })();
  });
  const local = await listenLocal(server);
  return {
    ...local,
    baseUrl: `${local.url}/v1`,
    requests,
    get dimension() {
      return state.dimension;
    },
    set dimension(value: number) {
      state.dimension = value;
    },
    enqueue: (...steps) => void script.push(...steps),
  };
}
