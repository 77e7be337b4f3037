import type { ComponentType } from 'react';
import { ActivityPage } from '../features/activity/ActivityPage';
import { ApprovalsPage } from '../features/approvals/ApprovalsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { ChatPage } from '../features/chat/ChatPage';
import { IntegrationsPage } from '../features/integrations/IntegrationsPage';
import { MemoryPage } from '../features/memory/MemoryPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useNavigation, type PageId } from '../stores/navigation';

const PAGES: Record<PageId, ComponentType> = {
  chat: ChatPage,
  approvals: ApprovalsPage,
  activity: ActivityPage,
  memory: MemoryPage,
  audit: AuditPage,
  integrations: IntegrationsPage,
  settings: SettingsPage,
};

export function PageOutlet() {
  const page = useNavigation((s) => s.page);
  const Page = PAGES[page];
  return <Page />;
}
