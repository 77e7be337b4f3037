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
