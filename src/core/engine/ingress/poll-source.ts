import type { IzzieEvent } from '../../../shared';

/** An event a poller found; it goes on the bus with source `poll`. Its id must be stable for the item's state. */
export type PolledEvent = Omit<IzzieEvent, 'source'>;

export interface PollResult {
  readonly events: readonly PolledEvent[];
  /** Where the next poll starts (a history id, a sync token, a time). */
  readonly cursor: string;
}

/**
 * One thing to poll in one connected account (Gmail history, a calendar, GitHub notifications,
 * Linear issues). Works with no relay: Izzie asks on an interval.
 */
export interface PollSource {
  /** Stable and unique, prefixed by the integration: `google:gmail`, `github:notifications`. */
  readonly id: string;
  /** For people: "Gmail", "GitHub notifications". */
  readonly label: string;
  readonly intervalMs: number;
  /**
   * From `cursor` to now. With no cursor (first poll, or after a reconnect) it only finds where now
   * is and returns no events: the mailbox's history is not news.
   */
  poll(cursor: string | null, signal: AbortSignal): Promise<PollResult>;
}
