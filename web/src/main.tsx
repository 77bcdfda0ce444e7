import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptTokenFromUrl } from './api/auth';
import { App } from './App';
import './styles.css';

// A first-start URL (/#token=…) hands over the token: keep it for this tab, drop it from the address bar.
adoptTokenFromUrl(window.location, window.history, sessionStorage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
