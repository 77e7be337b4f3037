import type { EngineFunction, StepContext } from '../../src/core/engine/engine-function';

/** Effects each scenario must cause exactly once: three in its chain, one in the follow-up run. */
export const TRIAL_STEPS = ['reserve', 'charge', 'notify', 'archive'] as const;

/**
 * Functions whose steps call the recording fake with their idempotency keys: a chain of effects
 * with a retrying step, a sleep and an event that starts a second function.
 */
export function trialFunctions(fakeUrl: string): EngineFunction[] {
  const effect = async (ctx: StepContext, event: string, step: string) => {
    const response = await fetch(`${fakeUrl}/effect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: ctx.idempotencyKey, event, step }),
      signal: ctx.signal,
    });
    if (!response.ok) throw new Error(`the fake answered ${response.status}`);
    return (await response.json()) as { done: boolean };
  };
  return [
    {
      id: 'trial-chain',
      name: 'Trial chain',
      trigger: { event: 'test/scenario' },
      backoff: { baseMs: 20, maxMs: 200 },
      handler: async ({ event, step }) => {
        await step.run('reserve', (ctx) => effect(ctx, event.id, 'reserve'));
        await step.run('charge', (ctx) => effect(ctx, event.id, 'charge'));
        await step.sleep('cool down', 30);
        await step.run('notify', (ctx) => effect(ctx, event.id, 'notify'));
        await step.sendEvent('announce', { type: 'izzie/action.complete', data: { scenario: event.id }, metadata: {} });
        return { scenario: event.id };
      },
    },
    {
      id: 'trial-follow-up',
      name: 'Trial follow-up',
      trigger: { event: 'izzie/action.complete' },
      handler: async ({ event, step }) => {
        const scenario = (event.data as { scenario: string }).scenario;
        await step.run('archive', (ctx) => effect(ctx, scenario, 'archive'));
      },
    },
  ];
}
