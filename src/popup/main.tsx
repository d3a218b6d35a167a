import { render } from 'preact';
import '../shared/ui/theme.css';
import './popup.css';
import { App } from './App.js';

render(<App />, document.getElementById('app')!);
