/**
 * The browser this page runs in, named once, here (SPEC §11), for wording and reports. Firefox is
 * told by a feature, its `runtime.getBrowserInfo` (no Chromium browser has it), never by the user
 * agent; a Chromium browser names itself in `navigator.userAgentData.brands`.
 */

type Brands = ReadonlyArray<{ brand: string; version: string }> | undefined;

/** The slice of Firefox's native `browser.runtime` read here. */
export interface RuntimeInfo {
  getBrowserInfo?: () => Promise<{ name: string; version: string }>;
}

/** `Chrome 131`: the real brand, not the GREASE one ("Not:A-Brand") nor the engine when a brand exists. */
export function browserName(brands: Brands, userAgent: string): string {
  const brand = realBrand(brands);
  return brand ? `${brand.brand} ${brand.version}` : userAgent;
}

function realBrand(brands: Brands) {
  const real = (brands ?? []).filter((b) => !/not.a.brand/i.test(b.brand));
  return real.find((b) => b.brand !== 'Chromium') ?? real[0];
}

function pageBrands(): Brands {
  const nav = (globalThis as { navigator?: { userAgentData?: { brands?: Brands } } }).navigator;
  return nav?.userAgentData?.brands;
}

/** Firefox's own `browser.runtime` (webextension-polyfill leaves it as is), else undefined. */
function nativeRuntime(): RuntimeInfo | undefined {
  return (globalThis as { browser?: { runtime?: RuntimeInfo } }).browser?.runtime;
}

export type BrowserFamily = 'firefox' | 'chromium';

export function browserFamily(runtime: RuntimeInfo | undefined = nativeRuntime()): BrowserFamily {
  return typeof runtime?.getBrowserInfo === 'function' ? 'firefox' : 'chromium';
}

/** What the wording needs: the product's name, and where its user gives a site back. */
export interface BrowserWords {
  family: BrowserFamily;
  /** `Firefox`, `Google Chrome`, `Chromium`, `Microsoft Edge`… (`Chrome` when unknown). */
  name: string;
  /** The steps to the setting that turns the extension's access to a site on or off. */
  siteAccessSetting: string;
}

export function browserWords(
  runtime: RuntimeInfo | undefined = nativeRuntime(),
  brands: Brands = pageBrands(),
): BrowserWords {
  if (browserFamily(runtime) === 'firefox') {
    return {
      family: 'firefox',
      name: 'Firefox',
      siteAccessSetting: 'about:addons → Rhythm Auth → Permissions',
    };
  }
  return {
    family: 'chromium',
    name: realBrand(brands)?.brand ?? 'Chrome',
    siteAccessSetting: 'chrome://extensions → Rhythm Auth → Details → Site access',
  };
}

let firefoxName: string | null = null;

/** Asks Firefox its name and version once (`Firefox 153.0`), for currentBrowserName. */
export async function loadBrowserInfo(
  runtime: RuntimeInfo | undefined = nativeRuntime(),
): Promise<void> {
  if (!runtime?.getBrowserInfo) return;
  const info = await runtime.getBrowserInfo().catch(() => null);
  if (info) firefoxName = `${info.name} ${info.version}`;
}

/** The browser this page runs in, for reports: `Firefox 153.0`, `Chromium 156`. */
export function currentBrowserName(): string {
  if (firefoxName) return firefoxName;
  if (browserFamily() === 'firefox') return 'Firefox';
  const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
  return browserName(pageBrands(), nav?.userAgent ?? 'unknown browser');
}

// Started when a page loads this module: the answer is in long before any report is made.
void loadBrowserInfo();
