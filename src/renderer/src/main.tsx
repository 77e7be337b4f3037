// In development the React plugin's refresh preamble would be an inline <script>, which the CSP
// (script-src 'self') blocks; importing it as a module avoids that. It is empty in builds.
import '@vitejs/plugin-react/preamble';
// Global styles first, so component styles cascade over them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MissingToken } from './app/MissingToken';
import { Shell } from './app/Shell';
import { startHashSync } from './app/hash-route';
import { connectToHost } from './rpc/connect';
import { TOKEN_FRAGMENT_KEY } from '../../shared';

// A launch link pasted into an open tab changes only the fragment, which does not reload the page.
// Reload, so the new token is taken (and one left from an earlier launch replaced).
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(window.location.hash.slice(1)).has(TOKEN_FRAGMENT_KEY)) window.location.reload();
});

// The token must be taken from the fragment before the router writes its own fragment.
const startup = connectToHost(window);
const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing #root');

if (startup.kind === 'ready') startHashSync(window);

createRoot(container).render(
  <StrictMode>{startup.kind === 'ready' ? <Shell client={startup.client} /> : <MissingToken />}</StrictMode>,
);
