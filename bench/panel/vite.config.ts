import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench/panel',
  base: './',
  plugins: [preact()],
  logLevel: 'warn',
  build: { outDir: '../../.tmp/bench-panel', emptyOutDir: true },
});
