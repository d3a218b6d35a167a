/** Renders the panel (or one view) with a store and fake services, as main.tsx does. */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { App } from '../../../src/panel/App.js';
import { PanelContext } from '../../../src/panel/services.js';
import { initialState, type PanelEntry, type PanelState } from '../../../src/panel/state.js';
import { createPanelStore, type PanelStore } from '../../../src/panel/store.js';
import { fakeServices, SENT_AT, type FakeServices } from './fixtures.js';

export interface Rendered {
  store: PanelStore;
  services: FakeServices;
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
  const { container } = render(
    <PanelContext.Provider value={{ store, services }}>{children}</PanelContext.Provider>,
  );
  return { store, services, container };
}

export function renderPanel(
  entries: PanelEntry[],
  services: FakeServices = fakeServices(),
): Rendered {
  return renderWith(<App />, syncedStore(entries), services);
}
