import { useId } from 'react';
import type { Settings } from '../../../../shared';
import { useRpc } from '../../rpc/rpc-context';
import { useSettings } from '../../stores/settings';
import { updateSettings } from './settings-actions';
import { SettingsSection } from './SettingsSection';

const THEMES: { value: Settings['theme']; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'Follows your operating system' },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];

export function AppearanceSection() {
  const client = useRpc();
  const settings = useSettings((s) => s.settings);
  const labelId = useId();
  return (
    <SettingsSection title="Appearance">
      <div className="setting-row">
        <div className="setting-row__text">
          <span id={labelId} className="setting-row__label">
            Theme
          </span>
          <p className="setting-row__description">{THEMES.find((t) => t.value === settings?.theme)?.hint ?? 'Loading…'}</p>
        </div>
        <div role="radiogroup" aria-labelledby={labelId} className="segmented">
          {THEMES.map((theme) => (
            <label key={theme.value} className="segmented__option">
              <input
                type="radio"
                name="theme"
                value={theme.value}
                checked={settings?.theme === theme.value}
                disabled={!settings}
                onChange={() => void updateSettings(client, { theme: theme.value })}
              />
              <span>{theme.label}</span>
            </label>
          ))}
        </div>
      </div>
    </SettingsSection>
  );
}
