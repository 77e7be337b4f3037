import { z } from 'zod';
import { IzzieEvent, eventTypeMatches } from '../../shared';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { EngineEventsRepo, NewRun } from '../store/engine-events-repo';
import { isCronTrigger, type EngineFunction } from './engine-function';

export interface Published {
  readonly id: string;
  /** True when an event with this id was already stored: nothing new runs. */
  readonly duplicate: boolean;
  /** Functions whose runs this event started. */
  readonly functionIds: readonly string[];
}

/**
 * The one way into the engine. An event is validated, stored with the runs it starts in one
 * transaction, and only then acknowledged; the same id again is a no-op.
 */
export class EventBus {
  constructor(
    private readonly deps: {
      repo: EngineEventsRepo;
      functions: () => readonly EngineFunction[];
      clock: Clock;
      newId: () => string;
      log: Logger;
      /** Called after an event started runs, so the engine looks for work. */
      onRunsQueued: () => void;
    },
  ) {}

  publish(input: unknown): Published {
    const parsed = IzzieEvent.safeParse(input);
    if (!parsed.success) {
      throw new CoreError('INVALID_INPUT', `The event was refused: ${z.prettifyError(parsed.error)}`);
    }
    const event = parsed.data;
    const functions = this.deps.functions().filter((fn) => this.accepts(fn, event));
    return this.store(event, functions);
  }

  /** A cron fire: stored as a `schedule/trigger` event for that one function, with the cursor move. */
  publishFire(fn: EngineFunction, fireAt: number, missed: number, moveCursor: () => void): Published {
    const event: IzzieEvent = {
      id: `cron:${fn.id}:${fireAt}`,
      type: 'schedule/trigger',
      source: 'schedule',
      timestamp: fireAt,
      data: { functionId: fn.id, scheduledFor: fireAt, missed },
      metadata: {},
    };
    return this.store(event, [fn], moveCursor);
  }

  /** A person asked to run the function now: a `schedule/trigger` event for that one function. */
  publishManual(fn: EngineFunction, at: number): Published {
    const event: IzzieEvent = {
      id: `manual:${fn.id}:${at}`,
      type: 'schedule/trigger',
      source: 'user',
      timestamp: at,
      data: { functionId: fn.id, scheduledFor: at, missed: 0, manual: true },
      metadata: {},
    };
    return this.store(event, [fn]);
  }

  private store(event: IzzieEvent, functions: readonly EngineFunction[], alsoInTransaction?: () => void): Published {
    const now = this.deps.clock.now();
    const runs: NewRun[] = functions.map((fn) => ({ id: this.deps.newId(), functionId: fn.id, wakeAt: now }));
    const stored = this.deps.repo.insert(event, now, runs, alsoInTransaction);
    if (stored && runs.length > 0) this.deps.onRunsQueued();
    return { id: event.id, duplicate: !stored, functionIds: stored ? functions.map((fn) => fn.id) : [] };
  }

  private accepts(fn: EngineFunction, event: IzzieEvent): boolean {
    if (isCronTrigger(fn.trigger) || !eventTypeMatches(fn.trigger.event, event.type)) return false;
    try {
      return fn.trigger.if?.(event) ?? true;
    } catch (error) {
      this.deps.log.error('a trigger condition threw; the function does not run for this event', {
        functionId: fn.id,
        eventId: event.id,
        error,
      });
      return false;
    }
  }
}
