import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer bundle. `base: './'` keeps asset URLs relative so the same build works from the loopback
 * HTTP bridge and from Electron's file/protocol loader. The nonce placeholder is stamped onto the emitted
 * <script>/<link> tags; the server swaps `__CSP_NONCE__` for a fresh nonce on every load.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  // `{}` rather than no argument: the repo typechecks this file as CommonJS, where the plugin's typings
  // pick its CJS entry, whose options argument is required.
  plugins: [react({})],
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // AG Grid alone is ~1 MB unminified; the warning would fire on every build without telling us anything.
    chunkSizeWarningLimit: 1500,
  },
});
