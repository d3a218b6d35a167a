/** Untrusted text made visible: invisible and reordering characters shown as `\\uXXXX` escapes. */

/** Bidi controls, zero-width and other invisible format characters, and C0/C1 controls but tab and newline. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
