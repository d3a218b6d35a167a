import { render } from 'preact';
import '../shared/ui/theme.css';
import './styles/layout.css';
import './styles/icons.css';
import './styles/detail.css';
import './styles/lifetime.css';
import './styles/dialogs.css';
import './styles/har.css';
import './styles/toast.css';
import { App } from './App.js';
import { boot } from './boot.js';
import { PanelContext } from './services.js';
import { createPanelStore } from './store.js';

const panel = boot(createPanelStore(undefined, Date.now()));

render(
  <PanelContext.Provider value={panel}>
    <App />
  </PanelContext.Provider>,
  document.getElementById('app')!,
);
