import type { EventClassifier } from '../../agents/classifier/event-classifier';
import type { MemoryService } from '../../memory/memory-service';
import type { EngineFunction } from '../engine-function';

/**
 * Nightly housekeeping: the seed's retention per namespace, and the classifier's old cached
 * answers. A night the laptop slept through is made up once.
 */
export function memoryRetention(
  memory: Pick<MemoryService, 'purge'>,
  classifier: Pick<EventClassifier, 'prune'>,
): EngineFunction {
  return {
    id: 'memory-retention',
    name: 'Memory retention',
    trigger: { cron: '30 3 * * *', missed: 'once' },
    // Forgetting what outlived its namespace's retention is the person's privacy, not proactive work.
    pausable: false,
    handler: async ({ step }) => ({
      removed: await step.run('purge expired memories', () => memory.purge()),
      classificationsPruned: await step.run('prune old classifications', () => classifier.prune()),
    }),
  };
}
