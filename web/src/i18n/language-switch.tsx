import { SegmentedControl } from '@mantine/core';
import { isLocale } from './locale';
import { useLocale } from './locale-provider';
import { useT } from './use-t';

/** Always visible: anyone can change the language at any time, including before signing in. */
export function LanguageSwitch({ size = 'sm' }: { size?: 'sm' | 'md' | 'lg' }) {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <SegmentedControl
      // Mantine measures the indicator once; a new direction must remount it or it stays put.
      key={locale}
      size={size}
      aria-label={t('language.label')}
      value={locale}
      onChange={(value) => isLocale(value) && setLocale(value)}
      data={[
        { value: 'ar-MA', label: <span lang="ar">{t('language.ar')}</span> },
        { value: 'fr-MA', label: <span lang="fr">{t('language.fr')}</span> },
      ]}
    />
  );
}
