import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../errors';
import type { EmbedBatch } from '../../workers/embedder-protocol';
import { spawnWorker } from '../../workers/spawn-worker';
import { BLANK_TEXT } from './blank-text';
import { LocalEmbedder } from './local-embedder';

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
const length = (v: Float32Array): number => Math.sqrt(dot(v, v));
const sentences = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `Note ${i}: the quarterly report is due on day ${i + 1}`);

const failureOf = async (promise: Promise<unknown>): Promise<CoreError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CoreError)) throw new Error(`expected a CoreError, got ${String(error)}`);
  return error;
};

/** Real model threads, recorded: the threads started, and the size of every batch each was sent. */
function recordingSpawn() {
  const workers: Worker[] = [];
  const batches: number[][] = [];
  const spawn = () => {
    const worker = spawnWorker('embedder');
    const sent: number[] = [];
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: EmbedBatch) => {
      sent.push(message.texts.length);
      post(message);
    };
    workers.push(worker);
    batches.push(sent);
    return worker;
  };
  return { spawn, workers, batches };
}

/** A thread that never loads the model: it runs `script` (CommonJS) instead. */
const fakeThread = (script: string) => () => new Worker(script, { eval: true });

describe('the local embedder (Universal Sentence Encoder lite in a worker thread)', () => {
  const shared = new LocalEmbedder();
  afterAll(() => shared.close());

  it('ranks a paraphrase above an unrelated sentence', async () => {
    const [fact, paraphrase, unrelated] = await shared.embed([
      'My manager is Dana Reyes',
      'Dana Reyes is who I report to',
      'The weather in Lisbon is sunny',
    ]);
    if (!fact || !paraphrase || !unrelated) throw new Error('missing vectors');
    expect(shared.info).toEqual({ kind: 'local', model: 'use-lite-512', dimension: 512, label: expect.any(String) });
    for (const vector of [fact, paraphrase, unrelated]) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(512);
      expect(length(vector)).toBeCloseTo(1, 5);
    }
    expect(dot(fact, paraphrase)).toBeGreaterThan(dot(fact, unrelated) + 0.2);
  });

  it('embeds blank texts as the placeholder instead of failing, even when a call has nothing else', async () => {
    const [empty, spaces, placeholder, word] = await shared.embed(['', '  \n\t', BLANK_TEXT, 'hello']);
    const [alone] = await shared.embed(['']);
    if (!empty || !spaces || !placeholder || !word || !alone) throw new Error('missing vectors');
    for (const blank of [empty, spaces, alone]) expect(dot(blank, placeholder)).toBeCloseTo(1, 5);
    expect(dot(word, placeholder)).toBeLessThan(0.9);
    await expect(shared.embed([])).resolves.toEqual([]);
  });

  it('keeps every vector in its text’s place across batches spread over two threads', async () => {
    const recorded = recordingSpawn();
    const pooled = new LocalEmbedder({ threads: 2, batchSize: 3, spawn: recorded.spawn });
    try {
      const texts = [
        'Alice leads Project Atlas',
        'Lunch is at noon on Fridays',
        'The build is green again',
        'Bob moved to Berlin last spring',
        'Pay the rent before the fifth',
        'The dentist appointment is on Tuesday',
        'Carol prefers short emails',
        'The server room is too warm',
        'Send the invoice to Acme',
        'My daughter plays the violin',
        'The flight to Tokyo was delayed',
      ];
      const together = await pooled.embed(texts);
      const oneByOne = await Promise.all(texts.map(async (text) => (await shared.embed([text]))[0] ?? new Float32Array()));
      together.forEach((vector, i) => {
        const similarities = oneByOne.map((alone) => dot(vector, alone));
        expect(similarities[i]).toBeCloseTo(1, 5);
        // Its own text, not merely something close to everything.
        expect(similarities.indexOf(Math.max(...similarities))).toBe(i);
      });
      expect(recorded.workers).toHaveLength(2);
      expect(recorded.batches.map((sent) => sent.length > 0)).toEqual([true, true]);
      expect(recorded.batches.flat().sort()).toEqual([2, 3, 3, 3]);
    } finally {
      await pooled.close();
    }
  });

  it('serves calls first come, first served', async () => {
    const fifo = new LocalEmbedder({ batchSize: 2 });
    try {
      const finished: string[] = [];
      const first = fifo.embed(sentences(6)).then(() => finished.push('first'));
      const second = fifo.embed(['a short one']).then(() => finished.push('second'));
      await Promise.all([first, second]);
      expect(finished).toEqual(['first', 'second']);
    } finally {
      await fifo.close();
    }
  });

  it('rejects a cancelled call at once and never sends its remaining batches to the model', async () => {
    const recorded = recordingSpawn();
    const embedder = new LocalEmbedder({ batchSize: 4, spawn: recorded.spawn });
    try {
      await embedder.warmUp();
      const stop = new AbortController();
      const call = embedder.embed(sentences(40), stop.signal);
      stop.abort();
      expect((await failureOf(call)).code).toBe('CANCELLED');
      expect((await failureOf(embedder.embed(['x'], AbortSignal.abort()))).code).toBe('CANCELLED');
      const [after] = await embedder.embed(['after the cancel']);
      expect(after).toHaveLength(512);
      // The batch already in the model when the signal fired, then only the next call's.
      expect(recorded.batches).toEqual([[4, 1]]);
    } finally {
      await embedder.close();
    }
  });

  it('rejects pending calls readably when the thread dies, and starts a fresh one on the next call', async () => {
    const recorded = recordingSpawn();
    const embedder = new LocalEmbedder({ batchSize: 8, spawn: recorded.spawn });
    try {
      await embedder.warmUp();
      const running = embedder.embed(sentences(64));
      const waiting = embedder.embed(['queued behind it']);
      await recorded.workers[0]?.terminate();
      for (const call of [running, waiting]) {
        const error = await failureOf(call);
        expect(error.code).toBe('UNAVAILABLE');
        expect(error.message).toBe(
          'The local embedding model stopped unexpectedly (exit code 1). Izzie starts it again on the next request.',
        );
      }
      const [vector] = await embedder.embed(['back again']);
      expect(vector && length(vector)).toBeCloseTo(1, 5);
      expect(recorded.workers).toHaveLength(2);
    } finally {
      await embedder.close();
    }
  });

  it('reports a model that cannot load, to warmUp and to every waiting call, then recovers', async () => {
    let started = 0;
    const embedder = new LocalEmbedder({
      spawn: () =>
        started++ === 0
          ? fakeThread(
              `require('node:worker_threads').parentPort.postMessage({ type: 'failed', message: 'could not load (model.json is missing)' })`,
            )()
          : spawnWorker('embedder'),
    });
    try {
      const warming = embedder.warmUp();
      const call = embedder.embed(['hello']);
      const expected =
        'The local embedding model could not load (model.json is missing). Izzie starts it again on the next request.';
      await expect(warming).rejects.toThrow(expected);
      await expect(call).rejects.toThrow(expected);
      await expect(embedder.embed(['hello'])).resolves.toHaveLength(1);
      expect(started).toBe(2);
    } finally {
      await embedder.close();
    }
  });

  it('reports a thread that throws', async () => {
    const embedder = new LocalEmbedder({ spawn: fakeThread(`throw new Error('out of memory')`) });
    try {
      const error = await failureOf(embedder.embed(['hello']));
      expect(error.message).toBe('The local embedding model failed (out of memory). Izzie starts it again on the next request.');
    } finally {
      await embedder.close();
    }
  });

  it('lets the process exit while the model idles, but not while it loads or works', async () => {
    const holds: Array<'ref' | 'unref'> = [];
    const embedder = new LocalEmbedder({
      spawn: () => {
        const worker = spawnWorker('embedder');
        worker.ref = () => void holds.push('ref');
        worker.unref = () => void holds.push('unref');
        return worker;
      },
    });
    try {
      const working = embedder.embed(['a text to embed']);
      expect(holds).toEqual(['ref']);
      await working;
      expect(holds.at(-1)).toBe('unref');
    } finally {
      await embedder.close();
    }
  });

  it('close() ends the thread, rejects what is pending and refuses later calls', async () => {
    const recorded = recordingSpawn();
    const embedder = new LocalEmbedder({ spawn: recorded.spawn });
    const pending = failureOf(embedder.embed(sentences(64)));
    const worker = recorded.workers[0];
    if (!worker) throw new Error('no thread started');
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await embedder.close();
    await exited;
    expect((await pending).message).toMatch(/^The embedder was closed/);
    expect((await failureOf(embedder.embed(['later']))).code).toBe('UNAVAILABLE');
    await expect(embedder.warmUp()).rejects.toThrow(/closed/);
  });
});
