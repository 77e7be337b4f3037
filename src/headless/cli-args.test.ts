import { describe, expect, it } from 'vitest';
import { USAGE, parseCli } from './cli-args';

describe('izzie command line', () => {
  it('reads serve and its options', () => {
    expect(parseCli(['serve', '--port', '4100', '--home', '/tmp/x', '--open'])).toEqual({
      kind: 'serve',
      port: 4100,
      home: '/tmp/x',
      open: true,
      verbose: false,
    });
    expect(parseCli(['serve'])).toEqual({ kind: 'serve', port: 0, home: null, open: false, verbose: false });
  });

  it('reads models test and its tier', () => {
    expect(parseCli(['models', 'test'])).toEqual({ kind: 'models-test', tier: null, home: null });
    expect(parseCli(['models', 'test', '--tier', 'cheap', '--home', '/x'])).toEqual({
      kind: 'models-test',
      tier: 'cheap',
      home: '/x',
    });
    expect(parseCli(['models', 'test', '--tier', 'huge'])).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/thinking, standard or cheap/),
    });
    expect(parseCli(['models'])).toMatchObject({ kind: 'error', message: 'Did you mean "izzie models test"?' });
  });

  it('reads audit verify and its data directory', () => {
    expect(parseCli(['audit', 'verify'])).toEqual({ kind: 'audit-verify', home: null });
    expect(parseCli(['audit', 'verify', '--home', '/data/izzie'])).toEqual({ kind: 'audit-verify', home: '/data/izzie' });
    expect(parseCli(['--home', '/x', 'audit', 'verify'])).toEqual({ kind: 'audit-verify', home: '/x' });
  });

  it('refuses an incomplete or overlong audit command', () => {
    expect(parseCli(['audit'])).toEqual({ kind: 'error', message: 'Did you mean "izzie audit verify"?' });
    expect(parseCli(['audit', 'check'])).toEqual({ kind: 'error', message: 'Did you mean "izzie audit verify"?' });
    expect(parseCli(['audit', 'verify', 'extra'])).toEqual({ kind: 'error', message: 'Unexpected argument "extra".' });
    expect(parseCli(['audit', 'verify', '--port', '4100'])).toEqual({
      kind: 'error',
      message: '--port does not apply to "izzie audit verify".',
    });
    expect(parseCli(['audit', 'verify', '--open'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/--open/) });
    expect(parseCli(['audit', 'verify', '--home'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/--home/) });
    expect(parseCli(['audit', 'verify', '--home', ' '])).toEqual({ kind: 'error', message: '--home needs a directory.' });
  });

  it('lists audit verify and its exit codes in the help', () => {
    expect(USAGE).toMatch(/^ {2}audit verify {7}Check the audit log's hash chain/m);
    expect(USAGE).toContain('Options for audit verify:');
    expect(USAGE).toContain('Exit status: 0 intact, 1 broken (the first bad entry is named), 2 could not check');
  });

  it('prints help and version', () => {
    expect(parseCli([])).toEqual({ kind: 'help' });
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
    expect(parseCli(['-v'])).toEqual({ kind: 'version' });
  });

  it('explains bad input instead of guessing', () => {
    expect(parseCli(['serve', '--port', '70000'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/1 to 65535/) });
    expect(parseCli(['serve', '--port', '12ab'])).toMatchObject({ kind: 'error' });
    expect(parseCli(['frobnicate'])).toMatchObject({ kind: 'error', message: 'Unknown command "frobnicate".' });
    expect(parseCli(['serve', '--bogus'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/bogus/) });
  });
});
