import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureLaunchToken } from './api/client';
import { initI18n } from './i18n';
import './styles/base.css';
import './styles/frame.css';
import './styles/form.css';
import './styles/data.css';
import './styles/calculate.css';

// The token must leave the address bar before anything can record the URL.
captureLaunchToken();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
