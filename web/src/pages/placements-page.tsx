import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CohortChooser } from '../components/cohort-chooser';
import { useT } from '../i18n/use-t';

/** Placements are planned cohort by cohort: the cohorts, each leading to its board. */
export function PlacementsPage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('placements.title')}</Title>
          <Text c="dimmed">{t('placements.intro')}</Text>
        </div>
        <Button component={Link} to="/hosts" variant="default">
          {t('hosts.title')}
        </Button>
      </Group>
      <CohortChooser testId="placement-cohorts" to={(cohort) => `/cohorts/${cohort.id}/placements`} />
    </Stack>
  );
}
