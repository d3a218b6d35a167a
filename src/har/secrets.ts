/**
 * The sanitizer's change counts, where the panel's HAR status and the CLI's summary import them
 * from. The sanitizer itself is src/har/sanitize/ (engine.ts); this name stays so the panel's
 * HAR files (moving to src/panel/har/) and the CLI keep one import.
 */
export { addChanges, CHANGE_KINDS, emptyChanges, type SanitizeChanges } from './sanitize/scope.js';
