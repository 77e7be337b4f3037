import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Persona } from '../../../shared';
import { DEFAULT_PERSONAS } from '../personas/persona-defaults';
import { defineTool, ToolRegistry, type ToolContext } from './tool-registry';

const work: Persona = { ...DEFAULT_PERSONAS.work, customized: false };
const personal: Persona = { ...DEFAULT_PERSONAS.personal, customized: false };
const context = (persona: Persona, mode: 'assistant' | 'proxy' = 'assistant'): ToolContext => ({
  threadId: 't',
  persona,
  mode,
  signal: new AbortController().signal,
});

let sent = 0;
const registry = new ToolRegistry().register(
  defineTool({
    name: 'pr_list',
    group: 'github',
    description: 'List pull requests',
    args: z.strictObject({ repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/) }),
    proxyAction: false,
    run: async ({ repo }) => ({ repo, open: 2 }),
  }),
  defineTool({
    name: 'send_email',
    group: 'email',
    description: 'Send an email as the user',
    args: z.strictObject({ to: z.string() }),
    proxyAction: true,
    run: async () => {
      sent++;
      return 'sent';
    },
  }),
  defineTool({
    name: 'flaky',
    group: 'github',
    description: 'Always fails',
    args: z.strictObject({}),
    proxyAction: false,
    run: async () => Promise.reject(new Error('GitHub answered 502')),
  }),
);

describe('the tool registry', () => {
  it('offers a persona only the tools its access list names, and proxy actions only in proxy mode', () => {
    expect(registry.definitions(work, 'assistant').map((t) => t.name)).toEqual(['pr_list', 'flaky']);
    expect(registry.definitions(work, 'proxy').map((t) => t.name)).toEqual(['pr_list', 'send_email', 'flaky']);
    expect(registry.definitions(personal, 'proxy').map((t) => t.name)).toEqual(['send_email']);
  });

  it('describes arguments as JSON Schema for the model', () => {
    const [prList] = registry.definitions(work, 'assistant');
    expect(prList?.parameters).toMatchObject({ type: 'object', properties: { repo: { type: 'string' } }, required: ['repo'] });
  });

  it('runs an allowed call with valid arguments', async () => {
    expect(await registry.call('pr_list', '{"repo":"octocat/hello-world"}', context(work))).toEqual({
      status: 'ok',
      result: '{"repo":"octocat/hello-world","open":2}',
    });
  });

  it('refuses every proxy action, even in proxy mode with access, and never runs it', async () => {
    const outcome = await registry.call('send_email', '{"to":"attacker@evil.example"}', context(work, 'proxy'));
    expect(outcome.status).toBe('denied');
    expect(outcome.result).toMatch(/would act as the user.*explicit authorization/);
    expect(sent).toBe(0);
  });

  it('refuses a tool outside the persona’s access list', async () => {
    expect(await registry.call('pr_list', '{"repo":"a/b"}', context(personal))).toEqual({
      status: 'denied',
      result: 'The personal persona is not allowed to use pr_list.',
    });
  });

  it('turns bad JSON, bad arguments, unknown tools and tool failures into readable errors', async () => {
    expect(await registry.call('pr_list', '{"repo":', context(work))).toMatchObject({
      status: 'error',
      result: 'The arguments for pr_list were not valid JSON.',
    });
    expect(await registry.call('pr_list', '{"repo":"no slash","x":1}', context(work))).toMatchObject({
      status: 'error',
      result: expect.stringMatching(/^Invalid arguments for pr_list: /),
    });
    expect(await registry.call('rm_rf', '{}', context(work))).toEqual({
      status: 'error',
      result: 'There is no tool named "rm_rf".',
    });
    expect(await registry.call('flaky', '', context(work))).toEqual({
      status: 'error',
      result: 'flaky failed: GitHub answered 502',
    });
  });
});
