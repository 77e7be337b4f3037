import type { EventName, EventPayload, Message } from '../../../shared';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
type Activity = EventPayload<'chat.activity'>['state'];

interface ReplyStore {
  messages(): Message[];
  setMessages(messages: Message[]): void;
  now(): number;
  emit: Emit;
}

/**
 * The streaming half of the fake core. `start` does what the real chat agent does synchronously
 * (an empty `streaming` reply, then "thinking"); tests then drive the rest step by step, in the
 * same event order the core uses.
 */
export function createReplyDriver(store: ReplyStore) {
  const running = new Map<string, string>();
  const lastState = new Map<string, Activity>();

  function current(threadId: string): Message {
    const id = running.get(threadId);
    const reply = store.messages().find((m) => m.id === id);
    if (!reply) throw new Error(`fake core: no reply is running in thread ${threadId}`);
    return reply;
  }

  function replace(message: Message): Message {
    store.setMessages(store.messages().map((m) => (m.id === message.id ? message : m)));
    return message;
  }

  function activity(threadId: string, state: Activity, notice: string | null = null): void {
    lastState.set(threadId, state);
    store.emit('chat.activity', { threadId, messageId: running.get(threadId) ?? null, state, notice });
  }

  function end(threadId: string, reply: Message, failure: { code: string; message: string } | null): void {
    store.emit('messages.updated', { message: replace(reply) });
    const user = store.messages().findLast((m) => m.threadId === threadId && m.role === 'user' && m.createdAt < reply.createdAt);
    if (user && (failure || user.deliveryError)) {
      store.emit('messages.updated', { message: replace({ ...user, deliveryError: failure }) });
    }
    activity(threadId, 'idle');
    running.delete(threadId);
  }

  return {
    isRunning: (threadId: string) => running.has(threadId),
    start(threadId: string): Message {
      const reply: Message = {
        id: crypto.randomUUID(),
        threadId,
        role: 'assistant',
        content: '',
        createdAt: store.now(),
        deliveryError: null,
        status: 'streaming',
        usage: null,
        toolCalls: [],
      };
      store.setMessages([...store.messages(), reply]);
      running.set(threadId, reply.id);
      store.emit('messages.added', { message: reply });
      activity(threadId, 'thinking');
      return reply;
    },
    /** Test API: what the running reply looks like in the fake's store. */
    current,
    activity,
    /** Like the core, the first text after anything else says "streaming" first. */
    delta(threadId: string, delta: string): void {
      const reply = current(threadId);
      if (lastState.get(threadId) !== 'streaming') activity(threadId, 'streaming');
      replace({ ...reply, content: reply.content + delta });
      store.emit('chat.delta', { threadId, messageId: reply.id, delta });
    },
    /** A snapshot of the running reply (a tool call started or ended, a retry restarted the text). */
    update(threadId: string, change: Partial<Message>): void {
      store.emit('messages.updated', { message: replace({ ...current(threadId), ...change }) });
    },
    finish(threadId: string, change: Partial<Message> = {}): void {
      end(threadId, { ...current(threadId), status: 'complete', ...change }, null);
    },
    stop(threadId: string): void {
      end(threadId, { ...current(threadId), status: 'stopped' }, null);
    },
    fail(threadId: string, failure: { code: string; message: string }): void {
      end(threadId, { ...current(threadId), status: 'error' }, failure);
    },
  };
}

export type ReplyDriver = ReturnType<typeof createReplyDriver>;
