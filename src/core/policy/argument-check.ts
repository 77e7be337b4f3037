import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Tool } from '../agents/tools/tool-registry';

/**
 * Checks a call's arguments against the JSON Schema the tool listed, before a proxy action is put in
 * front of the person: what they approve must be something the tool will accept. (The tool checks
 * again when it runs; this only keeps a malformed action out of the queue.)
 */
export class ArgumentCheck {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly compiled = new WeakMap<Record<string, unknown>, ValidateFunction>();

  constructor() {
    addFormats.default(this.ajv);
  }

  /** Null when the arguments fit; otherwise what is wrong, readable by the model. */
  problems(tool: Tool, args: Record<string, unknown>): string | null {
    let validate = this.compiled.get(tool.parameters);
    if (!validate) {
      try {
        validate = this.ajv.compile(tool.parameters);
      } catch {
        return null; // A schema Ajv cannot read: leave the check to the tool itself.
      }
      this.compiled.set(tool.parameters, validate);
    }
    if (validate(args)) return null;
    return (validate.errors ?? [])
      .map((e) => `${e.instancePath.slice(1).replace(/\//g, '.') || 'arguments'}: ${e.message ?? 'is invalid'}`)
      .join('; ');
  }
}
