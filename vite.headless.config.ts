import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { workerFiles } from './src/core/workers/vite-worker-files';

// The headless host is plain Node: an SSR build keeps every dependency external, so the native
// modules load from node_modules exactly as they do in tests. Worker scripts are copied to
// out/headless/workers/ (see the plugin).
export default defineConfig({
  plugins: [workerFiles()],
  build: {
    ssr: true,
    outDir: 'out/headless',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { cli: resolve('src/headless/cli.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
