import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { workerFiles } from './src/core/workers/vite-worker-files';

// Main and preload bundle everything but dependencies (native modules stay external and are
// unpacked from asar by electron-builder). The preload is CommonJS: a sandboxed preload cannot
// load ES modules. The core's worker scripts are copied to out/main/workers/ (see the plugin).
export default defineConfig({
  main: {
    plugins: [workerFiles()],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
