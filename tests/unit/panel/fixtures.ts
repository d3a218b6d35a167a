/**
 * Entries for the panel's tests, diagnosed by the real analyzer from tokens signed at test time
 * (tests/helpers/tokens.ts), and fake services so views render without a browser.
 */
import { analyze } from '../../../src/analyzer/analyze.js';
import { successKey } from '../../../src/analyzer/route.js';
import type { CapturedRequest, HttpHeader } from '../../../src/analyzer/types.js';
import type { PanelServices } from '../../../src/panel/services.js';
import type { PanelEntry } from '../../../src/panel/entry.js';
import type { CaptureSource, LastSuccess } from '../../../src/shared/stored.js';
import { T0, TEST_TENANT } from '../../helpers/tokens.js';

export const CURRENT_URL = `https://rolodex.api.rhythmsoftware.com/contacts/${TEST_TENANT}/current`;
/** One hour after T0: a default test token (issued at T0, valid 24 h) is still valid then. */
export const SENT_AT = T0 + 3_600_000;

export interface EntryOptions {
  id: string;
  /** The Authorization value; omitted → none. */
  auth?: string;
  url?: string;
  method?: string;
  sentAt?: number;
  source?: CaptureSource;
  responseHeaders?: HttpHeader[];
  responseBody?: string;
  token?: string;
  tabId?: number;
  /** 401 unless given (a pasted entry's is 0: no response seen). */
  status?: number;
}

export function request(options: Omit<EntryOptions, 'id'> = {}): CapturedRequest {
  return {
    url: options.url ?? CURRENT_URL,
    method: options.method ?? 'GET',
    status: options.status ?? 401,
    sentAt: options.sentAt ?? SENT_AT,
    requestHeaders:
      options.auth === undefined ? [] : [{ name: 'Authorization', value: options.auth }],
    responseHeaders: options.responseHeaders ?? [],
  };
}

export function entry(options: EntryOptions): PanelEntry {
  return {
    id: options.id,
    tabId: options.tabId ?? 7,
    source: options.source ?? 'webRequest',
    capturedAt: (options.sentAt ?? SENT_AT) + 50,
    diagnosis: analyze(request(options)),
    ...(options.responseBody !== undefined ? { responseBody: options.responseBody } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
  };
}

export interface FakeServices extends PanelServices {
  copied: string[];
  saved: Array<{ text: string; format: string }>;
  cleared: number;
  successes: Record<string, LastSuccess>;
}

export function fakeServices(overrides: Partial<PanelServices> = {}): FakeServices {
  const fake: FakeServices = {
    tabId: 7,
    inDevtools: false,
    copied: [],
    saved: [],
    cleared: 0,
    successes: {},
    async clearTab() {
      fake.cleared += 1;
    },
    /** Keyed as the worker keys them: `successKey(host, route, subject)`. */
    async lastSuccess({ host, route, subject }) {
      const key = successKey(host, route, subject);
      return Object.hasOwn(fake.successes, key) ? (fake.successes[key] ?? null) : null;
    },
    settings: () => ({}),
    reportContext: () => ({ extensionVersion: '0.1.0', browser: 'Chromium 156', generatedAt: T0 }),
    now: () => SENT_AT,
    async copy(text) {
      fake.copied.push(text);
      return true;
    },
    save(text, format) {
      fake.saved.push({ text, format });
    },
    ...overrides,
  };
  return fake;
}
