import { PlaceholderPage } from '../../components/PlaceholderPage';

export function AuditPage() {
  return (
    <PlaceholderPage
      title="Audit"
      subtitle="A tamper-evident record of everything Izzie does."
      icon="audit"
      emptyTitle="Browsing the log comes here"
    >
      Every model call, tool call, approval and proxy action is appended to a hash-chained log on this computer. Reading,
      verifying and exporting it will happen on this page.
    </PlaceholderPage>
  );
}
