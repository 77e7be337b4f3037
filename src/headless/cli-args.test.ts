import { describe, expect, it } from 'vitest';
import { parseCli } from './cli-args';

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
