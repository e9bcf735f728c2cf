// First: React Fast Refresh's preamble as a module, because the page's CSP forbids the inline
// script Vite would otherwise inject in development. In a production build it is empty.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startPhone } from './features/phone/start-phone';
import { useSessionStore } from './features/session/session-store';
import './i18n/i18n';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Outside React on purpose: StrictMode mounts effects twice, and the session is not the view's.
// The phone starts before the session is restored so it follows the first sign-in state.
startPhone();
void useSessionStore.getState().restore();
