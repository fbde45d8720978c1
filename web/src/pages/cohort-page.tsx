import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CohortForm } from '../components/cohort-form';
import { CohortOverview } from '../components/cohort-overview';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useCanWriteEnrollment, useCanWritePlacements } from '../session/permissions';
import { hasAnyRole, LEDGER_READERS, TIMETABLE_READERS, useRoles } from '../session/timetable-permissions';

const CohortPageQuery = graphql(`
  query CohortPage($id: ID!) {
    cohort(id: $id) {
      id
      label
      startsOn
      endsOn
      capacity
      programme {
        id
        nameFr
        nameAr
        durationMonths
        minAge
        maxAge
        minSchoolLevel
        trade {
          id
          code
          nameFr
          nameAr
        }
      }
      ...CohortOverview_CohortFragment
    }
  }
`);

/** One cohort: its figures, and the way to its applicants and trainees and to importing more. */
export function CohortPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const canWrite = useCanWriteEnrollment();
  // The board is in the placements section, which only directors and coordinators have.
  const canPlace = useCanWritePlacements();
  const roles = useRoles();
  const [editing, setEditing] = useState(false);
  const [result, reexecute] = useQuery({ query: CohortPageQuery, variables: { id } });

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ cohort }) =>
        !cohort ? (
          <NotFound />
        ) : (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/cohorts">
                {t('cohorts.title')}
              </Anchor>
              <Text>{cohort.label}</Text>
            </Breadcrumbs>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} data-testid="cohort-title">
                  {cohort.label}
                </Title>
                <Text c="dimmed">
                  {localName(cohort.programme.trade, locale)} · {localName(cohort.programme, locale)}
                </Text>
                <Text>
                  {t('cohort.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('programme.rules', {
                    months: cohort.programme.durationMonths,
                    min: cohort.programme.minAge,
                    max: cohort.programme.maxAge,
                  })}
                  {cohort.programme.minSchoolLevel &&
                    ` · ${t('programme.minSchoolLevelIs', { level: t(`schoolLevel.${cohort.programme.minSchoolLevel}`) })}`}
                </Text>
              </div>
              <Group gap="xs">
                <Button component={Link} to={`/enrollment?cohort=${cohort.id}`}>
                  {t('cohort.seeEnrollments')}
                </Button>
                {canPlace && (
                  <Button component={Link} to={`/cohorts/${cohort.id}/placements`} variant="default">
                    {t('cohort.placements')}
                  </Button>
                )}
                {hasAnyRole(roles, TIMETABLE_READERS) && (
                  <Button component={Link} to={`/cohorts/${cohort.id}/timetable`} variant="default">
                    {t('timetable.link')}
                  </Button>
                )}
                {hasAnyRole(roles, LEDGER_READERS) && (
                  <Button component={Link} to={`/cohorts/${cohort.id}/ledger`} variant="default">
                    {t('ledger.link')}
                  </Button>
                )}
                {canWrite && (
                  <>
                    <Button component={Link} to={`/cohorts/${cohort.id}/import`} variant="default">
                      {t('cohort.import')}
                    </Button>
                    <Button component={Link} to={`/enrollment/new?cohort=${cohort.id}`} variant="default">
                      {t('applicant.new')}
                    </Button>
                    <Button variant="subtle" onClick={() => setEditing(true)}>
                      {t('cohort.edit')}
                    </Button>
                  </>
                )}
              </Group>
            </Group>
            <CohortOverview cohort={cohort} />
            <AppModal opened={editing} onClose={() => setEditing(false)} title={t('cohort.edit')} size="lg">
              <CohortForm
                mode="edit"
                cohort={cohort}
                onDone={() => {
                  setEditing(false);
                  reexecute({ requestPolicy: 'network-only' });
                }}
              />
            </AppModal>
          </Stack>
        )
      }
    </QueryBoundary>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Stack align="flex-start">
      <Title order={1}>{t('cohort.notFound')}</Title>
      <Anchor component={Link} to="/cohorts">
        {t('cohort.backToList')}
      </Anchor>
    </Stack>
  );
}
