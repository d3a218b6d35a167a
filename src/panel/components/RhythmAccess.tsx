import type { PermissionsLike } from '../../shared/rhythm-access.js';
import { RhythmAccessBanner, useRhythmAccess } from '../../shared/ui/RhythmAccess.js';
import { usePanel } from '../services.js';

/** The site access banner under the toolbar, where the page has `browser.permissions`. */
export function RhythmAccess() {
  const { services } = usePanel();
  return services.permissions ? (
    <Banner permissions={services.permissions} inDevtools={services.inDevtools} />
  ) : null;
}

function Banner({
  permissions,
  inDevtools,
}: {
  permissions: PermissionsLike;
  inDevtools: boolean;
}) {
  const granted = useRhythmAccess(permissions);
  return <RhythmAccessBanner permissions={permissions} granted={granted} inDevtools={inDevtools} />;
}
