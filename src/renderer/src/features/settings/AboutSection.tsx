import type { AppInfo } from '../../../../shared';
import { useSettings } from '../../stores/settings';
import { formatFull } from '../chat/relative-time';
import { SettingsSection } from './SettingsSection';

const HOST_LABELS: Record<AppInfo['hostKind'], string> = {
  electron: 'Desktop (Electron)',
  headless: 'Browser (headless host)',
  test: 'Test host',
};

export function AboutSection() {
  const info = useSettings((s) => s.appInfo);
  return (
    <SettingsSection title="About this Izzie" description="Everything Izzie knows lives in these files on this computer.">
      {info ? (
        <dl className="facts">
          <Fact term="Version">{info.version}</Fact>
          <Fact term="Host">{HOST_LABELS[info.hostKind]}</Fact>
          <Fact term="Data directory" path>
            {info.dataDir}
          </Fact>
          <Fact term="Database file" path>
            {info.databaseFile}
          </Fact>
          <Fact term="Log file" path>
            {info.logFile}
          </Fact>
          <Fact term="Schema version">{String(info.schemaVersion)}</Fact>
          <Fact term="Platform">{info.platform}</Fact>
          <Fact term="Node.js">{info.nodeVersion}</Fact>
          <Fact term="Running since">{formatFull(info.startedAt)}</Fact>
        </dl>
      ) : (
        <p className="settings-loading">Loading…</p>
      )}
    </SettingsSection>
  );
}

function Fact({ term, path = false, children }: { term: string; path?: boolean; children: string }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd className={path ? 'facts__path' : undefined}>{children}</dd>
    </div>
  );
}
