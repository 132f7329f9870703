import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/context.js';
import { createApi } from './api/index.js';
import { App } from './App.js';
import { setupI18n } from './i18n/setup.js';
import './styles.css';

setupI18n();
const api = createApi();
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
