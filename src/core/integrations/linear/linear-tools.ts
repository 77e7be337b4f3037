import type { BuiltinTool } from '../kit/builtin-tool';
import type { LinearConnection } from './linear-client';
import { commentTools } from './comment-tools';
import { issueTools } from './issue-tools';

export const LINEAR_SERVER = { name: 'linear', version: '1.0.0' } as const;

/** The built-in Linear server's tools, acting with the connected user's API key. */
export function linearTools(deps: LinearConnection): BuiltinTool[] {
  return [...issueTools(deps), ...commentTools(deps)];
}
