import type { EventName, EventPayload, RpcEventFrame } from '../../shared';

export type EventListener = (frame: RpcEventFrame) => void;

/** Fan-out of pushed events to every connected renderer (and to hosts, e.g. the tray). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const frame: RpcEventFrame = { type: 'event', event, payload };
    for (const listener of [...this.listeners]) {
      try {
        listener(frame);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** One event, typed; for services that react to another domain's changes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    // Only `emit` writes frames, and it pairs each event with its own payload type.
    return this.subscribe((frame) => {
      if (frame.event === event) listener(frame.payload as EventPayload<E>);
    });
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
