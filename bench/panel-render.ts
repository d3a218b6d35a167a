/** SPEC §9: the panel renders 2,000 diagnoses in under 300 ms, measured in Chromium. */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { findChromium } from '../tools/start-chromium.js';

const OUT = '.tmp/bench-panel';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export async function benchPanelRender(
  count = 2000,
  rounds = 7,
): Promise<{ panelRender2000Ms: number; rows: number }> {
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/panel/vite.config.ts'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the panel benchmark page failed');
  const server = createServer((req, res) => {
    const path = normalize((req.url ?? '/').split('?')[0]!).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(OUT, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'text/html' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.benchRender === 'function');
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < rounds; i++) {
      const result = await page.evaluate((n) => window.benchRender(n), count);
      times.push(result.ms);
      rows = result.rows;
    }
    times.sort((a, b) => a - b);
    return { panelRender2000Ms: times[Math.floor(times.length / 2)]!, rows };
  } finally {
    await browser.close();
    server.close();
  }
}
