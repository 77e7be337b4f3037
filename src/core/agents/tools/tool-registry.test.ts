import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Persona } from '../../../shared';
import { DEFAULT_PERSONAS } from '../personas/persona-defaults';
import { defineTool, ToolRegistry, type Tool, type ToolContext } from './tool-registry';

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

describe('tools from sources that come and go', () => {
  let live: Tool[] = [];
  const dynamic = new ToolRegistry().addSource(() => live);
  const mcpTool = (name: string, group: string, server: string): Tool => ({
    name,
    group,
    server,
    description: `${name} from ${server}`,
    parameters: { type: 'object', properties: {} },
    proxyAction: false,
    execute: async (args) => ({ name, args }),
  });

  it('offers namespaced tools under names model APIs accept, and maps calls back', async () => {
    live = [mcpTool('github.pr_list', 'github', 'github')];
    const [definition] = dynamic.definitions(work, 'assistant');
    expect(definition?.name).toBe('github__pr_list');
    expect(definition?.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(dynamic.displayName('github__pr_list')).toBe('github.pr_list');
    expect(await dynamic.call('github__pr_list', '{"state":"open"}', context(work))).toEqual({
      status: 'ok',
      result: '{"name":"github.pr_list","args":{"state":"open"}}',
    });
  });

  it('lets persona access name the group, the server or the tool', () => {
    live = [mcpTool('google.gmail_search', 'email', 'google'), mcpTool('google.calendar_query', 'calendar', 'google')];
    const onlyMail: Persona = { ...work, toolAccess: ['email'] };
    const wholeServer: Persona = { ...work, toolAccess: ['google'] };
    const oneTool: Persona = { ...work, toolAccess: ['google.calendar_query'] };
    expect(dynamic.definitions(onlyMail, 'assistant').map((t) => t.name)).toEqual(['google__gmail_search']);
    expect(dynamic.definitions(wholeServer, 'assistant')).toHaveLength(2);
    expect(dynamic.definitions(oneTool, 'assistant').map((t) => t.name)).toEqual(['google__calendar_query']);
  });

  it('forgets tools whose server went away', async () => {
    live = [mcpTool('github.pr_list', 'github', 'github')];
    expect(dynamic.definitions(work, 'assistant')).toHaveLength(1);
    live = [];
    expect(dynamic.definitions(work, 'assistant')).toEqual([]);
    expect(await dynamic.call('github__pr_list', '{}', context(work))).toEqual({
      status: 'error',
      result: 'There is no tool named "github__pr_list".',
    });
  });
});
