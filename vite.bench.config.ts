import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { workerFiles } from './src/core/workers/vite-worker-files';

// `npm run bench` runs the benchmark bundled exactly like the headless host (SSR build, dependencies
// external, worker scripts copied beside it), so it measures the code the app runs.
export default defineConfig({
  plugins: [workerFiles()],
  build: {
    ssr: true,
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { run: resolve('bench/run.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
