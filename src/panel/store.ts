/** The panel's one store: the state in a signal, every event through `reduce` (state.ts). */
import { computed, signal } from '@preact/signals';
import {
  allEntries,
  initialState,
  reduce,
  selectedEntry,
  visibleEntries,
  type PanelEvent,
  type PanelState,
} from './state.js';
import { navigationMarks } from './view/navigations.js';

export function createPanelStore(initial: PanelState = initialState(), now = 0) {
  const state = signal(initial);
  const all = computed(() => allEntries(state.value));
  const visible = computed(() => visibleEntries(state.value));
  const selected = computed(() => selectedEntry(state.value, visible.value));
  /** The first 401 after each navigation of the page, by entry id (the list marks them). */
  const navigated = computed(() => navigationMarks(all.value, state.value.navigations));
  /** The clock the lifetime picture shows as "now"; the shell ticks it. */
  const clock = signal(now);
  return {
    state,
    all,
    visible,
    selected,
    navigated,
    clock,
    dispatch(event: PanelEvent): void {
      state.value = reduce(state.value, event);
    },
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
