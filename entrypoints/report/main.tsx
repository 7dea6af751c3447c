import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './report.css';
import { getDb } from '../../lib/db';
import { App } from './App';

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <App db={getDb()} />
  </StrictMode>,
);
// Unmounting runs every image's clean-up, which revokes its object URL
// (https://developer.mozilla.org/en-US/docs/Web/API/URL/revokeObjectURL_static).
window.addEventListener('pagehide', (e) => {
  if (!e.persisted) root.unmount();
});
