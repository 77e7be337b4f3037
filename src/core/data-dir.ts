import { isAbsolute, resolve } from 'node:path';

/**
 * Where Izzie keeps its data: `IZZIE_HOME` when set (tests, a second profile, a server), otherwise
 * the host's own default (Electron's userData, or the OS-standard data dir for the headless host).
 */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, hostDefault: string): string {
  const override = env.IZZIE_HOME?.trim();
  if (override) return isAbsolute(override) ? override : resolve(override);
  return hostDefault;
}
