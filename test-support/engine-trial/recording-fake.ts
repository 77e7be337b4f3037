import { createServer } from 'node:http';
import { listenLocal, type LocalServer } from '../http-kit';

/** One side effect as the outside world saw it: the first call with a key does it, later ones are absorbed. */
export interface EffectRecord {
  readonly key: string;
  readonly event: string;
  readonly step: string;
  /** Calls that carried this key (more than 1: a step redone after a kill, answered idempotently). */
  calls: number;
}

export interface RecordingFake extends LocalServer {
  /** Every effect, by idempotency key. */
  readonly effects: Map<string, EffectRecord>;
  /** Every call, including the ones refused to force a retry. */
  readonly stats: { calls: number; refused: number };
}

/**
 * Stands in for an external API that honours idempotency keys, like a payment or mail API: the
 * first POST with a key performs the effect; a repeat returns the same answer and does nothing.
 * It answers after a few milliseconds (so kills land mid-call) and refuses the first try of every
 * third scenario's `charge` step with a 503 (so retries happen across kills).
 */
export async function startRecordingFake(): Promise<RecordingFake> {
  const effects = new Map<string, EffectRecord>();
  const stats = { calls: 0, refused: 0 };
  const attempts = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const input = JSON.parse(body || '{}') as { key?: string; event?: string; step?: string };
      const { key, event, step } = input;
      if (req.method !== 'POST' || !key || !event || !step) {
        res.writeHead(400).end('expected {key, event, step}');
        return;
      }
      stats.calls++;
      const tries = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, tries);
      setTimeout(
        () => {
          if (step === 'charge' && tries === 1 && Number(event.split('-').pop()) % 3 === 0) {
            stats.refused++;
            res.writeHead(503).end('try again');
            return;
          }
          const known = effects.get(key);
          if (known) known.calls++;
          else effects.set(key, { key, event, step, calls: 1 });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ done: true, key }));
        },
        1 + Math.floor(Math.random() * 15),
      );
    });
  });
  const local = await listenLocal(server);
  return { ...local, effects, stats };
}
