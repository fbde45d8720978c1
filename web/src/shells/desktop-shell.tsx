import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { OfflineBanner } from '../components/offline-banner';
import { SignOutButton } from '../components/sign-out-button';
import { TenantSwitcher } from '../components/tenant-switcher';
import { isolate } from '../i18n/isolate';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';
import type { Session } from '../session/session-context';
import { activeSection, type NavItem } from './nav-items';

type SignedIn = Extract<Session, { status: 'signed-in' }>;

/** Directors, coordinators, network administrators and instructors: a desk, a wide screen. */
export function DesktopShell({
  session,
  items,
  children,
}: {
  session: SignedIn;
  items: readonly NavItem[];
  children: ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure();
  const t = useT();
  const { pathname } = useLocation();
  const active = activeSection(items, pathname);
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.openNavigation')}
            />
            <Title order={2} size="h3" c="teal.9">
              {t('app.name')}
            </Title>
            <TenantSwitcher memberships={session.memberships} />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" visibleFrom="md" c="dimmed">
              {t('shell.signedInAs', { name: isolate(session.user.displayName) })}
            </Text>
            {/* On a phone the header has no room for it: it moves to the end of the menu. */}
            <SignOutButton visibleFrom="xs" />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')} component="nav" data-testid="navbar">
        {items.map((item) => (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={t(item.label)}
            active={item === active}
            onClick={close}
            variant="filled"
            // A literal colour: hover then darkens it (a palette shade 9 would lighten to 8, below 4.5:1).
            color="#087f5b"
          />
        ))}
        <SignOutButton hiddenFrom="xs" mt="md" />
      </AppShell.Navbar>
      <AppShell.Main>
        <OfflineBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
