/** The words of the panel's HAR status line: pure, so the tests read them without a DOM. */
import type { SanitizeChanges } from '../../har/secrets.js';
import type { HarImportSummary } from './import.js';

export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** 1536 → "1.5 KB", 12_345_678 → "11.8 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return count(bytes, 'byte', 'bytes');
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "9 entries, 6 Rhythm 401s diagnosed (5 with a failing check)", and what was left out. */
export function importedText(s: HarImportSummary): string {
  const parts = [count(s.entries, 'entry', 'entries')];
  if (s.diagnosed === 0) {
    parts.push('no 401 from a Rhythm API');
  } else {
    parts.push(
      `${count(s.diagnosed, 'Rhythm 401', 'Rhythm 401s')} diagnosed (${s.failed.toLocaleString('en-US')} with a failing check)`,
    );
  }
  let text = parts.join(', ');
  if (s.listed < s.diagnosed) text += `; the newest ${s.listed.toLocaleString('en-US')} are listed`;
  if (s.unreadable > 0) {
    text += `; ${count(s.unreadable, 'entry', 'entries')} without a URL, method, status or start time skipped`;
  }
  return text;
}

/** "3 token signatures masked, 2 cookie values redacted, 1 other secret redacted". */
export function changesText(c: SanitizeChanges): string {
  const others = c.tokens + c.headers + c.queryParams + c.bodyFields + c.elsewhere;
  const parts = [
    c.signatures > 0 ? `${count(c.signatures, 'token signature', 'token signatures')} masked` : '',
    c.cookies > 0 ? `${count(c.cookies, 'cookie value', 'cookie values')} redacted` : '',
    others > 0 ? `${count(others, 'other secret', 'other secrets')} redacted` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'nothing secret was found in them' : parts.join(', ');
}
