// @vitest-environment happy-dom
/**
 * The panel's HAR features as a user meets them: "Import HAR…" (picker or drop) lists the file's
 * Rhythm 401s tagged HAR, with progress, a summary, the sanitized-export finding, and a clear
 * error for a broken file (never a blank panel); "Export sanitized HAR" only inside DevTools.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chromeEntry,
  CURRENT,
  harOf,
  harText,
  scenarioHar,
  SENT,
  type Tokens,
} from '../../../fixtures/har/generate.js';
import { entry, fakeServices } from '../fixtures.js';
import { renderPanel } from '../render.js';

afterEach(cleanup);

let har: string;
let tokens: Tokens;
let rootCauses: Array<string | null>;

beforeAll(async () => {
  const made = await scenarioHar();
  har = made.text;
  tokens = made.tokens;
  rootCauses = made.scenarios.map((s) => s.rootCause);
});

const rows = () => [
  ...document.querySelectorAll<HTMLElement>('[role="listbox"] > [role="option"]'),
];
const input = () => screen.getByTestId('har-input') as HTMLInputElement;

/** A drag event carrying files, as the browser sends it (happy-dom has no DataTransfer with files). */
function drag(type: 'dragenter' | 'dragover' | 'drop', files: File[]) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files } });
  act(() => void document.body.dispatchEvent(event));
  return event;
}

function pick(file: File) {
  fireEvent.change(input(), { target: { files: [file] } });
}

describe('Import HAR', () => {
  it('opens a file picker for .har files from the toolbar', () => {
    renderPanel([]);
    const click = vi.spyOn(input(), 'click');
    fireEvent.click(screen.getByRole('button', { name: 'Import HAR…' }));
    expect(click).toHaveBeenCalledOnce();
    expect(input().accept).toContain('.har');
    expect(input().getAttribute('aria-label')).toBe('HAR file to import');
  });

  it('lists every Rhythm 401 of the file tagged HAR, beside the tab’s own, and says what it found', async () => {
    renderPanel([entry({ id: 'webRequest:1' })]);
    pick(new File([har], 'portal.har', { type: 'application/json' }));
    const summary = await screen.findByTestId('har-summary', {}, { timeout: 5000 });
    expect(summary.textContent).toContain(
      `Imported portal.har: ${rootCauses.length + 3} entries, ${rootCauses.length} Rhythm 401s diagnosed`,
    );
    expect(summary.textContent).toContain('not counted on the badge');
    const imported = rows().filter((r) => r.dataset.source === 'har');
    expect(imported).toHaveLength(rootCauses.length);
    expect(imported.map((r) => r.dataset.diagnosis).sort()).toEqual(
      rootCauses.map((c) => c ?? 'none').sort(),
    );
    for (const row of imported) expect(row.querySelector('.tag--har')?.textContent).toBe('HAR');
    // The first imported one is selected and shown.
    expect(document.querySelector('[aria-selected="true"]')?.getAttribute('data-source')).toBe(
      'har',
    );
    expect(
      screen.getByRole('main', { name: 'Diagnosis of the selected 401' }).textContent,
    ).toContain('read from a HAR file');
    expect(screen.queryByTestId('har-finding')).toBeNull();
    // The CLI's per-cause summary: every root cause counted, most frequent first.
    const tally = new Map<string, number>();
    for (const c of rootCauses) tally.set(c ?? 'none', (tally.get(c ?? 'none') ?? 0) + 1);
    const causes = [...screen.getByTestId('har-causes').querySelectorAll('[data-cause]')].map(
      (el) => [el.getAttribute('data-cause'), Number(el.querySelector('strong')!.textContent)],
    );
    expect(Object.fromEntries(causes)).toEqual(Object.fromEntries(tally));
    const counts = causes.map(([, n]) => n as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    // Filterable: the source filter appears, and "Show only imported" sets it.
    fireEvent.click(screen.getByRole('button', { name: 'Show only imported' }));
    expect((screen.getByRole('combobox', { name: 'Source' }) as HTMLSelectElement).value).toBe(
      'har',
    );
    expect(rows().every((r) => r.dataset.source === 'har')).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), {
      target: { value: 'captured' },
    });
    expect(rows().map((r) => r.dataset.source)).toEqual(['webRequest']);

    // Removed on their own; the tab's own entry stays.
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), {
      target: { value: 'all' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove imported' }));
    expect(rows().map((r) => r.dataset.source)).toEqual(['webRequest']);
    expect(screen.queryByTestId('har-status')).toBeNull();
  });

  it('offers "Remove imported" only when the file gave something to remove', async () => {
    renderPanel([]);
    const empty = harText(harOf([chromeEntry({ url: CURRENT, status: 200, sentAt: SENT })]));
    pick(new File([empty], 'none.har', { type: 'application/json' }));
    const summary = await screen.findByTestId('har-summary', {}, { timeout: 5000 });
    expect(summary.textContent).toContain('no 401 from a Rhythm API');
    expect(screen.queryByRole('button', { name: 'Remove imported' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  });

  it('shows the finding when the HAR was exported without its credentials', async () => {
    renderPanel([]);
    // Chrome's sanitized export: no Authorization anywhere, yet a Rhythm call succeeded.
    const sanitized = harText(
      harOf([
        chromeEntry({ url: CURRENT, status: 200, sentAt: SENT }),
        chromeEntry({ url: CURRENT, status: 401, sentAt: SENT + 1000 }),
      ]),
    );
    pick(new File([sanitized], 'sanitized.har'));
    const finding = await screen.findByTestId('har-finding', {}, { timeout: 5000 });
    expect(finding.getAttribute('role')).toBe('note');
    expect(finding.dataset.kind).toBe('removed');
    expect(finding.textContent).toMatch(/exported without credentials/);
    expect(finding.querySelector('details summary')?.textContent).toBe(
      'How to export a HAR with the Authorization header',
    );
    expect(finding.textContent).toContain('Export HAR (with sensitive data)');
  });

  it('says where a broken file broke, and keeps the panel as it was', async () => {
    renderPanel([entry({ id: 'webRequest:1' })]);
    pick(new File(['{"log":{"entries":[{"request":\n{"url":"x"'], 'cut.har'));
    const error = await screen.findByTestId('har-error', {}, { timeout: 5000 });
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      'Could not read cut.har: truncated: the file ends inside log.entries[0] (which starts at byte 19) at byte 41 (line 2, column 11). Nothing was imported from it.',
    );
    expect(rows().map((r) => r.dataset.source)).toEqual(['webRequest']);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('har-error')).toBeNull();
  });

  it('refuses a file that is not a HAR with the reason, even in the empty panel', async () => {
    renderPanel([]);
    pick(new File(['[{"not": "a HAR"}]'], 'notes.json'));
    expect((await screen.findByTestId('har-error', {}, { timeout: 5000 })).textContent).toMatch(
      /^Could not read notes\.json: not a HAR: the file holds an array, not an object with "log" at byte 0 \(line 1, column 1\)/,
    );
    expect(screen.getByTestId('empty')).toBeTruthy();
  });

  it('imports a HAR dropped anywhere on the panel', async () => {
    renderPanel([]);
    const files = [new File([har], 'dropped.har')];
    drag('dragenter', []);
    expect(screen.getByTestId('har-drop').textContent).toContain('Drop the HAR file');
    // Both must be cancelled, or the browser opens the file instead of the panel reading it.
    expect(drag('dragover', []).defaultPrevented).toBe(true);
    expect(drag('drop', files).defaultPrevented).toBe(true);
    expect(screen.queryByTestId('har-drop')).toBeNull();
    expect((await screen.findByTestId('har-summary', {}, { timeout: 5000 })).textContent).toContain(
      'Imported dropped.har',
    );
    expect(rows().length).toBe(rootCauses.length);
  });

  it('advances the bar by bytes read, painting between chunks ready at once (no 0 → 100 % jump)', async () => {
    const { har: actions } = renderPanel([]);
    const bytes = new TextEncoder().encode(har);
    const size = Math.ceil(bytes.length / 20);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += size)
          controller.enqueue(bytes.subarray(at, at + size));
        controller.close();
      },
    });
    const file = {
      name: 'many.har',
      size: bytes.length,
      stream: () => stream,
      slice: () => new Blob(),
    };
    // What a paint would show: the bar's value, looked at from a task of its own each time.
    const seen: number[] = [];
    let running = true;
    const watch = () => {
      const bar = document.querySelector('progress');
      if (bar) seen.push(Number(bar.getAttribute('value')));
      if (running) setTimeout(watch, 0);
    };
    setTimeout(watch, 0);
    await actions.importFile(file as unknown as File);
    running = false;
    const between = new Set(seen.filter((v) => v > 0 && v < bytes.length));
    expect(between.size).toBeGreaterThanOrEqual(3);
    expect([...between]).toEqual([...between].sort((a, b) => a - b));
    expect(await screen.findByTestId('har-summary')).toBeTruthy();
  });

  it('shows progress while it reads, and Cancel stops it with nothing imported', async () => {
    const { store, har: actions } = renderPanel([]);
    let feed: (chunk: Uint8Array | null) => void = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        feed = (chunk) => (chunk ? controller.enqueue(chunk) : controller.close());
      },
    });
    const bytes = new TextEncoder().encode(har);
    const half = Math.floor(bytes.length / 2);
    const file = {
      name: 'big.har',
      size: bytes.length,
      stream: () => stream,
      slice: () => new Blob(),
    };
    const done = actions.importFile(file as unknown as File);
    await act(async () => feed(bytes.subarray(0, half)));
    await waitFor(() => expect(screen.getByTestId('har-status').dataset.phase).toBe('reading'));
    const progress = screen.getByRole('progressbar');
    await waitFor(() => expect(progress.getAttribute('value')).toBe(String(half)));
    expect(screen.getByTestId('har-progress-text').textContent).toMatch(/^(49|50)% of \d+ KB$/);
    expect(screen.getByTestId('har-status').getAttribute('aria-busy')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await act(async () => feed(bytes.subarray(half)));
    await done;
    expect(screen.queryByTestId('har-status')).toBeNull();
    expect(store.state.value.imported).toEqual([]);
    actions.cancelImport(); // nothing left to cancel: harmless
  });
});

describe('Export sanitized HAR', () => {
  it('is disabled outside DevTools, saying why', () => {
    renderPanel([]);
    const button = screen.getByRole('button', {
      name: 'Export sanitized HAR',
    }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute('aria-describedby')!);
    expect(reason?.textContent).toMatch(/^Only in DevTools: .*DevTools' network log/);
    expect(button.title).toBe(reason?.textContent);
  });

  it("saves DevTools' log of the Rhythm requests, sanitized, and says what it removed", async () => {
    const saved: Array<{ text: string; fileName: string }> = [];
    const log = (JSON.parse(har) as { log: unknown }).log;
    renderPanel(
      [],
      fakeServices({
        inDevtools: true,
        networkHar: async () => log,
        saveHar: (text, fileName) => saved.push({ text, fileName }),
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export sanitized HAR' }));
    const summary = await screen.findByTestId('har-summary', {}, { timeout: 5000 });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fileName).toMatch(
      /^rhythm-auth-sanitized-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.har$/,
    );
    expect(saved[0]!.text).not.toContain(tokens.user.split('.')[2]);
    // The cookie's value goes; its name stays (SPEC §6).
    expect(saved[0]!.text).not.toContain('ps-1a2b3c4d5e6f7a8b9c0d');
    expect(saved[0]!.text).toContain('portal_session=[redacted]');
    expect(summary.textContent).toMatch(
      new RegExp(
        `^Saved ${saved[0]!.fileName.replace(/\./g, '\\.')}: ${rootCauses.length + 1} requests to the Rhythm APIs from DevTools’ network log; \\d+ token signatures masked, \\d+ cookie values redacted, \\d+ other secrets redacted\\.`,
      ),
    );
  });

  it('says so when the log has no Rhythm request, and saves nothing', async () => {
    const saveHar = vi.fn();
    renderPanel(
      [],
      fakeServices({ inDevtools: true, networkHar: async () => ({ entries: [] }), saveHar }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export sanitized HAR' }));
    expect((await screen.findByTestId('har-error', {}, { timeout: 5000 })).textContent).toMatch(
      /^Could not export a sanitized HAR: DevTools' network log has no request to a Rhythm API yet/,
    );
    expect(saveHar).not.toHaveBeenCalled();
  });
});
