/** Entry point: picks the transport (window.api or the agent's WebSocket) and mounts the app. */
// First import: in dev, React Refresh's preamble as a module. The inline <script> the plugin also injects is
// refused by our CSP (script-src 'self'); this module does the same job and is empty in production builds.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { getApiClient } from './api/client';
import { App } from './App';
import { useLocaleStore } from './i18n';
import { ApiProvider } from './stores/provider';
import './styles/app.css';

// The CSP has no 'unsafe-eval': tell zod not to probe `new Function` (each probe is a CSP violation report).
z.config({ jitless: true });

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
document.documentElement.lang = useLocaleStore.getState().language;

createRoot(container).render(
  <StrictMode>
    <ApiProvider client={getApiClient()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
