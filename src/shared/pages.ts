/**
 * Extension pages more than one context opens by path: the worker opens the first-run page on
 * install, the popup and the Options page link to it (`runtime.getURL(WELCOME_PAGE)`).
 */
export const WELCOME_PAGE = 'src/welcome/index.html';
