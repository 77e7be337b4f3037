import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible endpoint for tests (DESIGN.md: "small local fakes only where no emulator
 * exists"). Tests script what each request gets — text, tool calls, usage, failures — and drive it
 * through the real `openai` SDK, so the code under test is the code that talks to OpenRouter.
 * Test support only: product code never imports this file.
 */
export interface FakeUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** USD, as OpenRouter reports it in `usage.cost`. */
  readonly cost?: number;
}

export interface FakeToolCall {
  readonly id: string;
  readonly name: string;
  /** Streamed one fragment per chunk; joined for a non-streamed answer. */
  readonly argumentChunks: readonly string[];
}

interface ReplyOptions {
  readonly usage?: FakeUsage;
  readonly finishReason?: string;
  /** Streams this many text/tool chunks, then goes silent with the connection open. */
  readonly stallAfter?: number;
  /** Streams this many text/tool chunks, then drops the connection. */
  readonly breakAfter?: number;
}

export type FakeStep =
  | ({ readonly kind: 'reply'; readonly text: readonly string[]; readonly toolCalls: readonly FakeToolCall[] } & ReplyOptions)
  | { readonly kind: 'error'; readonly status: number; readonly retryAfter?: string; readonly body: unknown }
  | { readonly kind: 'hang' }
  | { readonly kind: 'malformed' };

export const fakeStep = {
  text: (chunks: string | readonly string[], options: ReplyOptions = {}): FakeStep => ({
    kind: 'reply',
    text: typeof chunks === 'string' ? [chunks] : chunks,
    toolCalls: [],
    ...options,
  }),
  toolCalls: (calls: readonly FakeToolCall[], options: ReplyOptions & { text?: readonly string[] } = {}): FakeStep => ({
    kind: 'reply',
    toolCalls: calls,
    ...options,
    text: options.text ?? [],
  }),
  error: (status: number, options: { retryAfter?: number | string; message?: string; body?: unknown } = {}): FakeStep => ({
    kind: 'error',
    status,
    ...(options.retryAfter === undefined ? {} : { retryAfter: String(options.retryAfter) }),
    body: options.body ?? { error: { message: options.message ?? `fake error ${status}`, type: 'fake_error', code: status } },
  }),
  hang: (): FakeStep => ({ kind: 'hang' }),
  malformed: (): FakeStep => ({ kind: 'malformed' }),
};

export interface StepMatch {
  /** Only a chat request for this model consumes the step. */
  readonly model?: string;
  /** `models` scripts a failure of `GET /v1/models`; default `chat`. */
  readonly endpoint?: 'chat' | 'models';
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, or the raw text when the body was not JSON. */
  readonly body: unknown;
}

export interface FakeModelServer {
  /** Base URL ending in `/v1`, as the SDK's `baseURL` wants it. */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  enqueue(step: FakeStep, match?: StepMatch): void;
  /** Steps not consumed yet. */
  remaining(): number;
  close(): Promise<void>;
}

export interface FakeModelServerOptions {
  /** Answers 401 unless the bearer token is exactly this. */
  readonly requireApiKey?: string;
  readonly models?: readonly string[];
}

export const NOTHING_SCRIPTED = 'fake model server: nothing scripted for this request';

export async function startFakeModelServer(options: FakeModelServerOptions = {}): Promise<FakeModelServer> {
  const queue: Array<{ step: FakeStep; match: StepMatch }> = [];
  const requests: RecordedRequest[] = [];
  let served = 0;

  const take = (endpoint: 'chat' | 'models', model: unknown): FakeStep | null => {
    const index = queue.findIndex(
      ({ match }) => (match.endpoint ?? 'chat') === endpoint && (match.model === undefined || match.model === model),
    );
    return index === -1 ? null : (queue.splice(index, 1)[0]?.step ?? null);
  };

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const body = parseJson(raw);
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      requests.push({ method: req.method ?? '', path, headers: flatHeaders(req), body });
      const route = `${req.method} ${path}`;
      if (route !== 'GET /v1/models' && route !== 'POST /v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
        return;
      }
      if (options.requireApiKey !== undefined && req.headers.authorization !== `Bearer ${options.requireApiKey}`) {
        const error = {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        };
        sendJson(res, 401, { error });
        return;
      }
      if (route === 'GET /v1/models') {
        const step = take('models', undefined);
        if (step) return play(step, res, { model: '', stream: false, includeUsage: false, n: ++served });
        const data = (options.models ?? ['fake/model']).map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' }));
        return sendJson(res, 200, { object: 'list', data });
      }
      const model = field(body, 'model');
      const step = take('chat', model);
      if (!step) return sendJson(res, 500, { error: { message: NOTHING_SCRIPTED, type: 'fake_server_error' } });
      const stream = field(body, 'stream') === true;
      const includeUsage = field(field(body, 'stream_options'), 'include_usage') === true;
      play(step, res, { model: typeof model === 'string' ? model : '', stream, includeUsage, n: ++served });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue: (step, match = {}) => void queue.push({ step, match }),
    remaining: () => queue.length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface PlayContext {
  readonly model: string;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly n: number;
}

function play(step: FakeStep, res: ServerResponse, ctx: PlayContext): void {
  switch (step.kind) {
    case 'hang':
      return; // the response stays open until the client gives up or the server closes
    case 'error':
      res.writeHead(step.status, {
        'content-type': 'application/json',
        ...(step.retryAfter === undefined ? {} : { 'retry-after': step.retryAfter }),
      });
      res.end(JSON.stringify(step.body));
      return;
    case 'malformed':
      if (ctx.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {"id": "chatcmpl-broken", "choices": [\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "chatcmpl-broken", "choices": [');
      }
      return;
    case 'reply':
      return ctx.stream ? streamReply(step, res, ctx) : answerReply(step, res, ctx);
  }
}

type Reply = Extract<FakeStep, { kind: 'reply' }>;

function usageOf(step: Reply): Record<string, number> {
  const pieces = step.text.length + step.toolCalls.reduce((sum, call) => sum + 1 + call.argumentChunks.length, 0);
  const usage = step.usage ?? { promptTokens: 10, completionTokens: pieces };
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    ...(usage.cost === undefined ? {} : { cost: usage.cost }),
  };
}

const finishReasonOf = (step: Reply): string => step.finishReason ?? (step.toolCalls.length > 0 ? 'tool_calls' : 'stop');

function answerReply(step: Reply, res: ServerResponse, ctx: PlayContext): void {
  if (step.stallAfter !== undefined) return;
  if (step.breakAfter !== undefined) return void res.destroy();
  const toolCalls = step.toolCalls.map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.argumentChunks.join('') },
  }));
  const message = {
    role: 'assistant',
    content: step.text.length > 0 ? step.text.join('') : null,
    refusal: null,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
  sendJson(res, 200, {
    id: `chatcmpl-fake-${ctx.n}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: ctx.model,
    choices: [{ index: 0, message, finish_reason: finishReasonOf(step), logprobs: null }],
    usage: usageOf(step),
  });
}

/** Streams the way OpenAI does: role first, text deltas, each tool call's id+name then its argument fragments. */
function streamReply(step: Reply, res: ServerResponse, ctx: PlayContext): void {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: `chatcmpl-fake-${ctx.n}`, object: 'chat.completion.chunk', created: 1_700_000_000, model: ctx.model, choices, ...extra })}\n\n`;
  const delta = (d: Record<string, unknown>) => chunk([{ index: 0, delta: d, finish_reason: null }]);
  const pieces: string[] = step.text.map((content) => delta({ content }));
  step.toolCalls.forEach((call, index) => {
    pieces.push(delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const args of call.argumentChunks) pieces.push(delta({ tool_calls: [{ index, function: { arguments: args } }] }));
  });

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write(delta({ role: 'assistant', content: '' }));
  const cut = step.stallAfter ?? step.breakAfter;
  for (const piece of pieces.slice(0, cut)) res.write(piece);
  if (step.stallAfter !== undefined) return;
  // Let the written chunks reach the client before the connection drops mid-stream.
  if (step.breakAfter !== undefined) return void setTimeout(() => res.destroy(), 20);
  res.write(chunk([{ index: 0, delta: {}, finish_reason: finishReasonOf(step) }]));
  if (ctx.includeUsage) res.write(chunk([], { usage: usageOf(step) }));
  res.end('data: [DONE]\n\n');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(parts).toString('utf8')));
  });
}

function parseJson(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
