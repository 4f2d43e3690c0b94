import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureToken } from './api/client';
import { App } from './app/App';
import { readCspNonce, registerGridModules } from './grid/setup';
import './styles.css';

captureToken();
registerGridModules();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App styleNonce={readCspNonce()} />
  </StrictMode>,
);
