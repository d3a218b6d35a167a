import type { CheckResult } from '../../analyzer/index.js';
import { CheckList } from '../../shared/ui/CheckList.js';
import { STATUS_MARK } from '../../shared/ui/format.js';
import { groupChecks } from '../view/check-groups.js';

/** The 19 checks grouped as the 401 guide is, each row with its status, detail and fix. */
export function GroupedChecklist({ checks }: { checks: CheckResult[] }) {
  return (
    <div class="groups">
      {groupChecks(checks).map((group) => {
        const fails = group.checks.filter((c) => c.status === 'fail').length;
        const warns = group.checks.filter((c) => c.status === 'warn').length;
        return (
          <section
            key={group.id}
            class="group"
            data-group={group.id}
            aria-labelledby={`group-${group.id}`}
          >
            <h3 id={`group-${group.id}`} class="group__title">
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
    </div>
  );
}
