/**
 * Keeps secrets out of log lines. Two nets: values under secret-looking keys are replaced, and any
 * string registered as a secret (the per-launch token, API keys once loaded) is masked wherever it
 * appears, including inside URLs and error messages.
 */
const SECRET_KEY = /(token|secret|password|passphrase|api[-_]?key|authorization|cookie|credential|private[-_]?key)/i;
const MIN_SECRET_LENGTH = 6;
export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  addSecret(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH) this.secrets.add(value);
  }

  redactString(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  redact(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > 6) return '[deep]';
    if (value instanceof Error) {
      return {
        name: value.name,
        message: this.redactString(value.message),
        stack: value.stack && this.redactString(value.stack),
      };
    }
    if (Array.isArray(value)) return value.slice(0, 50).map((item) => this.redact(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? REDACTED : this.redact(inner, depth + 1);
    }
    return out;
  }
}
