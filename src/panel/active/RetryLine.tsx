import type { RetryResult } from '../../shared/active.js';
import { STATUS_MARK } from '../../shared/ui/format.js';
import { RichText } from '../../shared/ui/RichText.js';

const RETRY_MARK: Record<RetryResult['verdict'], string> = {
  confirmed: STATUS_MARK.pass,
  refused: STATUS_MARK.fail,
  inconclusive: STATUS_MARK.info,
};

/** "Retry with fix" in one line: what changed, the status, what it means. */
export function RetryLine({ retry }: { retry: RetryResult }) {
  return (
    <span class={`retry retry--${retry.verdict}`}>
      <span class="retry__mark" aria-hidden="true">
        {RETRY_MARK[retry.verdict]}
      </span>{' '}
      <strong>Retry ({retry.status === 0 ? 'no answer' : retry.status}):</strong>{' '}
      <RichText
        text={`${retry.change[0]?.toUpperCase() ?? ''}${retry.change.slice(1)}. ${retry.summary}`}
      />
    </span>
  );
}
