import { useState } from 'preact/hooks';
import { copyText } from '../../shared/ui/clipboard.js';
import { clip, COLLAPSED_CHARS, EXPANDED_CHARS } from '../view/display.js';

/**
 * Untrusted text, rendered as text (never HTML), invisible characters shown as `\uXXXX`, and
 * capped: collapsed to a line or two with "Show all", and never more than EXPANDED_CHARS rendered.
 */
export function LongText({
  text,
  limit = COLLAPSED_CHARS,
  block = false,
}: {
  text: string;
  limit?: number;
  block?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState('');
  const shown = clip(text, open ? EXPANDED_CHARS : limit);
  const canExpand = text.length > limit;
  const Tag = block ? 'pre' : 'span';
  return (
    <span class={`long${block ? ' long--block' : ''}`}>
      <Tag class="long__text">
        {shown.text}
        {shown.clipped ? '…' : ''}
      </Tag>
      {canExpand && (
        <button
          type="button"
          class="link long__toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Show less' : `Show all (${text.length.toLocaleString('en-US')} characters)`}
        </button>
      )}
      {open && shown.clipped && (
        <span class="muted long__note">
          The first {EXPANDED_CHARS.toLocaleString('en-US')} characters are shown.{' '}
          <button
            type="button"
            class="link"
            onClick={() =>
              void copyText(text).then((ok) => setCopied(ok ? 'Copied.' : 'Copy failed.'))
            }
          >
            Copy the whole value
          </button>{' '}
          {copied}
        </span>
      )}
    </span>
  );
}
