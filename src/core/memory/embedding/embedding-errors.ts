import { CoreError } from '../../errors';
import type { AttemptFailure } from '../../models/attempt-failure';
import { SETTINGS_PLACE } from '../../models/model-config-service';

export const embeddingCancelled = (): CoreError => new CoreError('CANCELLED', 'Stopped: the embedding request was cancelled.');

export const embedderClosed = (): CoreError =>
  new CoreError('UNAVAILABLE', 'The embedder was closed (Izzie is shutting down or switching embedders).');

/** The local model's thread failed to load, crashed or was stopped; the next call starts a fresh one. */
export const localModelFailed = (what: string): CoreError =>
  new CoreError('UNAVAILABLE', `The local embedding model ${what}. Izzie starts it again on the next request.`);

const said = (failure: AttemptFailure): string =>
  failure.status === null ? failure.detail : `${failure.status} ${failure.detail}`.trim();

/** A failure that retrying cannot fix: the key, the model id, or the request itself. */
export function embeddingRefused(failure: AttemptFailure, model: string, label: string): CoreError {
  switch (failure.kind) {
    case 'bad-key':
      return new CoreError('PROVIDER_NOT_CONFIGURED', `${label} refused the API key (401). Check the key in ${SETTINGS_PLACE}.`);
    case 'not-found':
      return new CoreError(
        'PROVIDER_UNAVAILABLE',
        `${label} does not know the embedding model "${model}" (404: ${failure.detail}). Choose another embedding model for memory.`,
      );
    default:
      return new CoreError('PROVIDER_UNAVAILABLE', `${label} refused the embedding request for ${model}: ${said(failure)}.`);
  }
}

export function embeddingWaitTooLong(failure: AttemptFailure, waitMs: number, label: string): CoreError {
  return new CoreError(
    'PROVIDER_UNAVAILABLE',
    `${label} is busy (${said(failure)}) and asks to wait ${Math.ceil(waitMs / 1000)} s before embedding more text. Try again later.`,
  );
}

export function embeddingExhausted(failure: AttemptFailure, attempts: number, label: string): CoreError {
  return new CoreError(
    'PROVIDER_UNAVAILABLE',
    `${label} could not embed the text (tried ${attempts}×). It last said: ${said(failure)}. Try again in a moment.`,
  );
}

export const embeddingUnusable = (label: string, model: string, why: string): CoreError =>
  new CoreError(
    'PROVIDER_UNAVAILABLE',
    `${label} answered the embedding request for ${model} with something Izzie cannot use: ${why}.`,
  );

export const dimensionChanged = (label: string, model: string, expected: number, got: number): CoreError =>
  new CoreError(
    'PROVIDER_UNAVAILABLE',
    `${label} returned ${got}-dimensional vectors for ${model}, but its earlier vectors had ${expected} dimensions. ` +
      'Vectors of different sizes cannot be compared; choose the embedding model again to re-index memory.',
  );
