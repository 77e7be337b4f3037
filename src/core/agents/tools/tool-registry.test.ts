import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Persona } from '../../../shared';
import { DEFAULT_PERSONAS } from '../personas/persona-defaults';
import { defineTool, ToolRegistry, wireName, type Tool } from './tool-registry';

const work: Persona = { ...DEFAULT_PERSONAS.work, customized: false };
const personal: Persona = { ...DEFAULT_PERSONAS.personal, customized: false };

const prList = defineTool({
  name: 'pr_list',
  group: 'github',
  description: 'List pull requests',
  args: z.strictObject({ repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/) }),
  actionClass: 'read',
  outsideContent: true,
  run: async ({ repo }) => ({ repo, open: 2 }),
});

const mcpTool = (name: string, group: string, server: string): Tool => ({
  name,
  group,
  server,
  description: `${name} from ${server}`,
  parameters: { type: 'object', properties: {} },
  actionClass: 'read',
  outsideContent: true,
  execute: async (args) => ({ name, args }),
});

describe('the tool registry', () => {
  it('refuses a tool registered twice', () => {
    expect(() => new ToolRegistry().register(prList, prList)).toThrow(/registered twice/);
  });

  it('lists for a persona only the tools its access names: the group, the server or the tool', () => {
    const registry = new ToolRegistry()
      .register(prList)
      .addSource(() => [
        mcpTool('google.gmail_search', 'email', 'google'),
        mcpTool('google.calendar_query', 'calendar', 'google'),
      ]);
    expect(registry.usable(work).map((t) => t.name)).toEqual(['pr_list', 'google.gmail_search', 'google.calendar_query']);
    expect(registry.usable(personal).map((t) => t.name)).toEqual(['google.gmail_search', 'google.calendar_query']);
    expect(registry.usable({ ...work, toolAccess: ['google'] })).toHaveLength(2);
    expect(registry.usable({ ...work, toolAccess: ['google.calendar_query'] }).map((t) => t.name)).toEqual([
      'google.calendar_query',
    ]);
  });

  it('finds namespaced tools by the wire names model APIs accept, and forgets those whose server went away', () => {
    let live = [mcpTool('github.pr_list', 'github', 'github')];
    const registry = new ToolRegistry().addSource(() => live);
    expect(wireName('github.pr_list')).toBe('github__pr_list');
    expect(registry.find('github__pr_list')?.name).toBe('github.pr_list');
    expect(registry.displayName('github__pr_list')).toBe('github.pr_list');
    live = [];
    expect(registry.find('github__pr_list')).toBeUndefined();
    expect(registry.displayName('github__pr_list')).toBe('github__pr_list');
  });

  it('describes a defined tool’s arguments as JSON Schema', () => {
    expect(prList.parameters).toMatchObject({ type: 'object', properties: { repo: { type: 'string' } }, required: ['repo'] });
  });
});
