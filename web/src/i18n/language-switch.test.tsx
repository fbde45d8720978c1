import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from './language-switch';
import { LocaleProvider, useLocale } from './locale-provider';
import { useT } from './use-t';

function Probe() {
  const t = useT();
  const { dir } = useDirection();
  return (
    <p data-testid="probe" data-dir={dir}>
      {t('signIn.title')} | {t('members.count', { count: 3 })} | {t('members.count', { count: 11 })}
    </p>
  );
}

function Suggest() {
  const { suggestLocale } = useLocale();
  return (
    <button type="button" onClick={() => suggestLocale('fr-MA')}>
      suggest
    </button>
  );
}

const renderSwitch = () =>
  render(
    <DirectionProvider>
      <MantineProvider>
        <LocaleProvider>
          <LanguageSwitch />
          <Probe />
          <Suggest />
        </LocaleProvider>
      </MantineProvider>
    </DirectionProvider>,
  );

describe('language switch', () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('dir');
    document.documentElement.removeAttribute('lang');
  });

  it('starts in Arabic, right to left, with Arabic plural forms', () => {
    renderSwitch();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar-MA');
    expect(screen.getByTestId('probe').dataset.dir).toBe('rtl');
    expect(screen.getByTestId('probe').textContent).toBe('تسجيل الدخول | 3 أعضاء | 11 عضوا');
  });

  it('switches to French, left to right, and remembers the choice', () => {
    renderSwitch();
    fireEvent.click(screen.getByLabelText('Français'));
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('fr-MA');
    expect(screen.getByTestId('probe').dataset.dir).toBe('ltr');
    expect(screen.getByTestId('probe').textContent).toBe('Connexion | 3 membres | 11 membres');
    expect(localStorage.getItem('maalem.locale')).toBe('fr-MA');
  });

  it('lets a suggestion (account, role) apply only while the person has not chosen', () => {
    localStorage.setItem('maalem.locale', 'ar-MA');
    renderSwitch();
    fireEvent.click(screen.getByText('suggest'));
    expect(document.documentElement.dir).toBe('rtl');
  });
});
