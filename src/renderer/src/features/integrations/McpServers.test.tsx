// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatCommandLine, type McpServer } from '../../../../shared';
import { Shell } from '../../app/Shell';
import { useConnection } from '../../stores/connection';
import { useNavigation } from '../../stores/navigation';
import { createFakeCore, type FakeCoreOptions } from '../../test-support/fake-core';
import { resetStores } from '../../test-support/reset-stores';

/** A command whose parts need quoting: a space in the program's path and in an argument, a quote. */
const COMMAND = {
  command: '/opt/My Tools/mcp-files',
  args: ['--root', '/Users/ada/My Documents', "it's", '--read-only=true'],
  cwd: '/Users/ada/work',
};
const SHOWN = `'/opt/My Tools/mcp-files' --root '/Users/ada/My Documents' 'it'\\''s' --read-only=true`;

function external(overrides: Partial<McpServer> = {}): McpServer {
  return {
    id: 'files',
    name: 'files',
    kind: 'external',
    transport: 'stdio',
    command: COMMAND,
    url: null,
    secretEnv: ['FILES_TOKEN'],
    status: 'needs-consent',
    lastError: null,
    restarts: 0,
    nextRestartAt: null,
    tools: [],
    ...overrides,
  };
}

async function start(options: FakeCoreOptions = {}) {
  const core = createFakeCore(options);
  useConnection.setState({ state: 'connected', everConnected: true });
  useNavigation.setState({ page: 'integrations' });
  render(<Shell client={core.client} />);
  await screen.findByRole('listitem', { name: 'GitHub' });
  return core;
}

const server = (name: string) => within(screen.getByRole('list', { name: 'MCP servers' })).getByRole('listitem', { name });
const pill = (element: HTMLElement) => element.querySelector('.status-pill')?.textContent;
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
/** A server's button once the previous action has answered (the buttons wait while one runs). */
const ready = (item: () => HTMLElement, name: string) =>
  waitFor(() => {
    const button = within(item()).getByRole<HTMLButtonElement>('button', { name });
    expect(button.disabled).toBe(false);
    return button;
  });

beforeEach(() => resetStores());
afterEach(() => cleanup());

describe('Integrations: MCP servers', () => {
  it('lists the built-in servers with their tools and what each tool does to the world', async () => {
    await start();
    const github = server('GitHub');
    expect(pill(github)).toBe('Not connected');
    expect(within(github).getByText('Built in · in-process')).toBeTruthy();

    const toggle = within(github).getByRole('button', { name: 'Show tools (6)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const tools = within(github).getByRole('list', { name: 'Tools of GitHub' });
    const rows = within(tools).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('code')?.textContent)).toEqual([
      'github.issues_list',
      'github.issue_create',
      'github.pr_list',
      'github.pr_get',
      'github.pr_review',
      'github.notifications_list',
    ]);

    const badge = (tool: string) => {
      const row = rows.find((r) => r.querySelector('code')?.textContent === tool);
      const element = row?.querySelector('.action-badge');
      if (!element) throw new Error(`no badge for ${tool}`);
      return element;
    };
    expect(badge('github.pr_list').textContent).toBe('read: Only reads — runs without asking');
    expect(badge('github.pr_list').classList.contains('action-badge--proxy')).toBe(false);
    expect(badge('github.issue_create').getAttribute('title')).toBe('Acts as you — needs your approval');
    expect(badge('github.issue_create').classList.contains('action-badge--proxy')).toBe(true);
    expect(badge('github.pr_review').textContent).toMatch(/^send/);
    expect(within(tools).getByText('List pull requests in a repository.')).toBeTruthy();

    fireEvent.click(within(github).getByRole('button', { name: 'Hide tools' }));
    expect(within(github).queryByRole('list')).toBeNull();
    fireEvent.click(within(server('Google — Gmail & Calendar')).getByRole('button', { name: 'Show tools (9)' }));
    const google = within(server('Google — Gmail & Calendar')).getByRole('list', { name: 'Tools of Google — Gmail & Calendar' });
    expect(within(google).getByTitle('Only drafts — nothing leaves until you send it').textContent).toMatch(/^draft/);
  });

  it('re-renders a crash, its countdown and the restart, live from mcp.changed', async () => {
    const core = await start({ integrations: { servers: [external({ status: 'running' })] } });
    const files = server('files');
    expect(pill(files)).toBe('Running');

    act(() =>
      core.emit('mcp.changed', {
        server: external({
          status: 'crashed',
          restarts: 2,
          nextRestartAt: Date.now() + 5_000,
          lastError: {
            message: 'files exited with code 1: Error: EACCES /Users/ada/work',
            hint: 'Check that the working directory exists and is readable.',
            at: Date.now(),
          },
        }),
        removedId: null,
      }),
    );
    expect(pill(files)).toMatch(/^Crashed — restarting in [45]s$/);
    expect(within(files).getByText(/restarted 2 times/)).toBeTruthy();
    expect(within(files).getByText('files exited with code 1: Error: EACCES /Users/ada/work')).toBeTruthy();
    expect(within(files).getByText(/Check that the working directory exists/)).toBeTruthy();

    act(() => core.emit('mcp.changed', { server: external({ status: 'running', restarts: 2 }), removedId: null }));
    expect(pill(files)).toBe('Running');
    expect(within(files).queryByText(/EACCES/)).toBeNull();

    act(() => core.emit('mcp.changed', { server: null, removedId: 'files' }));
    expect(within(screen.getByRole('list', { name: 'MCP servers' })).queryByRole('listitem', { name: 'files' })).toBeNull();
  });

  it('shows the exact, whole command before consent and sends exactly that command line', async () => {
    const core = await start({ integrations: { servers: [external()] } });
    const files = server('files');
    expect(pill(files)).toBe('Needs your consent');
    const consent = within(files).getByRole('group', { name: 'Izzie hasn’t run files yet' });
    const command = within(consent).getByRole('figure', { name: 'Command' }).querySelector('pre');
    expect(command?.textContent).toBe(SHOWN);
    expect(command?.textContent).toBe(formatCommandLine(COMMAND));
    expect(within(consent).getByText('/Users/ada/work')).toBeTruthy();
    expect(
      within(within(consent).getByRole('list', { name: 'Secret environment variables' })).getByText('FILES_TOKEN'),
    ).toBeTruthy();
    expect(consent.textContent).toContain('with your user’s permissions');

    fireEvent.click(within(consent).getByRole('button', { name: 'Run this server' }));
    await waitFor(() => expect(pill(files)).toBe('Running'));
    expect(core.callsTo('mcp.consent')).toEqual([{ method: 'mcp.consent', params: { id: 'files', commandLine: SHOWN } }]);
    expect(within(files).queryByRole('group')).toBeNull();
    expect(within(files).getByRole('button', { name: 'Show tools (1)' })).toBeTruthy();
  });

  it('shows the core’s refusal when the command changed behind the panel', async () => {
    const core = await start({ integrations: { servers: [external()] } });
    // Changed in the core without an event reaching this window: the panel still shows the old one.
    core.integrations.servers.set('files', external({ command: { ...COMMAND, args: ['--root', '/'] } }));
    fireEvent.click(within(server('files')).getByRole('button', { name: 'Run this server' }));
    expect((await within(server('files')).findByRole('alert')).textContent).toBe(
      'The command for files is not the one you were shown. Review it again before agreeing.',
    );
    expect(core.callsTo('mcp.consent')[0]?.params).toEqual({ id: 'files', commandLine: SHOWN });
  });

  it('adds a command server with one argument per line and secret environment values', async () => {
    const core = await start();
    const open = screen.getByRole('button', { name: 'Add server' });
    open.focus();
    fireEvent.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Add an MCP server' });
    const name = within(dialog).getByLabelText('Name');
    expect(document.activeElement).toBe(name);

    type(name, 'Files Server');
    type(within(dialog).getByLabelText('Command'), 'npx');
    type(within(dialog).getByLabelText('Arguments'), '-y\n@modelcontextprotocol/server-filesystem\n\n/Users/ada/My Documents\n');
    type(within(dialog).getByLabelText('Working directory'), '/Users/ada');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add variable' }));
    type(within(dialog).getByLabelText('Variable 1 name'), 'FILES_TOKEN');
    const value = within(dialog).getByLabelText<HTMLInputElement>('Variable 1 value');
    expect(value.type).toBe('password');
    type(value, 's3cret-value');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add server' }));

    await waitFor(() => expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toContain('Use lowercase letters, digits and "-" (up to 32), starting with a letter');

    type(within(dialog).getByLabelText('Name'), 'files');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add server' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.callsTo('mcp.add').at(-1)?.params).toEqual({
      transport: 'stdio',
      name: 'files',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/ada/My Documents'],
      cwd: '/Users/ada',
      env: { FILES_TOKEN: 's3cret-value' },
    });
    expect(document.activeElement).toBe(open);
    expect(pill(server('files'))).toBe('Needs your consent');
    expect(screen.getByText(/^Added files\. Review its command below and agree before it runs\.$/)).toBeTruthy();
    expect(core.integrations.vault.get('mcp/files/FILES_TOKEN')).toBe('s3cret-value');
    expect(document.body.textContent).not.toContain('s3cret-value');
  });

  it('adds a URL server with secret headers, and Escape closes the dialog', async () => {
    const core = await start();
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    let dialog = screen.getByRole('dialog', { name: 'Add an MCP server' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    dialog = screen.getByRole('dialog', { name: 'Add an MCP server' });
    type(within(dialog).getByLabelText('Name'), 'search');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'URL (HTTP)' }));
    expect(within(dialog).queryByLabelText('Command')).toBeNull();
    type(within(dialog).getByLabelText('URL'), 'https://mcp.example.com/mcp');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add header' }));
    type(within(dialog).getByLabelText('Header 1 name'), 'Authorization');
    type(within(dialog).getByLabelText('Header 1 value'), 'Bearer abc');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add header' }));
    type(within(dialog).getByLabelText('Header 2 value'), 'orphan');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add server' }));
    expect(dialog.textContent).toContain('Give every header a name.');
    expect(core.callsTo('mcp.add')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove header 2' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add server' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.callsTo('mcp.add')[0]?.params).toEqual({
      transport: 'http',
      name: 'search',
      url: 'https://mcp.example.com/mcp',
      headers: { Authorization: 'Bearer abc' },
    });
    const search = server('search');
    expect(pill(search)).toBe('Running');
    expect(within(search).getByText('Headers from your keychain: Authorization')).toBeTruthy();
  });

  it('imports a Claude Desktop file and reports what was added and what was skipped', async () => {
    const core = await start();
    fireEvent.click(screen.getByRole('button', { name: 'Import from Claude Desktop' }));
    const dialog = screen.getByRole('dialog', { name: 'Import from Claude Desktop' });
    const text = within(dialog).getByLabelText<HTMLTextAreaElement>('Configuration (JSON)');
    expect(document.activeElement).toBe(text);

    type(text, '{ "mcpServers": ');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^This is not valid JSON: /);
    expect(core.callsTo('mcp.import')).toHaveLength(0);

    type(text, '{ "servers": {} }');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This is not a Claude Desktop configuration: it has no "mcpServers" object mapping names to servers.',
    );

    const json = JSON.stringify({
      mcpServers: {
        files: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/ada'] },
        linear: { url: 'https://mcp.linear.app/mcp' },
        empty: {},
        'My Server': { command: 'node', args: ['server.js'] },
      },
    });
    const file = new File([json], 'claude_desktop_config.json', { type: 'application/json' });
    fireEvent.change(within(dialog).getByLabelText('Choose a file…'), { target: { files: [file] } });
    await waitFor(() => expect(text.value).toBe(json));
    expect(within(dialog).getByText('Read from claude_desktop_config.json. Check it, then import.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));

    expect(await within(dialog).findByRole('heading', { name: 'Added 1 server' })).toBeTruthy();
    expect(core.callsTo('mcp.import').at(-1)?.params).toEqual({ json });
    const added = within(dialog).getByRole('list', { name: 'Added servers' });
    expect(added.textContent).toContain('files — needs your consent before it runs');
    const skipped = within(within(dialog).getByRole('list', { name: 'Skipped servers' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(skipped).toEqual([
      'linear — "linear" is the name of a built-in server; choose another.',
      'empty — It has neither a command to run nor a url to connect to.',
      expect.stringMatching(/^My Server — name: Use lowercase letters/),
    ]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(pill(server('files'))).toBe('Needs your consent');
  });

  it('disables, enables, restarts and (after asking) removes a server of the person’s own', async () => {
    const core = await start({ integrations: { servers: [] } });
    await act(() =>
      core.client.call('mcp.add', { transport: 'http', name: 'search', url: 'https://mcp.example.com/mcp', headers: { A: 'b' } }),
    );
    const search = () => server('search');
    fireEvent.click(within(search()).getByRole('button', { name: 'Disable' }));
    fireEvent.click(await ready(search, 'Enable'));
    expect(pill(search())).toBe('Disabled');
    expect(within(search()).queryByRole('button', { name: 'Restart' })).toBeNull();
    fireEvent.click(await ready(search, 'Restart'));
    expect(pill(search())).toBe('Running');
    await waitFor(() => expect(within(search()).getByText(/restarted 1 time$/)).toBeTruthy());
    expect(core.callsTo('mcp.setEnabled').map((c) => c.params)).toEqual([
      { id: 'search', enabled: false },
      { id: 'search', enabled: true },
    ]);

    fireEvent.click(await ready(search, 'Remove'));
    const dialog = screen.getByRole('dialog', { name: 'Remove search?' });
    expect(dialog.textContent).toContain('deletes its header values from your keychain');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'search' })).toBeNull());
    expect(core.callsTo('mcp.remove')).toEqual([{ method: 'mcp.remove', params: { id: 'search' } }]);
    expect(core.integrations.vault.has('mcp/search/A')).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'MCP servers' }));
  });

  it('toasts a failed action in the core’s words', async () => {
    const core = await start({
      integrations: { servers: [external({ status: 'running' })] },
      failures: { 'mcp.restart': { code: 'UNAVAILABLE', message: 'files did not start within 10 seconds.' } },
    });
    fireEvent.click(within(server('files')).getByRole('button', { name: 'Restart' }));
    const toasts = screen.getByRole('region', { name: 'Notifications' });
    expect(await within(toasts).findByText('Couldn’t restart files.')).toBeTruthy();
    expect(within(toasts).getByText('files did not start within 10 seconds.')).toBeTruthy();
    expect(core.callsTo('mcp.restart')).toHaveLength(1);
  });
});
