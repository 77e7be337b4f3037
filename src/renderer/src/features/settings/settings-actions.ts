import type { RpcClient, SettingsPatch } from '../../../../shared';
import { reportError } from '../../stores/banners';
import { useSettings } from '../../stores/settings';

export async function loadSettings(client: RpcClient): Promise<void> {
  try {
    useSettings.getState().setSettings(await client.call('settings.get'));
  } catch (error) {
    reportError('settings', 'Couldn’t load your settings.', error, () => void loadSettings(client));
  }
}

export async function loadAppInfo(client: RpcClient): Promise<void> {
  try {
    useSettings.getState().setAppInfo(await client.call('app.info'));
  } catch (error) {
    reportError('settings', 'Couldn’t load details about this installation.', error, () => void loadAppInfo(client));
  }
}

/** Shows the change at once and puts the old value back if the core refuses it. */
export async function updateSettings(client: RpcClient, patch: SettingsPatch): Promise<void> {
  const before = useSettings.getState().settings;
  if (before) useSettings.getState().setSettings({ ...before, ...patch });
  try {
    useSettings.getState().setSettings(await client.call('settings.set', patch));
  } catch (error) {
    if (before) useSettings.getState().setSettings(before);
    reportError('settings', 'Couldn’t save that setting.', error, () => void updateSettings(client, patch));
  }
}
