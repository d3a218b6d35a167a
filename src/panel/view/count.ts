/**
 * The toolbar's count: captured (and imported) 401s apart from pasted tokens, which are not 401s
 * anyone saw ("18 401s · 1 pasted"); with a filter, how many of them it shows.
 */
import type { PanelEntry } from '../entry.js';

export function countText(all: readonly PanelEntry[], shown: number): string {
  if (all.length === 0) return '';
  if (shown !== all.length) return `${shown} of ${all.length}`;
  const pasted = all.filter((e) => e.source === 'paste').length;
  const seen = all.length - pasted;
  const parts = [
    seen > 0 ? `${seen} ${seen === 1 ? '401' : '401s'}` : '',
    pasted > 0 ? `${pasted} pasted` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
