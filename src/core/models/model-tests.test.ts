import { describe, expect, it } from 'vitest';
import { scriptedRouter } from '../../../test-support/scripted-router';
import { CoreError } from '../errors';
import { MODEL_TESTS, runModelTests } from './model-tests';

const clock = { now: () => 0 };

describe('model tests', () => {
  it('covers every tier with a latency budget', () => {
    expect(new Set(MODEL_TESTS.map((t) => t.tier))).toEqual(new Set(['cheap', 'standard', 'thinking']));
  });

  it('passes answers with the expected behaviour inside the latency budget, and names each tier', async () => {
    const router = scriptedRouter([
      { text: 'Urgent.' },
      { text: 'Thanks — I cannot make Thursday. Would Friday morning work?' },
      { text: '```json\n{"steps":["a","b","c"]}\n```' },
    ]);
    const results = await runModelTests({ router, clock });
    expect(results.map((r) => [r.id, r.passed])).toEqual([
      ['cheap.classify-urgency', true],
      ['standard.draft-decline', true],
      ['thinking.plan-json', true],
    ]);
    expect(router.requests.map((r) => [r.tier, r.task, r.purpose])).toEqual([
      ['cheap', 'classification', 'models.test:cheap.classify-urgency'],
      ['standard', 'drafting', 'models.test:standard.draft-decline'],
      ['thinking', 'planning', 'models.test:thinking.plan-json'],
    ]);
  });

  it('fails wrong behaviour, slow answers and failed calls, each with a reason', async () => {
    const router = scriptedRouter([
      { text: 'This seems fairly urgent to me.' },
      { text: 'Friday works.', latencyMs: 25_000 },
      { error: new CoreError('PROVIDER_UNAVAILABLE', 'OpenRouter answered 503 three times.') },
    ]);
    const [wrong, slow, failed] = await runModelTests({ router, clock });
    expect(wrong).toMatchObject({
      passed: false,
      behaviorPassed: false,
      latencyPassed: true,
      detail: expect.stringMatching(/^expected answers with the single word "urgent"; got “This seems/),
    });
    expect(slow).toMatchObject({ passed: false, behaviorPassed: true, latencyPassed: false, latencyMs: 25_000 });
    expect(failed).toMatchObject({ passed: false, model: null, detail: 'OpenRouter answered 503 three times.' });
  });

  it('runs one tier when asked', async () => {
    const router = scriptedRouter([{ text: 'urgent' }]);
    expect((await runModelTests({ router, clock }, 'cheap')).map((r) => r.id)).toEqual(['cheap.classify-urgency']);
  });
});
