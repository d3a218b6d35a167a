/** The pages' side of src/shared/messages.ts: typed requests to the service worker. */
import browser from 'webextension-polyfill';
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

/** The tab a page shows: `?tabId=` when opened as a tab (SPEC §10), else the given fallback. */
export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
