import { CoreError } from '../errors';
import type { AttemptFailure } from './attempt-failure';
import { SETTINGS_PLACE } from './model-config-service';
import type { Tier } from './model-types';

export interface CallContext {
  /** The provider as messages name it, e.g. "OpenRouter". */
  readonly label: string;
  readonly tier: Tier;
}

export const formatDuration = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

export const cancelled = (): CoreError => new CoreError('CANCELLED', 'Stopped: the model call was cancelled.');

const said = (failure: AttemptFailure): string =>
  failure.status === null ? failure.detail : `${failure.status} ${failure.detail}`.trim();

/** A failure that retrying cannot fix: the key, the model id, or the request itself. */
export function notRetryable(failure: AttemptFailure, model: string, ctx: CallContext): CoreError {
  switch (failure.kind) {
    case 'bad-key':
      return new CoreError(
        'PROVIDER_NOT_CONFIGURED',
        `${ctx.label} refused the API key (401). Check the key in ${SETTINGS_PLACE}.`,
      );
    case 'forbidden':
      return new CoreError(
        'PROVIDER_UNAVAILABLE',
        `${ctx.label} refused the request for ${model} (403: ${failure.detail}). Check that the API key in ${SETTINGS_PLACE} may use this model.`,
      );
    case 'not-found':
      return new CoreError(
        'PROVIDER_UNAVAILABLE',
        `${ctx.label} does not know the model "${model}" of the ${ctx.tier} tier (404: ${failure.detail}). ` +
          `Pick another model for the ${ctx.tier} tier in ${SETTINGS_PLACE}.`,
      );
    default:
      return new CoreError('PROVIDER_UNAVAILABLE', `${ctx.label} rejected the request for ${model} (${said(failure)}).`);
  }
}

export function waitTooLong(failure: AttemptFailure, waitMs: number, now: number, ctx: CallContext): CoreError {
  const at = new Date(now + waitMs);
  const clock = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return new CoreError(
    'PROVIDER_UNAVAILABLE',
    `${ctx.label} is busy (${said(failure)}) and asks to wait ${Math.ceil(waitMs / 1000)} s. Try again after ${clock}.`,
  );
}

export function exhausted(attempts: ReadonlyArray<{ model: string; failure: AttemptFailure }>, ctx: CallContext): CoreError {
  const perModel = new Map<string, number>();
  for (const { model } of attempts) perModel.set(model, (perModel.get(model) ?? 0) + 1);
  const tried = [...perModel].map(([model, n]) => `${model} ${n}×`).join(', then ');
  const last = attempts.at(-1)?.failure;
  return new CoreError(
    'PROVIDER_UNAVAILABLE',
    `${ctx.label} could not answer for the ${ctx.tier} tier (tried ${tried}). It last said: ${last ? said(last) : 'nothing'}. Try again in a moment.`,
  );
}

/** `code: message` for the audit log's error column. */
export function auditError(failure: AttemptFailure): string {
  if (failure.kind === 'cancelled') return `CANCELLED: ${failure.detail}`;
  return `${failure.status ?? failure.kind}: ${failure.detail}`;
}
