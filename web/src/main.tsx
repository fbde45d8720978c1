import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { applyDocumentLocale, DEFAULT_LOCALE, readStoredLocale } from './i18n/locale';

// Before the first paint, so an Arabic reader never sees a left-to-right flash.
const initialLocale = readStoredLocale() ?? DEFAULT_LOCALE;
applyDocumentLocale(initialLocale);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initialLocale={initialLocale} />
  </StrictMode>,
);
