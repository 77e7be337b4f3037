import { describe, expect, it } from 'vitest';
import { AddServerInput } from '../../shared';
import { parseClaudeDesktopConfig } from './claude-desktop-config';

describe('parseClaudeDesktopConfig', () => {
  it('reads stdio and HTTP servers in the shape mcp.add takes', () => {
    const result = parseClaudeDesktopConfig(
      JSON.stringify({
        mcpServers: {
          filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Desktop'] },
          github: { command: 'docker', args: ['run', '-i', 'ghcr.io/github/github-mcp-server'], env: { GITHUB_TOKEN: 'ghp_x' } },
          notes: { command: 'node', cwd: '/opt/notes', type: 'stdio' },
          remote: { type: 'http', url: 'https://mcp.example.test/mcp', headers: { Authorization: 'Bearer abc' } },
          plain: { url: 'https://other.example.test/mcp' },
        },
      }),
    );

    expect(result.skipped).toEqual([]);
    expect(result.servers).toEqual([
      {
        transport: 'stdio',
        name: 'filesystem',
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Desktop'],
        env: {},
      },
      {
        transport: 'stdio',
        name: 'github',
        command: 'docker',
        args: ['run', '-i', 'ghcr.io/github/github-mcp-server'],
        env: { GITHUB_TOKEN: 'ghp_x' },
      },
      { transport: 'stdio', name: 'notes', command: 'node', args: [], env: {}, cwd: '/opt/notes' },
      { transport: 'http', name: 'remote', url: 'https://mcp.example.test/mcp', headers: { Authorization: 'Bearer abc' } },
      { transport: 'http', name: 'plain', url: 'https://other.example.test/mcp', headers: {} },
    ]);
    for (const server of result.servers) expect(AddServerInput.safeParse(server).success).toBe(true);
  });

  it('refuses text that is not JSON, saying where', () => {
    const text = '{\n  "mcpServers": {\n    "a": { "command": "x" }\n    "b": {}\n  }\n}';
    expect(() => parseClaudeDesktopConfig(text)).toThrow(
      /^The file is not valid JSON: .*\(line 4, column 5\)\.$|line 4 column 5/,
    );
    expect(() => parseClaudeDesktopConfig('')).toThrow(/^The file is not valid JSON: /);
  });

  it('refuses JSON without an mcpServers object', () => {
    expect(() => parseClaudeDesktopConfig('{"servers": {}}')).toThrow(/no "mcpServers" object/);
    expect(() => parseClaudeDesktopConfig('[1, 2]')).toThrow(/no "mcpServers" object/);
  });

  it('normalises names to the server-name rule and makes them unique', () => {
    const result = parseClaudeDesktopConfig(
      JSON.stringify({
        mcpServers: {
          'My Server (beta)': { command: 'a' },
          my_server_beta: { command: 'b' },
          'Café Notes': { command: 'c' },
          '42-things': { command: 'd' },
          'A very long server name that goes on and on': { command: 'e' },
          '🙂': { command: 'f' },
          github: { command: 'g' },
        },
      }),
      ['github'],
    );
    expect(result.servers.map((s) => s.name)).toEqual([
      'my-server-beta',
      'my-server-beta-2',
      'cafe-notes',
      'things',
      'a-very-long-server-name-that-goe',
      'github-2',
    ]);
    expect(result.skipped).toEqual([{ name: '🙂', reason: expect.stringContaining('"🙂" cannot be made into a server name') }]);
  });

  it('skips SSE servers and entries it cannot use, each with a reason, and keeps the rest', () => {
    const result = parseClaudeDesktopConfig(
      JSON.stringify({
        mcpServers: {
          good: { command: 'uvx', args: ['mcp-server-time'] },
          'old-remote': { type: 'sse', url: 'https://old.example.test/sse' },
          'guessed-sse': { url: 'https://old.example.test/v1/sse' },
          empty: {},
          both: { command: 'x', url: 'https://x.example.test/mcp' },
          'bad-args': { command: 'x', args: 'not-a-list' },
          'bad-env': { command: 'x', env: { 'NOT VALID': '1' } },
          'ftp-url': { url: 'ftp://files.example.test/mcp' },
          websocket: { type: 'ws', url: 'wss://x.example.test' },
          scalar: 7,
        },
      }),
    );

    expect(result.servers.map((s) => s.name)).toEqual(['good']);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.name, s.reason]));
    expect(Object.keys(reasons)).toEqual([
      'old-remote',
      'guessed-sse',
      'empty',
      'both',
      'bad-args',
      'bad-env',
      'ftp-url',
      'websocket',
      'scalar',
    ]);
    expect(reasons['old-remote']).toMatch(/SSE transport, which the MCP SDK has deprecated/);
    expect(reasons['guessed-sse']).toMatch(/SSE transport/);
    expect(reasons.empty).toBe('It has neither a command to run nor a url to connect to.');
    expect(reasons.both).toMatch(/both a command and a url/);
    expect(reasons['bad-args']).toMatch(/^The entry is not a valid server: args: /);
    expect(reasons['bad-env']).toMatch(/Not a valid environment variable name/);
    expect(reasons['ftp-url']).toMatch(/Enter an http\(s\) URL/);
    expect(reasons.websocket).toMatch(/type "ws" is not one Izzie knows/);
    expect(reasons.scalar).toMatch(/^The entry is not a valid server/);
  });
});
