import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// The analyzer is pure (its own tsconfig and lint rules): importing a module of it does nothing but
// define exports. Said here, each bundle holds only what it uses through the analyzer's one face
// (src/analyzer/index.ts) instead of all of it (SPEC §9 budgets).
const treeshake = {
  moduleSideEffects: [{ test: /[\\/]src[\\/]analyzer[\\/]/, sideEffects: false }],
};

/**
 * The service worker as one file of its own (SPEC §9: ≤ 40 KB gzip). A worker cannot import() on
 * demand, so it loads at start every chunk it imports; bundled with the pages, it imported the
 * chunks it shared with them, which held what the pages use too, each compressed alone, and its
 * modules split the pages' chunks further. So the worker is built apart, in one file holding only
 * what it uses, which crxjs's loader (`service-worker-loader.js`, named by the manifest) imports;
 * in the pages' build it is an empty module. Measured (bench/sizes.ts): worker 39.8 → 35.9 KB,
 * panel 58.5 → 57.0, popup 31.9 → 31.1.
 */
function workerApart(): Plugin {
  let root = process.cwd();
  return {
    name: 'rhythm-auth:worker-apart',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    // In the pages' build the worker is an empty module: its code shapes none of their chunks.
    load: {
      order: 'pre',
      handler(id) {
        if (id === resolve(root, manifest.background.service_worker)) return 'export {};';
      },
    },
    // After crxjs's own generateBundle, which emits the loader.
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const loader = bundle['service-worker-loader.js'];
        const target =
          loader?.type === 'asset' && /import '\.\/([^']+)'/.exec(String(loader.source));
        const built = target && bundle[target[1]!];
        if (!loader || loader.type !== 'asset' || !built || built.type !== 'chunk')
          return this.error('service-worker-loader.js does not import the worker chunk');
        const output = (await build({
          configFile: false,
          root,
          logLevel: 'warn',
          publicDir: false,
          build: {
            write: false,
            modulePreload: false,
            rollupOptions: {
              input: built.facadeModuleId!,
              treeshake,
              output: { codeSplitting: false, entryFileNames: 'assets/service-worker-[hash].js' },
            },
          },
        })) as Rolldown.RolldownOutput;
        const [worker] = output.output;
        this.emitFile({ type: 'asset', fileName: worker.fileName, source: worker.code });
        loader.source = `import './${worker.fileName}';\n`;
        // crxjs's worker chunk: empty (see load), and imported by nothing now.
        delete bundle[built.fileName];
      },
    },
  };
}

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
      workerApart(),
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
        treeshake,
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
