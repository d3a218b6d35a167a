/** The hidden DevTools page: creates the "Rhythm Auth" panel, nothing else. */
import browser from 'webextension-polyfill';

// Opened as a plain tab (tests, curious users), there is no `devtools` namespace.
if (browser.devtools?.panels) {
  void browser.devtools.panels.create('Rhythm Auth', '/icons/icon-32.png', '/src/panel/index.html');
}
