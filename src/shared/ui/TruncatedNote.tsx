import { truncatedNote, type TokenInfo } from '../../analyzer/index.js';

/**
 * The marker of a diagnosis kept with its claims cut to the size cap of a stored diagnosis
 * (SPEC §7; `token.truncated`), in the words the reports use. Nothing when nothing was cut.
 */
export function TruncatedNote({ token }: { token: TokenInfo }) {
  const note = truncatedNote(token.truncated);
  if (!note) return null;
  return (
    <p class="truncated-note" role="note" data-testid="claims-truncated">
      {note}: long values end in <code>…[truncated]</code>, large ones are marked, and the rest was
      not kept. The token itself is unchanged.
    </p>
  );
}
