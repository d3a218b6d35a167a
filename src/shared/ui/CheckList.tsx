import type { CheckResult } from '../../analyzer/index.js';
import { RichText } from './RichText.js';
import { STATUS_LABEL, STATUS_MARK } from './format.js';

/**
 * The checklist: one row per check with its status, detail and fix (SPEC §10 data attributes).
 * The check's id (the public contract, in every export) shows on hover, not in the text.
 */
export function CheckList({
  checks,
  compact = false,
  label = 'Checklist',
}: {
  checks: CheckResult[];
  compact?: boolean;
  /** The list's accessible name: the panel shows one list per group of the guide. */
  label?: string;
}) {
  return (
    <ul class="checklist" aria-label={label}>
      {checks.map((c) => (
        <li
          key={c.id}
          class={`check check--${c.status}`}
          data-check-id={c.id}
          data-status={c.status}
        >
          <span class="check__mark" role="img" aria-label={STATUS_LABEL[c.status]}>
            {STATUS_MARK[c.status]}
          </span>
          <div class="check__body">
            <div class="check__title" title={c.id}>
              <RichText text={c.title} />
            </div>
            {(!compact || c.status === 'fail' || c.status === 'warn') && (
              <div class="check__detail">
                <RichText text={c.detail} />
              </div>
            )}
            {c.fix && (
              <div class="check__fix">
                <strong>Fix: </strong>
                <RichText text={c.fix} />
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
