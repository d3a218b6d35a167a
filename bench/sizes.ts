/**
 * SPEC §9 bundle budgets: the gzip size of everything each page loads (its HTML, scripts, the
 * chunks they import, their CSS), read from the built extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/extension';

function closure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(join(DIST, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.(?:js|css))["']/g)) {
      const spec = m[1]!;
      queue.push(spec.startsWith('/') ? spec.slice(1) : normalize(join(dirname(file), spec)));
    }
  }
  return seen;
}

function entriesOfHtml(html: string): string[] {
  const files = ['script[^>]*src', 'link[^>]*href'].flatMap((tag) =>
    [...readFileSync(join(DIST, html), 'utf8').matchAll(new RegExp(`<${tag}="([^"]+)"`, 'g'))].map(
      (m) => m[1]!,
    ),
  );
  return [
    html,
    ...files.map((f) => (f.startsWith('/') ? f.slice(1) : normalize(join(dirname(html), f)))),
  ];
}

function gzipKb(files: Set<string>): number {
  const bytes = [...files].reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length,
    0,
  );
  return Math.round((bytes / 1024) * 10) / 10;
}

export function benchSizes(): { panel: number; popup: number; background: number } {
  if (!existsSync(join(DIST, 'manifest.json')))
    throw new Error('dist/extension is missing: run npm run build first');
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  return {
    panel: gzipKb(closure(entriesOfHtml('src/panel/index.html'))),
    popup: gzipKb(closure(entriesOfHtml(manifest.action.default_popup))),
    background: gzipKb(closure([manifest.background.service_worker])),
  };
}
