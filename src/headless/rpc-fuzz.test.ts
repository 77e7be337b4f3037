import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../../test-support/test-host';
import { connectRaw, type RawRpcSocket } from '../../test-support/ws-rpc-client';
import { RPC_ERROR_CODES, WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, contract } from '../shared';

const TOKEN = 'fuzz'.repeat(8);
const METHODS = Object.keys(contract);

/** A small seeded PRNG (mulberry32) so a failing payload can be reproduced from the seed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -0,
  3.5,
  '',
  ' ',
  '\u0000',
  '\uFFFF',
  '💣'.repeat(1000),
  'x'.repeat(200_001),
  [],
  [[[]]],
  {},
  { __proto__: { polluted: true } },
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE threads; --",
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  Number.MAX_SAFE_INTEGER + 2,
];

/** Builds payloads that are each invalid by construction: every one must get a coded error. */
function hostilePayloads(random: () => number): Array<string | Buffer> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const randomText = (n: number) => Array.from({ length: n }, () => String.fromCharCode(Math.floor(random() * 0xd7ff))).join('');
  const out: Array<string | Buffer> = [];
  // 1. Frames that are not JSON at all.
  for (let i = 0; i < 150; i++)
    out.push(
      pick([
        '{',
        '}',
        '{"id":1,',
        'undefined',
        "{'id':1}",
        'NaN',
        '\u0000',
        '[1,2',
        '{"a":1}}',
        randomText(1 + Math.floor(random() * 200)),
      ]),
    );
  for (let i = 0; i < 30; i++) out.push(Buffer.from([0xff, 0xfe, Math.floor(random() * 256)]));
  // 2. JSON that is not an envelope.
  for (let i = 0; i < 100; i++)
    out.push(JSON.stringify(pick([null, 1, 'hi', [], [{ id: 1, method: 'app.info' }], true, {}, { method: 'app.info' }])));
  // 3. Envelopes with the wrong types or extra keys.
  for (let i = 0; i < 200; i++) {
    const base: Record<string, unknown> = { id: i, method: pick(METHODS), params: {} };
    const field = pick(['id', 'method', 'params', 'extra']);
    if (field === 'id') base.id = pick([null, {}, [], -1, 1.5, '', 'z'.repeat(100), true]);
    else if (field === 'method') base.method = pick([null, 1, {}, [], '', 'm'.repeat(129)]);
    else if (field === 'params') base.params = pick([null, 1, 'x', [], true]);
    else base.extra = { polluted: true };
    out.push(
      field === 'extra'
        ? JSON.stringify(base).replace('"extra"', `"${pick(['extra', '__proto__', 'constructor', 'prototype'])}"`)
        : JSON.stringify(base),
    );
  }
  // 4. Unknown methods, including Object.prototype names.
  for (let i = 0; i < 120; i++) {
    const method = pick([
      '__proto__',
      'constructor',
      'toString',
      'valueOf',
      'hasOwnProperty',
      'app.info.x',
      'APP.INFO',
      'threads',
      'threads.',
      ' app.info',
      randomText(20),
    ]);
    out.push(JSON.stringify({ id: i, method, params: {} }));
  }
  // 5. Known methods with hostile params (each replaces a required field or adds a forbidden key).
  const required: Record<string, string[]> = {
    'threads.rename': ['id', 'title'],
    'threads.delete': ['id'],
    'messages.list': ['threadId'],
    'messages.send': ['threadId', 'content'],
  };
  for (let i = 0; i < 500; i++) {
    const method = pick(METHODS);
    const params: Record<string, unknown> = {};
    const fields = required[method];
    if (fields && random() < 0.7) {
      for (const f of fields) params[f] = pick(HOSTILE_VALUES);
      params[pick(fields)] = pick([null, {}, [], 42, '', 'not-a-uuid', 'x'.repeat(200_001)]);
      out.push(JSON.stringify({ id: 10_000 + i, method, params }));
    } else {
      // Written as text: assigning `__proto__` on an object would set its prototype, not a key.
      const key = pick(['__proto__', 'constructor', 'isAdmin', 'prototype', 'toString']);
      const value = JSON.stringify(pick([{ polluted: true }, { prototype: { polluted: true } }, 'rainbow', 7, [], null]));
      out.push(`{"id":${10_000 + i},"method":${JSON.stringify(method)},"params":{${JSON.stringify(key)}:${value}}}`);
    }
  }
  // 6. Huge and deep frames (kept under the 4 MiB frame cap so each still gets an answer).
  out.push(JSON.stringify({ id: 1, method: 'threads.create', params: { title: 't'.repeat(3_000_000) } }));
  out.push(JSON.stringify({ id: 2, method: 'x'.repeat(2_000_000) }));
  out.push('['.repeat(5000) + ']'.repeat(5000));
  out.push(JSON.stringify({ id: 3, method: 'settings.set', params: JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)) }));
  out.push(
    JSON.stringify({
      id: 4,
      method: 'messages.send',
      params: { threadId: '00000000-0000-4000-8000-000000000000', content: 'c'.repeat(100_001) },
    }),
  );
  return out;
}

describe('RPC fuzzing over the headless WebSocket', () => {
  let host: Awaited<ReturnType<typeof startTestHost>>;
  let socket: RawRpcSocket;

  beforeAll(async () => {
    host = await startTestHost(TOKEN);
    socket = await connectRaw(host.server.port, TOKEN);
  });
  afterAll(async () => {
    await socket.close();
    await host.close();
  });

  it('answers at least 1000 hostile payloads with coded errors, and stays healthy', async () => {
    const payloads = hostilePayloads(prng(0x1221e));
    expect(payloads.length).toBeGreaterThanOrEqual(1000);
    const unexpected: string[] = [];
    for (const [index, payload] of payloads.entries()) {
      const frame = await socket.sendRaw(payload);
      const ok =
        frame.type === 'response' && frame.ok === false && (RPC_ERROR_CODES as readonly string[]).includes(frame.error.code);
      const leaksStack = JSON.stringify(frame).match(/\n\s+at |\.ts:\d+/);
      if (!ok || leaksStack)
        unexpected.push(`#${index}: ${String(payload).slice(0, 80)} -> ${JSON.stringify(frame).slice(0, 160)}`);
    }
    expect(unexpected).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await socket.call('app.info', {})).toMatchObject({ ok: true, value: { name: 'Izzie' } });
    expect(await socket.call('threads.list', {})).toMatchObject({ ok: true, value: [] });
    expect(await socket.call('threads.create', { title: 'Still works' })).toMatchObject({ ok: true });
  });

  it('closes a connection that sends a frame over 4 MiB, and keeps serving others', async () => {
    const big = new WebSocket(`ws://127.0.0.1:${host.server.port}${WS_PATH}`, [WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX + TOKEN], {
      origin: `http://127.0.0.1:${host.server.port}`,
    });
    await new Promise((r) => big.once('open', r));
    const closed = new Promise<number>((r) => big.once('close', (code) => r(code)));
    big.send('x'.repeat(5 * 1024 * 1024));
    expect(await closed).toBe(1009);
    expect(await socket.call('app.info', {})).toMatchObject({ ok: true });
  });
});
