/**
 * The pages' side of the worker and of the extension itself: typed requests (src/shared/messages.ts)
 * and what a report says about where it was made. One of the two modules of src/shared/ that touch
 * the browser (areas.ts is the other).
 */
import browser from 'webextension-polyfill';
import type { ReportContext } from '../analyzer/index.js';
import { currentBrowserName } from './browser-name.js';
import type { MessageReply, MessageRequest, MessageType, Result } from './messages.js';

export async function send<T extends MessageType>(
  type: T,
  payload: MessageRequest<T>,
): Promise<MessageReply<T>> {
  const result = (await browser.runtime.sendMessage({ type, payload })) as
    Result<MessageReply<T>> | undefined;
  if (!result) throw new Error('The extension did not answer; try reopening this page.');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The tab a page shows when opened as a tab (`?tabId=`, SPEC §10), or null without one. */
export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** This extension's version, the browser and the time, for a report made now. */
export function reportContext(): Omit<ReportContext, 'tool'> {
  return {
    extensionVersion: browser.runtime.getManifest().version,
    browser: currentBrowserName(),
    generatedAt: Date.now(),
  };
}
