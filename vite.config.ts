import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist/extension',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      // The DevTools panel page is created at run time (devtools.panels.create), so crxjs cannot
      // find it in the manifest: name it here or dist/ has no panel.
      input: { panel: 'src/panel/index.html' },
    },
  },
});
