import { Button, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/use-t';
import type { NavItem } from '../shells/nav-items';

/** The role's sections again, as buttons big enough for a thumb. */
export function SectionButtons({ items }: { items: readonly NavItem[] }) {
  const t = useT();
  return (
    <Stack gap="sm">
      {items
        .filter((item) => item.path !== '/')
        .map((item) => (
          <Button
            key={item.path}
            component={Link}
            to={item.path}
            size="xl"
            variant="light"
            fullWidth
            justify="start"
          >
            {t(item.label)}
          </Button>
        ))}
    </Stack>
  );
}
