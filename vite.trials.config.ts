import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { workerFiles } from './src/core/workers/vite-worker-files';

// The kill trials' host: the headless host plus the trial's engine functions, bundled like the
// headless host itself (SSR build, dependencies external, worker scripts beside it).
export default defineConfig({
  plugins: [workerFiles()],
  build: {
    ssr: true,
    outDir: 'out/trials',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { 'trial-host': resolve('test-support/engine-trial/trial-host.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
