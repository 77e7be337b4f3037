import { useActivity } from '../stores/activity';
import { useApprovals } from '../stores/approvals';
import { useAudit } from '../stores/audit';
import { useBanners } from '../stores/banners';
import { useConnection } from '../stores/connection';
import { useIntegrations } from '../stores/integrations';
import { useMemory } from '../stores/memory';
import { useMessages } from '../stores/messages';
import { useModels } from '../stores/models';
import { useNavigation } from '../stores/navigation';
import { usePermissions } from '../stores/permissions';
import { usePersonas } from '../stores/personas';
import { useRuns } from '../stores/runs';
import { useSettings } from '../stores/settings';
import { useThreads } from '../stores/threads';
import { useToasts } from '../stores/toasts';

const stores = [
  useActivity,
  useApprovals,
  useAudit,
  useBanners,
  useConnection,
  useIntegrations,
  useMemory,
  useMessages,
  useModels,
  useNavigation,
  usePermissions,
  usePersonas,
  useRuns,
  useSettings,
  useThreads,
  useToasts,
] as const;
const initial = stores.map((store) => store.getState());

/** Module-level stores outlive a test; put every one back to how it started. */
export function resetStores(): void {
  stores.forEach((store, i) => (store.setState as (state: unknown, replace: true) => void)(initial[i], true));
}
