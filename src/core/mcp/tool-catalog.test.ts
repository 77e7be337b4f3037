import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { META_ACTION_CLASS, META_GROUP } from '../integrations/kit/builtin-server';
import { actionClassOf, catalogTools, safeToolName } from './tool-catalog';

const external = { id: 'ext', kind: 'external' } as const;
const builtin = { id: 'google', kind: 'builtin' } as const;

function tool(name: string, extra: Partial<Tool> = {}): Tool {
  return { name, inputSchema: { type: 'object' }, ...extra };
}

describe('actionClassOf', () => {
  it('takes the class a built-in server states', () => {
    expect(actionClassOf(builtin, tool('gmail_draft', { _meta: { [META_ACTION_CLASS]: 'draft' } }))).toBe('draft');
  });

  it('derives the class of external tools from their hints, never guessing read for a tool that may change things', () => {
    expect(actionClassOf(external, tool('a', { annotations: { readOnlyHint: true } }))).toBe('read');
    expect(actionClassOf(external, tool('b', { annotations: { destructiveHint: true } }))).toBe('delete');
    expect(actionClassOf(external, tool('c', { annotations: { readOnlyHint: true, destructiveHint: true } }))).toBe('delete');
    expect(actionClassOf(external, tool('d', { annotations: { readOnlyHint: false, destructiveHint: false } }))).toBe('send');
    expect(actionClassOf(external, tool('e'))).toBe('send');
  });

  it('lets an external server state a class only to be stricter', () => {
    expect(actionClassOf(external, tool('a', { _meta: { [META_ACTION_CLASS]: 'read' } }))).toBe('send');
    expect(actionClassOf(external, tool('b', { _meta: { [META_ACTION_CLASS]: 'draft' } }))).toBe('send');
    expect(
      actionClassOf(external, tool('c', { annotations: { readOnlyHint: true }, _meta: { [META_ACTION_CLASS]: 'update' } })),
    ).toBe('update');
    expect(actionClassOf(external, tool('d', { _meta: { [META_ACTION_CLASS]: 'launch' } }))).toBe('send');
  });
});

describe('catalogTools', () => {
  it('namespaces tools, fills in the MCP default hints, and groups external tools under their server', () => {
    const [only] = catalogTools(
      external,
      [tool('search', { description: 'Searches.', _meta: { [META_GROUP]: 'email' } })],
      () => {},
    );
    expect(only).toEqual({
      serverId: 'ext',
      name: 'ext.search',
      tool: 'search',
      info: {
        name: 'ext.search',
        title: null,
        description: 'Searches.',
        actionClass: 'send',
        readOnly: false,
        destructive: true,
        idempotent: false,
        openWorld: true,
      },
      inputSchema: { type: 'object' },
      group: 'ext',
    });
    expect(catalogTools(builtin, [tool('gmail_search', { _meta: { [META_GROUP]: 'email' } })], () => {})[0]?.group).toBe('email');
  });

  it('makes unsafe names safe, and leaves out what cannot be or collides, with a warning each', () => {
    const warnings: string[] = [];
    const tools = catalogTools(
      external,
      [tool('Get.Issue'), tool('get_issue'), tool('list__all'), tool('***'), tool('ok-name')],
      (message, fields) => warnings.push(`${message}: ${String(fields.tool)}`),
    );
    expect(tools.map((t) => [t.name, t.tool])).toEqual([
      ['ext.get_issue', 'Get.Issue'],
      ['ext.list_all', 'list__all'],
      ['ext.ok-name', 'ok-name'],
    ]);
    expect(warnings).toEqual([
      'renamed an MCP tool to a safe name: Get.Issue',
      'left out an MCP tool whose safe name collides with another tool: get_issue',
      'renamed an MCP tool to a safe name: list__all',
      'left out an MCP tool whose name cannot be made safe: ***',
    ]);
  });

  it('safeToolName keeps names within the wire alphabet', () => {
    expect(safeToolName('Send Email!')).toBe('send_email');
    expect(safeToolName('_x_')).toBe('x');
    expect(safeToolName('a'.repeat(80))).toHaveLength(64);
  });
});
