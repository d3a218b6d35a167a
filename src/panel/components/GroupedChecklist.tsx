import type { CheckResult } from '../../analyzer/index.js';
import { CheckList } from '../../shared/ui/CheckList.js';
import { STATUS_MARK } from '../../shared/ui/format.js';
import { foldChecks, groupChecks } from '../view/check-groups.js';

/**
 * The 19 checks grouped as the 401 guide is. What needs reading (failed, warned, context) is
 * listed; what passed or does not apply folds into one "13 passed · 4 not applicable" (a native
 * <details>: Enter or Space opens it), grouped the same way inside.
 */
export function GroupedChecklist({ checks }: { checks: CheckResult[] }) {
  const { open, folded, passed, skipped } = foldChecks(checks);
  return (
    <div class="groups">
      <Groups checks={open} />
      {folded.length > 0 && (
        <details class="groups__folded" data-testid="folded-checks">
          <summary>
            {[
              passed > 0 ? `${STATUS_MARK.pass} ${passed} passed` : '',
              skipped > 0 ? `${STATUS_MARK.skip} ${skipped} not applicable or not run` : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </summary>
          <Groups checks={folded} />
        </details>
      )}
    </div>
  );
}

function Groups({ checks }: { checks: CheckResult[] }) {
  return (
    <>
      {groupChecks(checks).map((group) => {
        const fails = group.checks.filter((c) => c.status === 'fail').length;
        const warns = group.checks.filter((c) => c.status === 'warn').length;
        return (
          <section key={group.id} class="group" data-group={group.id} aria-label={group.title}>
            <h3 class="group__title">
              {group.title}
              {fails > 0 && (
                <span class="group__count group__count--fail">
                  {STATUS_MARK.fail} {fails} failed
                </span>
              )}
              {warns > 0 && (
                <span class="group__count group__count--warn">
                  {STATUS_MARK.warn} {warns} warning{warns === 1 ? '' : 's'}
                </span>
              )}
            </h3>
            <CheckList checks={group.checks} label={group.title} />
          </section>
        );
      })}
    </>
  );
}
