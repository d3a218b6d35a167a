import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * One source, two builds: `vite build` for Chrome (dist/extension), `vite build --mode firefox` for
 * Firefox (dist/firefox): background scripts instead of a service worker, and a gecko id.
 */
function firefoxManifest(): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'rhythm-auth@rhythm-auth.dev',
        strict_min_version: '140.0',
        // Firefox asks every new extension to declare what it collects: nothing.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142; desktop from 140 (ESR).
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      crx({
        manifest: firefox ? firefoxManifest() : manifest,
        browser: firefox ? 'firefox' : 'chrome',
      }),
    ],
    build: {
      outDir: firefox ? 'dist/firefox' : 'dist/extension',
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        // The DevTools panel page is created at run time (devtools.panels.create) and the
        // first-run page opened by the worker (tabs.create), so crxjs cannot find them in the
        // manifest: name them here or dist/ has neither.
        input: { panel: 'src/panel/index.html', welcome: 'src/welcome/index.html' },
        // The analyzer is pure (its own tsconfig and lint rules): importing a module of it does
        // nothing but define exports. Said here, each page bundles only what it uses through the
        // analyzer's one face (src/analyzer/index.ts) instead of all of it (SPEC §9 budgets).
        treeshake: {
          moduleSideEffects: [{ test: /[\\/]src[\\/]analyzer[\\/]/, sideEffects: false }],
        },
        // The analyzer's ids (CHECK_IDS) and summarize() in a chunk of their own: left to itself the
        // bundler puts them in the chunk of analyze(), and the panel, which needs only those at
        // start (the check order; an active check's result written into a diagnosis), then loads
        // every check before its first frame: 13 KB gzip (SPEC §9 budgets). The checks come with
        // Paste token… and Import HAR…, which analyze.
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'analyzer-ids',
                test: /[\\/]src[\\/]analyzer[\\/](types|summarize)\.ts$/,
              },
            ],
          },
        },
      },
    },
  };
});
