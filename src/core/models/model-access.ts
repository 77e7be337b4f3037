import type { ModelReadiness } from '../chat/messages-service';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../log/logger';
import type { Clock, SecretStore } from '../ports';
import type { Db } from '../store/database';
import type { ModelRouter } from './model-types';

/** What the rest of the core needs from the model layer. */
export interface ModelAccess {
  readonly router: ModelRouter;
  readonly readiness: ModelReadiness;
}

export interface ModelAccessDeps {
  readonly db: Db;
  readonly secrets: SecretStore;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly log: Logger;
}
