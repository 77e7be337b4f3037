import type { MemoryService } from '../../memory/memory-service';
import type { EngineFunction } from '../engine-function';

/** The seed's retention per namespace, applied nightly; a night the laptop slept is made up once. */
export function memoryRetention(memory: Pick<MemoryService, 'purge'>): EngineFunction {
  return {
    id: 'memory-retention',
    name: 'Memory retention',
    trigger: { cron: '30 3 * * *', missed: 'once' },
    // Forgetting what outlived its namespace's retention is the person's privacy, not proactive work.
    pausable: false,
    handler: async ({ step }) => ({ removed: await step.run('purge expired memories', () => memory.purge()) }),
  };
}
