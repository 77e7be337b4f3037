import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  readonly preloadFile: string;
  readonly rendererIndexFile: string;
  readonly trayIconFile: string;
}

export interface PackagingInfo {
  readonly isPackaged: boolean;
  /** Electron's `process.resourcesPath`, where electron-builder's `extraResources` land. */
  readonly resourcesPath: string;
}

/**
 * Files the main process loads, relative to the built main file. electron-vite bundles main into
 * `out/main/index.js`, next to `out/preload/index.cjs` and `out/renderer/index.html`. The tray
 * icon is read from `resources/` in development and, once packaged, from the resources folder
 * (electron-builder.yml copies it there as an extra resource, outside the asar).
 */
export function resolveAppPaths(mainFileUrl: string, packaging: PackagingInfo): AppPaths {
  const outDir = join(dirname(fileURLToPath(mainFileUrl)), '..');
  return {
    preloadFile: join(outDir, 'preload', 'index.cjs'),
    rendererIndexFile: join(outDir, 'renderer', 'index.html'),
    trayIconFile: packaging.isPackaged ? join(packaging.resourcesPath, 'tray.png') : join(outDir, '..', 'resources', 'tray.png'),
  };
}
