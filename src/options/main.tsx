import { render } from 'preact';
import '../shared/ui/theme.css';
import './options.css';
import { App } from './App.js';
import { createBrowserStore } from './store.js';

render(<App store={createBrowserStore()} />, document.getElementById('app')!);
