// The web reader: a Preact app the Worker serves as static assets ([assets] in wrangler.toml).
// scripts/build-reader.mjs writes it to dist/reader (wrangler runs it: [build] in wrangler.toml).
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // One tsconfig for every file, also the shared components under extension/ (whose own
  // tsconfig extends one that only `wxt prepare` generates).
  tsconfig: 'tsconfig.json',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../dist/reader', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows no inline script or style: keep every asset a file of its own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
