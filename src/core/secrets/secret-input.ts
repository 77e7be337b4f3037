import { CoreError } from '../errors';

/**
 * Names are identifiers chosen by code (`openrouter.api-key`, `google.oauth.work`), never by what a
 * user typed: a narrow alphabet keeps them safe to show, log and use as authenticated data.
 */
const SECRET_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;
export const MAX_SECRET_BYTES = 64 * 1024;

/** The rejected name is not quoted back: a caller that mixed up arguments may have passed a value. */
export function assertSecretName(name: string): void {
  if (typeof name !== 'string' || !SECRET_NAME.test(name)) {
    throw new CoreError(
      'INVALID_INPUT',
      'Not a valid secret name: use 1–128 characters a–z, 0–9, ".", "_" or "-", starting with a letter or digit.',
    );
  }
}

/** Messages describe the value, never quote it: a rejected value may still be a real token. */
export function assertSecretValue(name: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new CoreError('INVALID_INPUT', `The value for ${name} is empty; to remove a secret, delete it instead.`);
  }
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_SECRET_BYTES) {
    throw new CoreError(
      'INVALID_INPUT',
      `The value for ${name} is ${bytes} bytes; secrets are limited to ${MAX_SECRET_BYTES} bytes.`,
    );
  }
  // A lone UTF-16 surrogate would come back as U+FFFD: the vault would return something else than
  // it was given, which for a token is as bad as garbage.
  if (Buffer.from(value, 'utf8').toString('utf8') !== value) {
    throw new CoreError('INVALID_INPUT', `The value for ${name} is not valid Unicode text (it contains a lone surrogate).`);
  }
}
