import { PlaceholderPage } from '../../components/PlaceholderPage';

export function ApprovalsPage() {
  return (
    <PlaceholderPage title="Approvals" subtitle="Izzie asks before it acts as you." icon="approvals" emptyTitle="All clear">
      Actions Izzie wants to take on your behalf — sending an email, posting to Slack, creating an issue — wait here for your yes
      or no. Nothing is waiting.
    </PlaceholderPage>
  );
}
