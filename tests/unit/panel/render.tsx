/** Renders the panel (or one view) with a store and fake services, as main.tsx does. */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { App } from '../../../src/panel/App.js';
import { createHarActions, type HarActions } from '../../../src/panel/har/actions.js';
import { PanelContext } from '../../../src/panel/services.js';
import type { PanelEntry } from '../../../src/panel/entry.js';
import { initialState, type PanelState } from '../../../src/panel/state.js';
import { createPanelStore, type PanelStore } from '../../../src/panel/store.js';
import { fakeServices, SENT_AT, type FakeServices } from './fixtures.js';

export interface Rendered {
  store: PanelStore;
  services: FakeServices;
  /** The real HAR actions, over the fake services. */
  har: HarActions;
  container: Element;
}

/** A store already synced with `entries` (newest first), like a live panel. */
export function syncedStore(entries: PanelEntry[], patch: Partial<PanelState> = {}): PanelStore {
  const store = createPanelStore({ ...initialState(), ...patch }, SENT_AT + 60_000);
  store.dispatch({ type: 'synced', entries });
  return store;
}

export function renderWith(
  children: ComponentChildren,
  store: PanelStore,
  services: FakeServices = fakeServices(),
): Rendered {
  const har = createHarActions(store, services);
  const { container } = render(
    <PanelContext.Provider value={{ store, services, har }}>{children}</PanelContext.Provider>,
  );
  return { store, services, har, container };
}

export function renderPanel(
  entries: PanelEntry[],
  services: FakeServices = fakeServices(),
): Rendered {
  return renderWith(<App />, syncedStore(entries), services);
}
