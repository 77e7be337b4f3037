import type { RpcEventFrame } from '../src/shared';
import { createCore, type Core, type CoreOptions } from '../src/core';
import { createModelServices } from '../src/core/models/model-services';
import { scriptedRouter, type ScriptedStep } from './scripted-router';
import { quietMemory } from './quiet-memory';
import { makeTempDir } from './temp-dir';
import { testPorts, type TestPorts } from './test-ports';

/** A started core whose model answers from a script, with every pushed event recorded. */
export async function startChatCore(steps: ScriptedStep[] = [], options: CoreOptions & { ready?: boolean } = {}) {
  const dir = makeTempDir();
  const ports: TestPorts = testPorts(dir.path);
  const router = scriptedRouter(steps);
  const ready = options.ready ?? true;
  const core: Core = createCore(ports, {
    models: (deps) => ({
      ...createModelServices(deps),
      router,
      readiness: async () =>
        ready
          ? { ready: true }
          : { ready: false, message: 'No model provider is set up. Open Settings → Models to connect one.' },
    }),
    ...options,
    memory: options.memory ?? quietMemory(),
  });
  const frames: RpcEventFrame[] = [];
  core.subscribe((frame) => frames.push(frame));
  await core.start();
  return {
    core,
    ports,
    router,
    frames,
    dir,
    /**
     * Resolves once a reply has run in the thread and every reply that showed activity there has
     * gone idle (a scripted reply can finish before the test starts waiting, so this looks back).
     */
    idle(threadId: string, timeoutMs = 5000): Promise<void> {
      const settled = (): boolean => {
        const states = new Map<string, string>();
        for (const f of frames) {
          const p = f.payload as { threadId?: string; messageId?: string | null; state?: string };
          if (f.event === 'chat.activity' && p.threadId === threadId && p.messageId) states.set(p.messageId, p.state ?? '');
        }
        return states.size > 0 && [...states.values()].every((state) => state === 'idle');
      };
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const poll = (): void => {
          if (settled()) return resolve();
          if (Date.now() - started > timeoutMs) return reject(new Error(`reply in ${threadId} did not finish`));
          setTimeout(poll, 5);
        };
        poll();
      });
    },
    async close() {
      await core.stop();
      dir.remove();
    },
  };
}
