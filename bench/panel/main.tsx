/**
 * The panel's real App, fed N diagnoses at once (2,000 and 10,000), timed from the store update to
 * the next frame after the list is on screen (SPEC §9: 10,000 in under 100 ms), and a keystroke in
 * the search box over them, timed from the input event to the next frame after the list changed
 * (under 50 ms). Built with bench/panel/vite.config.ts and opened in Chromium by
 * bench/panel-render.ts; no extension APIs are touched.
 */
import { render } from 'preact';
import '../../src/shared/ui/theme.css';
import '../../src/panel/styles/layout.css';
import '../../src/panel/styles/icons.css';
import '../../src/panel/styles/detail.css';
import '../../src/panel/styles/lifetime.css';
import '../../src/panel/styles/dialogs.css';
import { analyze } from '../../src/analyzer/analyze.js';
import { App } from '../../src/panel/App.js';
import { createHarActions } from '../../src/panel/har/actions.js';
import { PanelContext, type PanelServices } from '../../src/panel/services.js';
import { createPanelStore } from '../../src/panel/store.js';
import type { StoredDiagnosis } from '../../src/shared/stored.js';

const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function entries(count: number): StoredDiagnosis[] {
  const t0 = Date.UTC(2026, 10, 1, 12);
  const out: StoredDiagnosis[] = [];
  for (let i = 0; i < count; i++) {
    const iat = t0 / 1000 + i * 60;
    const token = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64url({
      iss: 'https://acme-org.us.auth0.com/',
      sub: `auth0|user${i}`,
      aud: i % 4 ? 'https://api.rhythmsoftware.com' : 'https://api.rhythmsoftware.com/',
      iat,
      exp: iat + 86_400,
      'http://rhythmsoftware.com/tenant_id': 'acme.org',
      'http://rhythmsoftware.com/customer_id': 'cust_8f2a',
      ...(i % 3 ? { 'http://rhythmsoftware.com/contact_id': `C-${i}` } : {}),
    })}.c2lnbmF0dXJl`;
    const sentAt = t0 + i * 90_000 + (i % 5) * 86_400_000;
    const diagnosis = analyze({
      url: `https://${i % 2 ? 'rolodex' : 'membership'}.api.rhythmsoftware.com/contacts/acme.org/${i % 7 ? 'current' : `C-${i}`}`,
      method: i % 6 ? 'GET' : 'POST',
      status: 401,
      sentAt,
      requestHeaders: [{ name: 'Authorization', value: i % 9 ? `Bearer ${token}` : token }],
      responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }],
    });
    out.push({
      id: `webRequest:${i}`,
      tabId: 1,
      source: 'webRequest',
      capturedAt: sentAt,
      diagnosis,
    });
  }
  return out.reverse();
}

const services: PanelServices = {
  tabId: 1,
  inDevtools: false,
  clearTab: async () => undefined,
  lastSuccess: async () => null,
  settings: () => ({}),
  reportContext: () => ({ extensionVersion: 'bench', browser: 'bench', generatedAt: 0 }),
  now: () => Date.now(),
  copy: async () => true,
  save: () => undefined,
};

const store = createPanelStore(undefined, Date.now());
render(
  <PanelContext.Provider value={{ store, services, har: createHarActions(store, services) }}>
    <App />
  </PanelContext.Provider>,
  document.getElementById('app')!,
);

declare global {
  interface Window {
    benchRender(count: number): Promise<{ ms: number; rows: number }>;
    benchFilter(text: string): Promise<{ ms: number; rows: number; shown: string }>;
  }
}

/** Made (analyzed) once per count, outside the timing: the bench times the panel, not analyze(). */
const made = new Map<number, StoredDiagnosis[]>();

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

window.benchRender = async (count) => {
  if (!made.has(count)) made.set(count, entries(count));
  // A fresh array of the same entries each round, as a resync from storage would hand over.
  const list = [...made.get(count)!];
  store.dispatch({ type: 'tab-cleared' });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const start = performance.now();
  store.dispatch({ type: 'connecting', attempt: 0 });
  store.dispatch({ type: 'synced', entries: list });
  // Rendered, laid out and painted: the frame after the update, then the task after that frame.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - start;
  return { ms, rows: document.querySelectorAll('[role=option][data-diagnosis]').length };
};

/**
 * One keystroke: the search box's value set to `text` and its input event fired (what typing does),
 * timed to the frame after the list changed. The count in the toolbar says what was matched.
 */
window.benchFilter = async (text) => {
  const box = document.querySelector<HTMLInputElement>('input[type=search]')!;
  await frame();
  const start = performance.now();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await frame();
  const ms = performance.now() - start;
  return {
    ms,
    rows: document.querySelectorAll('[role=option][data-diagnosis]').length,
    shown: document.querySelector('[data-testid=count]')?.textContent ?? '',
  };
};
