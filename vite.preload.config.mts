import { defineConfig } from 'vite';

/**
 * The Electron preload. A sandboxed preload cannot require project files, so it is bundled into one
 * CommonJS file; only 'electron' stays external (the sandbox provides it).
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'main/electron/preload.ts',
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rollupOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.js' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
