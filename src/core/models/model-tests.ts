import type { ModelTestResult, Tier } from '../../shared';
import { CoreError } from '../errors';
import type { Clock } from '../ports';
import type { ModelRouter, TaskType } from './model-types';

/**
 * Seed: Model Testing. A prompt, the behaviour expected of the answer, and a latency budget, run
 * against the model each tier is configured with. Behaviour is checked deterministically (a
 * pattern, or JSON of a given shape), so the checks mean the same thing against any provider and
 * need no second model to judge the first.
 */
export interface ModelTest {
  readonly id: string;
  readonly tier: Tier;
  readonly task: TaskType;
  readonly prompt: string;
  readonly expectedBehavior: string;
  readonly check: (answer: string) => boolean;
  readonly maxLatencyMs: number;
}

export const MODEL_TESTS: readonly ModelTest[] = [
  {
    id: 'cheap.classify-urgency',
    tier: 'cheap',
    task: 'classification',
    prompt:
      'Classify the urgency of this email as exactly one word — urgent, normal or low — and nothing else.\n\n' +
      'From: Dana Reyes\nSubject: Production database is down\nBody: Customers cannot log in. Can you join the incident call now?',
    expectedBehavior: 'answers with the single word "urgent"',
    check: (answer) => /^\W*urgent\W*$/i.test(answer.trim()),
    maxLatencyMs: 10_000,
  },
  {
    id: 'standard.draft-decline',
    tier: 'standard',
    task: 'drafting',
    prompt:
      'Draft a reply of at most three sentences declining Thursday’s 3pm vendor demo because of a conflict, and offering Friday morning instead. ' +
      'Reply with the email body only.',
    expectedBehavior: 'a short email body that mentions Friday',
    check: (answer) => answer.trim().length > 0 && answer.length <= 800 && /friday/i.test(answer),
    maxLatencyMs: 20_000,
  },
  {
    id: 'thinking.plan-json',
    tier: 'thinking',
    task: 'planning',
    prompt:
      'Plan how to prepare for a quarterly review next Monday. Answer with JSON only, shaped {"steps": ["…", …]}, with 3 to 6 steps.',
    expectedBehavior: 'JSON with a "steps" array of 3 to 6 strings',
    check: (answer) => {
      const json = answer.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
      try {
        const steps = (JSON.parse(json) as { steps?: unknown }).steps;
        return (
          Array.isArray(steps) &&
          steps.length >= 3 &&
          steps.length <= 6 &&
          steps.every((s) => typeof s === 'string' && s.trim() !== '')
        );
      } catch {
        return false;
      }
    },
    maxLatencyMs: 60_000,
  },
];

/** Runs the tests (of one tier, or all) one after another; a failing call is a failed row, not a crash. */
export async function runModelTests(
  deps: { router: ModelRouter; clock: Clock },
  tier?: Tier,
  signal?: AbortSignal,
): Promise<ModelTestResult[]> {
  const results: ModelTestResult[] = [];
  for (const test of MODEL_TESTS.filter((t) => tier === undefined || t.tier === tier)) {
    const started = deps.clock.now();
    try {
      const answer = await deps.router.complete({
        task: test.task,
        tier: test.tier,
        purpose: `models.test:${test.id}`,
        messages: [{ role: 'user', content: test.prompt }],
        ...(signal ? { signal } : {}),
      });
      const latencyPassed = answer.latencyMs <= test.maxLatencyMs;
      const behaviorPassed = test.check(answer.text);
      results.push({
        id: test.id,
        tier: test.tier,
        model: answer.model,
        latencyMs: answer.latencyMs,
        maxLatencyMs: test.maxLatencyMs,
        latencyPassed,
        behaviorPassed,
        passed: latencyPassed && behaviorPassed,
        promptTokens: answer.usage.promptTokens,
        completionTokens: answer.usage.completionTokens,
        detail: behaviorPassed ? test.expectedBehavior : `expected ${test.expectedBehavior}; got “${clip(answer.text, 120)}”`,
      });
    } catch (error) {
      if (error instanceof CoreError && error.code === 'CANCELLED') throw error;
      results.push({
        id: test.id,
        tier: test.tier,
        model: null,
        latencyMs: deps.clock.now() - started,
        maxLatencyMs: test.maxLatencyMs,
        latencyPassed: false,
        behaviorPassed: false,
        passed: false,
        promptTokens: 0,
        completionTokens: 0,
        detail: error instanceof CoreError ? error.message : 'The call failed unexpectedly; see the log file.',
      });
    }
  }
  return results;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
