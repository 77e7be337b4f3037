import type { MethodName, MethodParams, MethodResult } from '../../shared';
import type { AuditService } from '../audit/audit-service';
import type { Policy } from '../policy/create-policy';
import type { AuditLog } from '../audit/audit-log';
import type { ChatAgent } from '../agents/chat/chat-agent';
import type { IntegrationsService } from '../integrations/connections/integrations-service';
import type { McpServersService } from '../integrations/mcp-servers-service';
import type { MemoryService } from '../memory/memory-service';
import type { ActivityService } from '../engine/activity-service';
import type { NotificationsService } from '../notifications/notifications-service';
import type { PersonasService } from '../agents/personas/personas-service';
import type { MessagesService } from '../chat/messages-service';
import type { ModelServices } from '../models/model-services';
import type { VaultStatus } from '../../shared';
import type { Clock } from '../ports';
import type { ThreadsService } from '../chat/threads-service';
import type { SettingsService } from '../settings/settings-service';
import type { AppInfo } from '../../shared';

/** What handlers may use. Handlers stay thin: parse (done by the router) -> service -> result. */
export interface HandlerContext {
  readonly appInfo: () => Promise<AppInfo>;
  readonly settings: SettingsService;
  readonly threads: ThreadsService;
  readonly messages: MessagesService;
  readonly agent: ChatAgent;
  readonly personas: PersonasService;
  readonly models: ModelServices;
  readonly vault: { status(): VaultStatus; open(): Promise<VaultStatus> };
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly integrations: IntegrationsService;
  readonly mcpServers: McpServersService;
  readonly memory: MemoryService;
  readonly activity: ActivityService;
  readonly notifications: NotificationsService;
  readonly policy: Policy;
  readonly auditView: AuditService;
}

export type Handler<M extends MethodName> = (
  params: MethodParams<M>,
  ctx: HandlerContext,
) => MethodResult<M> | Promise<MethodResult<M>>;

export type Handlers = { readonly [M in MethodName]: Handler<M> };

/** Declares a domain's handlers; the compiler checks each against the contract. */
export function defineHandlers<const H extends { [M in keyof H]: M extends MethodName ? Handler<M> : never }>(handlers: H): H {
  return handlers;
}
