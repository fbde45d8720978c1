import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CohortChooser } from '../components/cohort-chooser';
import { useT } from '../i18n/use-t';

/** Timetables are cohort by cohort: the cohorts, each leading to its week view and its ledger. */
export function SessionsPage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('sessions.title')}</Title>
        <Text c="dimmed">{t('sessions.intro')}</Text>
      </div>
      <CohortChooser
        testId="session-cohorts"
        to={(cohort) => `/cohorts/${cohort.id}/timetable`}
        extraColumn={{
          header: t('ledger.link'),
          cell: (cohort) => (
            <Anchor
              component={Link}
              to={`/cohorts/${cohort.id}/ledger`}
              aria-label={`${t('ledger.link')} — ${cohort.label}`}
            >
              {t('ledger.link')}
            </Anchor>
          ),
        }}
      />
    </Stack>
  );
}
