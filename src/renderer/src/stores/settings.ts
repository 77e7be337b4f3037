import { create } from 'zustand';
import type { AppInfo, Settings } from '../../../shared';

interface SettingsStore {
  settings: Settings | null;
  appInfo: AppInfo | null;
  setSettings(settings: Settings): void;
  setAppInfo(appInfo: AppInfo): void;
}

export const useSettings = create<SettingsStore>()((set) => ({
  settings: null,
  appInfo: null,
  setSettings: (settings) => set({ settings }),
  setAppInfo: (appInfo) => set({ appInfo }),
}));
