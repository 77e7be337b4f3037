import { describe, expect, it } from 'vitest';
import { RpcError } from '../../../../shared';
import { toFormProblem } from './form-problem';

const FIELDS = ['name', 'env', 'url'] as const;

describe('toFormProblem', () => {
  it('puts each INVALID_INPUT issue under its field and names a refused record key', () => {
    const error = new RpcError(
      'INVALID_INPUT',
      'Invalid input for mcp.add: name: Use lowercase letters; env.MY-VAR: Invalid key in record; transport: Invalid input (and 2 more)',
    );
    expect(toFormProblem(error, FIELDS)).toEqual({
      message: 'transport: Invalid input',
      fields: { name: 'Use lowercase letters', env: '“MY-VAR” is not a valid name.' },
    });
  });

  it('keeps the first issue of a field when there are several', () => {
    const error = new RpcError('INVALID_INPUT', 'Invalid input for mcp.add: url: Enter an http(s) URL; url: Too big');
    expect(toFormProblem(error, FIELDS).fields).toEqual({ url: 'Enter an http(s) URL' });
  });

  it('gives any other failure to the whole form, in the core’s words', () => {
    expect(toFormProblem(new RpcError('INVALID_INPUT', 'GitHub refused the token (401).'), FIELDS)).toEqual({
      message: 'GitHub refused the token (401).',
      fields: {},
    });
    expect(toFormProblem(new RpcError('CONFLICT', 'Invalid input for x: name: taken'), FIELDS)).toEqual({
      message: 'Invalid input for x: name: taken',
      fields: {},
    });
  });
});
