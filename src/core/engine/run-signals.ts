/**
 * Control flow out of a handler. Thrown by the step tools and caught by the executor; a handler
 * that catches everything must rethrow these (`isRunSignal`), or its run cannot suspend.
 */

/** The run waits: a step will retry at `wakeAt` (`queued`), or a sleep ends then (`sleeping`). */
export class RunSuspended extends Error {
  constructor(
    readonly status: 'queued' | 'sleeping',
    readonly wakeAt: number,
  ) {
    super(`the run suspends until ${new Date(wakeAt).toISOString()}`);
    this.name = 'RunSuspended';
  }
}

/** The run was cancelled (by the person) while it ran. */
export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'RunCancelled';
  }
}

/** A step failed on its last try. Uncaught, it fails the run; a handler may catch it and go on. */
export class StepGaveUp extends Error {
  constructor(
    readonly stepName: string,
    readonly attempts: number,
    readonly reason: string,
  ) {
    super(`Step "${stepName}" failed after ${attempts} ${attempts === 1 ? 'try' : 'tries'}: ${reason}`);
    this.name = 'StepGaveUp';
  }
}

export const isRunSignal = (error: unknown): boolean => error instanceof RunSuspended || error instanceof RunCancelled;

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}
