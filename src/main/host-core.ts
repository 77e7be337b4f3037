import type { Core } from '../core';

/** The part of the core the Electron host talks to after start-up (tests pass a small fake). */
export type HostCore = Pick<Core, 'handle' | 'subscribe' | 'client'>;
