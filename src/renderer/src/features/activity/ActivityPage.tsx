import { PlaceholderPage } from '../../components/PlaceholderPage';

export function ActivityPage() {
  return (
    <PlaceholderPage
      title="Activity"
      subtitle="What Izzie does on its own, step by step."
      icon="activity"
      emptyTitle="Nothing has run yet"
    >
      Runs and steps of Izzie’s proactive work — morning digests, triage of new email, pull requests and issues, calendar checks —
      appear here as they happen, with each step’s result and any retries.
    </PlaceholderPage>
  );
}
