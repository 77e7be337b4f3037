import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir';
import { createFileLogger } from './logger';
import { REDACTED, Redactor } from './redact';

describe('logging', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('writes one JSON object per line with level, scope and fields', () => {
    const log = createFileLogger(join(dir.path, 'logs', 'izzie.log'));
    log.child('rpc').info('hello', { method: 'app.info' });
    log.debug('hidden below the threshold');
    log.close();
    const lines = readFileSync(log.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ level: 'info', scope: 'izzie.rpc', msg: 'hello', method: 'app.info' })]);
  });

  it('never writes a registered secret or a secret-named field in clear', () => {
    const log = createFileLogger(join(dir.path, 'izzie.log'));
    const token = 'f00dfeedcafe1234beef';
    log.redactor.addSecret(token);
    log.warn(`refused ws://127.0.0.1:4000/?t=${token}`, {
      apiKey: 'sk-live-123456',
      nested: { Authorization: 'Bearer abcdef', url: `http://x/#token=${token}` },
      error: new Error(`bad token ${token}`),
    });
    log.close();
    const text = readFileSync(log.file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain('sk-live-123456');
    expect(text).not.toContain('abcdef');
    // message, apiKey, Authorization, the URL, and the error's message and stack
    expect(text.split(REDACTED).length - 1).toBe(6);
  });

  it('leaves ordinary values alone', () => {
    expect(new Redactor().redact({ method: 'threads.list', count: 3, ok: true })).toEqual({
      method: 'threads.list',
      count: 3,
      ok: true,
    });
  });
});
