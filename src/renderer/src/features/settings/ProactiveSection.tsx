import { useId } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { useSettings } from '../../stores/settings';
import { updateSettings } from './settings-actions';
import { SettingsSection } from './SettingsSection';

export function ProactiveSection() {
  const client = useRpc();
  const settings = useSettings((s) => s.settings);
  const paused = settings?.proactivePaused ?? false;
  const labelId = useId();
  const descriptionId = useId();
  return (
    <SettingsSection title="Proactive work">
      <div className="setting-row">
        <div className="setting-row__text">
          <span id={labelId} className="setting-row__label">
            Pause proactive work
          </span>
          <p id={descriptionId} className="setting-row__description">
            {paused
              ? 'Paused. Digests, polling and scheduled runs wait until you switch this off.'
              : 'Digests, polling and scheduled runs stop while this is on. Chat keeps working. The tray icon toggles it too.'}
          </p>
        </div>
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={paused}
          aria-labelledby={labelId}
          aria-describedby={descriptionId}
          disabled={!settings}
          onClick={() => void updateSettings(client, { proactivePaused: !paused })}
        >
          <span className="switch__thumb" aria-hidden="true" />
        </button>
      </div>
    </SettingsSection>
  );
}
