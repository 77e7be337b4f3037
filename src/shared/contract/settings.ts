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
  /** When the morning digest is written, local time, 24-hour `HH:MM`. */
  digestTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 07:00'),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  proactivePaused: false,
  theme: 'system',
  digestTime: '07:00',
};

export const SettingsPatch = Settings.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one setting to change' });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settingsMethods = {
  'settings.get': query(z.strictObject({}), Settings),
  'settings.set': mutation(SettingsPatch, Settings),
};
