import { useDirection } from '@mantine/core';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { IntlProvider } from 'react-intl';
import {
  applyDocumentLocale,
  DEFAULT_LOCALE,
  directionOf,
  intlTag,
  type Locale,
  readStoredLocale,
  storeLocale,
} from './locale';
import { CATALOGUES } from './messages';

interface LocaleContextValue {
  locale: Locale;
  /** The person's own choice: applied at once and remembered on this device. */
  setLocale: (locale: Locale) => void;
  /** A default from elsewhere (the account, the role): applied only while the person has not chosen. */
  suggestLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(() => {
    const stored = readStoredLocale();
    return { locale: stored ?? DEFAULT_LOCALE, chosen: stored !== null };
  });
  const { setDirection } = useDirection();

  useLayoutEffect(() => {
    applyDocumentLocale(state.locale);
    setDirection(directionOf(state.locale));
  }, [state.locale, setDirection]);

  const setLocale = useCallback((locale: Locale) => {
    storeLocale(locale);
    setState({ locale, chosen: true });
  }, []);
  const suggestLocale = useCallback((locale: Locale) => {
    setState((current) => (current.chosen || current.locale === locale ? current : { ...current, locale }));
  }, []);
  const value = useMemo(
    () => ({ locale: state.locale, setLocale, suggestLocale }),
    [state.locale, setLocale, suggestLocale],
  );

  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={intlTag(state.locale)} messages={CATALOGUES[state.locale]} defaultLocale="fr-MA">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}
