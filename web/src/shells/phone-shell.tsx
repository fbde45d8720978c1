import { AppShell, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { OfflineBanner } from '../components/offline-banner';
import { SignOutButton } from '../components/sign-out-button';
import { TenantSwitcher } from '../components/tenant-switcher';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';
import type { Session } from '../session/session-context';
import { activeSection, type NavItem } from './nav-items';
import classes from './phone-shell.module.css';

type SignedIn = Extract<Session, { status: 'signed-in' }>;

/**
 * Host artisans and trainees: a phone in the workshop, often held in one hand. Large tap targets,
 * the sections always at the bottom of the screen, nothing wider than 360 px.
 */
export function PhoneShell({
  session,
  items,
  children,
}: {
  session: SignedIn;
  items: readonly NavItem[];
  children: ReactNode;
}) {
  const t = useT();
  const { pathname } = useLocation();
  const active = activeSection(items, pathname);
  return (
    <AppShell header={{ height: 112 }} footer={{ height: 76 }} padding="md">
      <AppShell.Header px="sm" py={6}>
        <Group justify="space-between" wrap="nowrap" h={44}>
          <Text fw={700} size="xl" c="teal.9">
            {t('app.name')}
          </Text>
          <SignOutButton size="md" />
        </Group>
        <Group justify="space-between" wrap="nowrap" mt={6}>
          <LanguageSwitch size="md" />
          <TenantSwitcher memberships={session.memberships} />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <OfflineBanner />
        {children}
      </AppShell.Main>
      <AppShell.Footer component="nav" aria-label={t('shell.navigation')} data-testid="bottom-nav">
        <div className={classes.tabs}>
          {items.map((item) => {
            const current = item === active;
            return (
              <UnstyledButton
                key={item.path}
                component={Link}
                to={item.path}
                className={classes.tab}
                data-active={current || undefined}
                aria-current={current ? 'page' : undefined}
              >
                {t(item.label)}
              </UnstyledButton>
            );
          })}
        </div>
      </AppShell.Footer>
    </AppShell>
  );
}
