import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: the main process, the sandboxed preload (CommonJS, the only format a sandboxed
// preload may use) and the renderer, which the web host serves as well.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The pull worker is its own entry: the sync client starts it from pull-worker.js next to
        // the main bundle, so the initial load runs off the thread that answers the console.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'pull-worker': resolve(__dirname, 'electron/services/sync/pull-worker.ts'),
        },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: resolve(__dirname, 'electron/preload/index.ts'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
