import { type Diagnosis, plural } from '../../analyzer/index.js';
import { RichText } from '../../shared/ui/RichText.js';
import { STATUS_MARK } from '../../shared/ui/format.js';
import { shortNames } from '../view/check-names.js';
import { visible } from '../view/display.js';

/** The verdict: the root cause, its one-line fix, and what else failed or warned. */
export function VerdictBanner({ diagnosis }: { diagnosis: Diagnosis }) {
  const cause = diagnosis.rootCause;
  const others = diagnosis.checks.filter((c) => c.status === 'fail' && c.id !== cause?.id);
  const warns = diagnosis.checks.filter((c) => c.status === 'warn');
  return (
    <section
      class={`verdict verdict--${diagnosis.verdict}`}
      aria-label="Verdict"
      data-verdict={diagnosis.verdict}
    >
      {cause ? (
        <>
          <p class="verdict__cause">
            <span class="verdict__mark" aria-hidden="true">
              {STATUS_MARK.fail}
            </span>
            <strong>
              <RichText text={cause.summary} />
            </strong>{' '}
            <code class="muted">{cause.id}</code>
          </p>
          {cause.fix && (
            <p class="verdict__fix">
              <strong>Fix: </strong>
              <RichText text={cause.fix} />
            </p>
          )}
          <p class="verdict__others muted" data-testid="other-failures">
            {others.length === 0 ? 'Nothing else failed' : `Also failed: ${shortNames(others)}`}
            {warns.length > 0 ? ` · warned: ${shortNames(warns)}` : ''}
          </p>
        </>
      ) : (
        <>
          <p class="verdict__cause">
            <span class="verdict__mark" aria-hidden="true">
              {STATUS_MARK[diagnosis.verdict]}
            </span>
            <strong>
              {diagnosis.verdict === 'warn'
                ? `No check failed; ${plural(warns.length, 'warning')} may explain the 401`
                : 'No check failed: the cause is not visible in the request'}
            </strong>
          </p>
          <p class="verdict__fix muted">
            {diagnosis.verdict === 'warn'
              ? `First: ${visible(warns[0]?.title ?? '')}`
              : "Read the server's answer below, and run the active checks (signature, contact) when available."}
          </p>
        </>
      )}
    </section>
  );
}
