import { expect } from 'vitest';
import type { BuiltinCallResult } from './builtin-client';

/**
 * Runs a tool call with input the tool refuses and proves the service never heard of it: the call
 * fails with a text matching `reason` and `requests` (the fake's or proxy's log) does not grow.
 * Answers the text, for further checks.
 */
export async function expectRefusedBeforeRequest(
  run: () => Promise<BuiltinCallResult>,
  requests: { readonly length: number },
  reason: RegExp,
): Promise<string> {
  const before = requests.length;
  const result = await run();
  expect(result.isError).toBe(true);
  expect(result.text).toMatch(reason);
  expect(requests.length).toBe(before);
  return result.text;
}
