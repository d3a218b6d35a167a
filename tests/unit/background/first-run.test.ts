import { describe, expect, it } from 'vitest';
import { opensWelcome } from '../../../src/background/first-run.js';

describe('opensWelcome: the first-run page opens on install only', () => {
  it.each<[string, boolean]>([
    ['install', true],
    ['update', false], // a new version, or an unpacked extension reloaded
    ['chrome_update', false], // the browser updated
    ['browser_update', false], // Firefox's name for it
    ['shared_module_update', false],
  ])('reason %j → %s', (reason, opens) => {
    expect(opensWelcome({ reason })).toBe(opens);
  });
});
