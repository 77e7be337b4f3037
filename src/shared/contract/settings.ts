import { z } from 'zod';
import { mutation, query } from '../rpc/define';

/**
 * Every user setting, with its default. A stored value that no longer parses falls back to the
 * default (and is logged) rather than breaking start-up.
 */
export const Settings = z.strictObject({
  /** Pause all proactive work (digests, polling, scheduled runs). The tray toggles it too. */
  proactivePaused: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  proactivePaused: false,
  theme: 'system',
};

export const SettingsPatch = Settings.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one setting to change' });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settingsMethods = {
  'settings.get': query(z.strictObject({}), Settings),
  'settings.set': mutation(SettingsPatch, Settings),
};
