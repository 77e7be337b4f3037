import { PlaceholderPage } from '../../components/PlaceholderPage';

export function MemoryPage() {
  return (
    <PlaceholderPage
      title="Memory"
      subtitle="What Izzie knows, kept on this computer."
      icon="memory"
      emptyTitle="No memories yet"
    >
      Facts Izzie remembers about you and your work will appear here — searchable, editable and yours to delete, each with where
      it came from. Nothing has been remembered yet.
    </PlaceholderPage>
  );
}
