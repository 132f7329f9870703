import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/context.js';
import { createApi } from './api/index.js';
import { App } from './App.js';
import { SignedOut } from './components/SignedOut.js';
import { setupI18n } from './i18n/setup.js';
import './styles.css';

setupI18n();
const element = document.getElementById('root');
if (!element) throw new Error('index.html lacks #root');
const root = createRoot(element);
const showSignedOut = () => root.render(<SignedOut />);
const { api, signedIn } = createApi(showSignedOut);
if (signedIn) {
  root.render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <App />
      </ApiContext.Provider>
    </StrictMode>,
  );
} else {
  showSignedOut();
}
