import { render } from 'preact';
import '../shared/ui/theme.css';
import './styles/layout.css';
import './styles/detail.css';
import './styles/lifetime.css';
import './styles/dialogs.css';
import './styles/har.css';
import { App } from './App.js';
import { boot, createServices } from './boot.js';
import { DEFAULT_SETTINGS } from '../shared/settings.js';
import { PanelContext } from './services.js';
import { createPanelStore } from './store.js';

const store = createPanelStore(undefined, Date.now());
// Without a tab (opened bare), the views still get services; the store shows why nothing loads.
const services = boot(store) ?? createServices(-1, false, () => DEFAULT_SETTINGS);

render(
  <PanelContext.Provider value={{ store, services }}>
    <App />
  </PanelContext.Provider>,
  document.getElementById('app')!,
);
