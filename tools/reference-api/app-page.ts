/**
 * The demo app served at `https://app.rhythmsoftware.com/`: one button per scenario of
 * demo-scenarios.ts. It must be served from a Rhythm host: Chrome shows the extension a request
 * only if it may access the initiator too (notes/chromium-e2e.md). Self-contained (inline CSS/JS,
 * no external resources); tests drive it through `window.rhythmDemo` instead of clicking.
 */
import { RHYTHM_AUDIENCE } from '../../src/analyzer/rhythm.js';
import { DEMO_SCENARIOS } from './demo-scenarios.js';
import { ACME } from './world.js';
import type { Tenant } from './world.js';

/** What the page script needs; the demo tenant's secrets are fake and local-only. */
export function demoConfig(tenant: Tenant = ACME) {
  return {
    issuer: tenant.issuer.replace(/\/$/, ''),
    audience: RHYTHM_AUDIENCE,
    spaClientId: tenant.spa.clientId,
    m2m: { clientId: tenant.m2m.clientId, clientSecret: tenant.m2m.clientSecret },
    passwords: Object.fromEntries(tenant.users.map((u) => [u.email, u.password])),
    scenarios: DEMO_SCENARIOS,
  };
}

/**
 * The page's logic. Plain ES2020 run as is by the browser, and by tests in a `vm` context with
 * only `CONFIG`, `fetch` and `window`: everything touching `document` waits for `render()`.
 */
export const DEMO_SCRIPT = String.raw`
async function post(path, body) {
  const response = await fetch(CONFIG.issuer + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(path + ' answered ' + response.status);
  return response.json();
}

async function getToken(recipe) {
  switch (recipe.from) {
    case 'none':
      return null;
    case 'mint':
      return (await post('/__mint', recipe.options)).token;
    case 'client-credentials':
      return (await post('/oauth/token', {
        grant_type: 'client_credentials',
        client_id: CONFIG.m2m.clientId,
        client_secret: CONFIG.m2m.clientSecret,
        audience: CONFIG.audience,
      })).access_token;
    case 'password': {
      const body = {
        grant_type: 'password',
        username: recipe.user,
        password: CONFIG.passwords[recipe.user],
        client_id: CONFIG.spaClientId,
        scope: 'openid profile email',
      };
      if (recipe.audience) body.audience = CONFIG.audience;
      const tokens = await post('/oauth/token', body);
      return recipe.use === 'id_token' ? tokens.id_token : tokens.access_token;
    }
  }
  throw new Error('unknown token recipe ' + recipe.from);
}

async function run(id) {
  const scenario = CONFIG.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error('unknown scenario ' + id);
  const token = await getToken(scenario.token);
  const headers = {};
  if (token !== null) {
    const send = scenario.send || { header: 'Authorization', prefix: 'Bearer ' };
    headers[send.header] = send.prefix + token;
  }
  try {
    const response = await fetch(scenario.url, { headers, cache: 'no-store' });
    return response.status;
  } catch {
    return 0; // a failed preflight: the browser hides the 401 from the page, not from DevTools
  }
}

async function runAll() {
  const results = [];
  for (const s of CONFIG.scenarios) results.push({ id: s.id, status: await run(s.id) });
  return results;
}

window.rhythmDemo = {
  scenarios: CONFIG.scenarios.map((s) => ({ id: s.id, label: s.label, expectedStatus: s.expectedStatus })),
  run,
  runAll,
};

function render() {
  const list = document.getElementById('scenarios');
  const outputs = new Map();
  const show = async (id) => {
    const output = outputs.get(id);
    output.textContent = '…';
    output.removeAttribute('data-status');
    try {
      const status = await run(id);
      output.textContent = status === 0 ? 'failed (CORS)' : String(status);
      output.dataset.status = String(status);
    } catch (error) {
      output.textContent = 'error: ' + error.message;
      output.dataset.status = 'error';
    }
  };
  for (const s of CONFIG.scenarios) {
    const item = document.createElement('li');
    item.dataset.scenario = s.id;
    const label = document.createElement('span');
    s.label.split('\u0060').forEach((part, i) => {
      const node = i % 2 ? document.createElement('code') : document.createElement('span');
      node.textContent = part;
      label.append(node);
    });
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Run';
    button.addEventListener('click', () => show(s.id));
    const output = document.createElement('output');
    outputs.set(s.id, output);
    item.append(label, button, output);
    list.append(item);
  }
  document.getElementById('run-all').addEventListener('click', async () => {
    for (const s of CONFIG.scenarios) await show(s.id);
  });
}

if (typeof document !== 'undefined') render();
`;

const STYLE = `
:root { color-scheme: light dark; --bg: #fafafa; --fg: #1b1f24; --muted: #5b6570; --line: #d8dde3;
  --accent: #3657d6; --ok: #1f7a3a; --bad: #b3261e; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181c; --fg: #e6e8eb; --muted: #9aa4af;
  --line: #2c3138; --accent: #8aa2ff; --ok: #6fd08c; --bad: #ff8a80; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p { color: var(--muted); margin: 0 0 1rem; }
ol { list-style: none; padding: 0; margin: 1rem 0; border-top: 1px solid var(--line); }
li { display: grid; grid-template-columns: 1fr auto 7rem; gap: .75rem; align-items: center;
  padding: .5rem 0; border-bottom: 1px solid var(--line); }
code { font: .9em ui-monospace, monospace; background: color-mix(in srgb, var(--line) 60%, transparent);
  padding: 0 .25em; border-radius: 3px; }
button { font: inherit; padding: .25rem .9rem; border: 1px solid var(--accent); border-radius: 6px;
  background: transparent; color: var(--accent); cursor: pointer; }
button:hover { background: var(--accent); color: var(--bg); }
output { font: .9em ui-monospace, monospace; color: var(--muted); }
output[data-status="200"] { color: var(--ok); }
output[data-status="401"], output[data-status="0"], output[data-status="error"] { color: var(--bad); }
`;

/** JSON inside a <script>: `<` escaped so no string in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function appPageHtml(tenant: Tenant = ACME): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rhythm Auth demo</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Rhythm Auth demo</h1>
<p>Each scenario gets a token from the local Auth0 stand-in and calls the local reference Rhythm API.
Open DevTools › Rhythm Auth to see every 401 diagnosed.</p>
<button type="button" id="run-all">Run all</button>
<ol id="scenarios"></ol>
</main>
<script>
const CONFIG = ${scriptJson(demoConfig(tenant))};
${DEMO_SCRIPT}
</script>
</body>
</html>
`;
}

/** No external resources, ever: the CSP makes that hold even if the page changes. */
export const APP_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; " +
  'connect-src https://*.rhythmsoftware.com https://*.auth0.com';
