import { useEffect } from 'react';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { useNavigation } from '../../stores/navigation';
import { useRuns, type ActivityTab } from '../../stores/runs';
import { markNotificationsRead, openActivityPage, openTarget } from './activity-actions';
import { DigestTab } from './DigestTab';
import { RunFilters } from './RunFilters';
import { RunList } from './RunList';
import { ScheduledPanel } from './ScheduledPanel';
import { SourcesPanel } from './SourcesPanel';
import './activity.css';

const TABS = [
  { value: 'runs', label: 'Runs' },
  { value: 'digest', label: 'Digest' },
] as const;

/**
 * What Izzie does on its own: every run of the proactive engine with its steps, live as they
 * happen (`activity.run`, app/use-core-sync.ts), the functions on a schedule, and the latest
 * morning digest. A notification lands here on its run or on the digest (navigation `section`).
 */
export function ActivityPage() {
  const client = useRpc();
  const tab = useRuns((s) => s.tab);
  const unread = useRuns((s) => s.unread);
  const section = useNavigation((s) => s.section);
  const clearSection = useNavigation((s) => s.clearSection);

  useEffect(() => {
    void openActivityPage(client);
  }, [client]);

  // Every notification leads here: the page open is the person seeing them.
  useEffect(() => {
    if (unread > 0) void markNotificationsRead(client);
  }, [client, unread]);

  useEffect(() => {
    if (!section) return;
    clearSection();
    void openTarget(client, section);
  }, [client, section, clearSection]);

  return (
    <div className="page activity-page">
      <header className="page__header activity-page__header">
        <div>
          <h1 className="page__title">Activity</h1>
          <p className="page__subtitle">What Izzie does on its own, step by step, and the morning digest.</p>
        </div>
        <Segmented<ActivityTab>
          label="Show"
          options={TABS}
          value={tab}
          onChange={(next) => useRuns.getState().set({ tab: next })}
        />
      </header>
      {tab === 'runs' ? (
        <div className="activity-layout">
          <section className="activity-layout__main" aria-label="Run history">
            <RunFilters />
            <RunList />
          </section>
          <aside className="activity-layout__side">
            <ScheduledPanel />
            <SourcesPanel />
          </aside>
        </div>
      ) : (
        <DigestTab />
      )}
    </div>
  );
}
