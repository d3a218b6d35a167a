/**
 * Which requests are ours to diagnose (SPEC §7), one rule for every source: webRequest, DevTools'
 * network log, an imported HAR and `rhythm-auth diagnose --har`. A 401 (and a 403 when the Options
 * page asks for it) answered by a Rhythm API host or one of the settings' extra API hosts.
 */
import { hostOf } from './parse/url.js';
import { isRhythmApiHost } from './rhythm.js';
import type { AnalyzerSettings, CapturedRequest } from './types.js';

/** A Rhythm API host, or an extra API host of the settings (a staging domain). */
export function isApiHost(host: string, settings: AnalyzerSettings = {}): boolean {
  const lower = host.toLowerCase();
  return isRhythmApiHost(lower) || (settings.extraApiHosts ?? []).includes(lower);
}

/** The statuses diagnosed: 401, and 403 when the settings ask for it. */
export function diagnosedStatuses(settings: AnalyzerSettings = {}): readonly number[] {
  return settings.capture403 ? [401, 403] : [401];
}

export function isDiagnosable(
  request: Pick<CapturedRequest, 'url' | 'status'>,
  settings: AnalyzerSettings = {},
): boolean {
  if (!diagnosedStatuses(settings).includes(request.status)) return false;
  const host = hostOf(request.url);
  return host !== null && isApiHost(host, settings);
}
