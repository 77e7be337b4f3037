import type { Handlers } from '../handler-types';
import { activityHandlers } from './activity-handlers';
import { appHandlers } from './app-handlers';
import { approvalHandlers } from './approval-handlers';
import { auditHandlers } from './audit-handlers';
import { chatHandlers } from './chat-handlers';
import { integrationHandlers } from './integration-handlers';
import { memoryHandlers } from './memory-handlers';
import { modelHandlers } from './model-handlers';
import { personaHandlers } from './persona-handlers';
import { settingsHandlers } from './settings-handlers';

/** Every method in the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...chatHandlers,
  ...personaHandlers,
  ...modelHandlers,
  ...integrationHandlers,
  ...memoryHandlers,
  ...activityHandlers,
  ...approvalHandlers,
  ...auditHandlers,
};
