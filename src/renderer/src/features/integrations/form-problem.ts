import { RpcError } from '../../../../shared';
import { describeError } from '../../stores/banners';

/** What went wrong with a submitted form: sentences per field, and one for the form as a whole. */
export interface FormProblem<F extends string = string> {
  readonly message: string | null;
  readonly fields: Partial<Record<F, string>>;
}

export const NO_PROBLEM: FormProblem<never> = { message: null, fields: {} };

/**
 * Splits the core's INVALID_INPUT sentence ("Invalid input for mcp.add: name: Use lowercase…;
 * env.MY-VAR: Invalid key in record") into messages for the fields the form shows, so each appears
 * under its own input. Anything else (a service refusing a token, a conflict) is one sentence for
 * the whole form.
 */
export function toFormProblem<F extends string>(error: unknown, fields: readonly F[]): FormProblem<F> {
  const text = describeError(error);
  const body = /^Invalid input for [\w.]+: (.*)$/s.exec(text)?.[1];
  if (!(error instanceof RpcError) || error.code !== 'INVALID_INPUT' || body === undefined) return { message: text, fields: {} };

  const byField: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  for (const part of body.replace(/ \(and \d+ more\)$/, '').split('; ')) {
    const match = /^([A-Za-z]+)(?:\.([^:]*))?: (.*)$/s.exec(part);
    const field = fields.find((name) => name === match?.[1]);
    if (!match || !field) {
      rest.push(part);
      continue;
    }
    const [, , key, message = ''] = match;
    // A record key the schema refused says only "Invalid key in record"; name the key instead.
    const sentence = key && /^Invalid key in record$/i.test(message) ? `“${key}” is not a valid name.` : message;
    byField[field] ??= sentence;
  }
  return { message: rest.length > 0 ? rest.join(' ') : null, fields: byField };
}
