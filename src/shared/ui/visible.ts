/** Untrusted text made visible: invisible and reordering characters shown as `\uXXXX` escapes. */
import { invisiblePattern, showInvisible } from '../../analyzer/index.js';

/** The analyzer's invisible characters and a carriage return; tab and newline stay as they are. */
const HIDDEN = invisiblePattern('\\r');

export function visible(text: string): string {
  return showInvisible(text, HIDDEN);
}
