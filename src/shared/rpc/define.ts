import type { z } from 'zod';

/** A query reads; a mutation changes state and is therefore audited. */
export type MethodKind = 'query' | 'mutation';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: MethodKind;
  readonly input: I;
  readonly output: O;
  /** When true the audit log records only the input's keys, never its values (secrets, bodies). */
  readonly sensitiveInput?: boolean;
}

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { kind: 'query', input, output };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { sensitiveInput?: boolean } = {},
): MethodSpec<I, O> {
  return { kind: 'mutation', input, output, ...options };
}
