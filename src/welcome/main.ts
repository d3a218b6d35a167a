/**
 * The first-run page (opened on install, and from the popup's "Getting started"): static HTML,
 * told here which browser it is in (its steps differ) and which shortcut the user really has
 * (the suggested one may be taken, or changed).
 */
import browser from 'webextension-polyfill';
import { browserWords } from '../shared/browser-name.js';
import '../shared/ui/theme.css';
import './welcome.css';

const words = browserWords();
document.documentElement.dataset.browser = words.family;
for (const el of document.querySelectorAll('[data-browser-name]')) el.textContent = words.name;

/** `Alt+Shift+R` as keys; the browser gives `Alt+Shift+R` (Chrome, Firefox) or `⌥⇧R` (macOS). */
function showShortcut(shortcut: string | undefined): void {
  const target = document.querySelector('[data-shortcut]');
  if (!target) return;
  if (!shortcut) {
    target.textContent = 'No shortcut is set (another one took it); set one, and it';
    return;
  }
  const keys = shortcut.includes('+') ? shortcut.split('+') : [...shortcut];
  target.replaceChildren(
    ...keys.flatMap((key, i) => {
      const kbd = document.createElement('kbd');
      kbd.textContent = key;
      return i === 0 ? [kbd] : [document.createTextNode('+'), kbd];
    }),
  );
}

void browser.commands
  .getAll()
  .then((commands) => showShortcut(commands.find((c) => c.name === '_execute_action')?.shortcut))
  .catch(() => undefined);

/** Firefox 137+ opens its shortcut settings itself; Chrome's are a chrome:// page. */
interface FirefoxCommands {
  openShortcutSettings?: () => Promise<void>;
}

function openShortcutSettings(): void {
  const commands = browser.commands as unknown as FirefoxCommands;
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

document.addEventListener('click', (event) => {
  const action = (event.target as Element | null)
    ?.closest('[data-action]')
    ?.getAttribute('data-action');
  if (action === 'options') void browser.runtime.openOptionsPage();
  if (action === 'shortcuts') openShortcutSettings();
});
