import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './insights.css';
import { getDb } from '../../lib/db';
import { presetFromHash } from '../../lib/insights/presets';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App db={getDb()} initialPreset={presetFromHash(location.hash)} />
  </StrictMode>,
);
