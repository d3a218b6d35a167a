/** `Chrome 131`: the real brand, not the GREASE one ("Not:A-Brand") nor the engine when a brand exists. */
export function browserName(
  brands: ReadonlyArray<{ brand: string; version: string }> | undefined,
  userAgent: string,
): string {
  const real = (brands ?? []).filter((b) => !/not.a.brand/i.test(b.brand));
  const brand = real.find((b) => b.brand !== 'Chromium') ?? real[0];
  return brand ? `${brand.brand} ${brand.version}` : userAgent;
}

/** The browser this page runs in, for reports. */
export function currentBrowserName(): string {
  const nav = navigator as Navigator & {
    userAgentData?: { brands?: Array<{ brand: string; version: string }> };
  };
  return browserName(nav.userAgentData?.brands, nav.userAgent);
}
