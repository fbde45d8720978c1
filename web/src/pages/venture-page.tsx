import { Anchor, Breadcrumbs, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CoachingLog } from '../components/coaching-log';
import { EditVentureButton } from '../components/edit-venture-dialog';
import { VenturePhaseBadge } from '../components/incubation-badges';
import { LogSessionForm } from '../components/log-session-form';
import { QueryBoundary } from '../components/query-boundary';
import { VenturePhasePanel } from '../components/venture-phase-panel';
import {
  FormalisationSection,
  FundingSection,
  JobsSection,
  SurvivalSection,
} from '../components/venture-records';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useIncubationRights } from '../session/incubation-permissions';
import { useRoles } from '../session/timetable-permissions';
import { NotFoundPage } from './not-found-page';

const VenturePageQuery = graphql(`
  query VenturePage($id: ID!) {
    venture(id: $id) {
      id
      name
      sector
      description
      phase
      legalForm
      formalisedOn
      exitedOn
      province
      totalFundingMad
      cohort {
        id
        label
      }
      coach {
        id
        displayName
      }
      founders {
        isLead
        person {
          id
          fullName
          phone
        }
      }
      events {
        id
        fromPhase
        toPhase
        onDate
        reason
        at
        actor {
          id
          displayName
        }
      }
      funding {
        id
        amountMad
        source
        kind
        receivedOn
      }
      jobs {
        id
        countedOn
        fullTime
        temporary
        total
      }
      jobsHistory {
        id
        countedOn
        fullTime
        temporary
        total
      }
      survivalChecks {
        id
        yearsAfterExit
        checkedOn
        active
        notes
      }
      coachingSessions {
        id
        ...CoachingLog_CoachingSessionFragment
      }
    }
  }
`);

/**
 * A venture: its founders, phase and history, legal form, funding, jobs, survival after exit, and
 * the coaching log with the form to log a session — the screen a coach works from.
 */
export function VenturePage() {
  const { id = '' } = useParams();
  const t = useT();
  const format = useCentreFormatters();
  const rights = useIncubationRights();
  const coach = useRoles().every((role) => role === 'COACH');
  const [result, reexecute] = useQuery({ query: VenturePageQuery, variables: { id } });

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ venture }) => {
        if (!venture) {
          return (
            <NotFoundPage
              title={t('venture.notFound')}
              back={{ to: '/ventures', label: t('venture.backToList') }}
            />
          );
        }
        const founders = [...venture.founders].sort((a, b) => Number(b.isLead) - Number(a.isLead));
        const coaching = (
          <Stack gap="md" component="section" aria-labelledby="coaching-title" data-testid="coaching">
            <Title order={2} size="h3" id="coaching-title">
              {t('coaching.title', { count: venture.coachingSessions.length })}
            </Title>
            {rights.logCoaching && venture.phase !== 'ABANDONED' && (
              <Card withBorder radius="md" padding="md">
                <Title order={3} size="h5" mb="xs">
                  {t('coaching.logTitle')}
                </Title>
                <LogSessionForm ventureId={venture.id} />
              </Card>
            )}
            <CoachingLog sessions={venture.coachingSessions} />
          </Stack>
        );
        return (
          <Stack gap="lg" data-testid="venture-page">
            <Breadcrumbs>
              <Anchor component={Link} to="/ventures">
                {coach ? t('ventures.mine') : t('ventures.title')}
              </Anchor>
              <Text>{venture.name}</Text>
            </Breadcrumbs>
            <div>
              <Group gap="sm">
                <Title order={1} data-testid="venture-name">
                  {venture.name}
                </Title>
                <VenturePhaseBadge phase={venture.phase} />
                {rights.writeVentures && <EditVentureButton venture={venture} />}
              </Group>
              <Text>
                <bdi>{venture.sector}</bdi>
                {venture.province ? ` · ${isolate(venture.province)}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {[
                  venture.cohort && isolate(venture.cohort.label),
                  venture.coach && t('venture.coachValue', { coach: isolate(venture.coach.displayName) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </div>
            {venture.description && (
              <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {venture.description}
              </Text>
            )}
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }} order={{ base: coach ? 1 : 2, md: 1 }}>
                {coaching}
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }} order={{ base: coach ? 2 : 1, md: 2 }}>
                <Stack gap="md">
                  <Panel title={t('venture.founders')} testId="founders">
                    <List spacing={4} listStyleType="none" p={0}>
                      {founders.map((founder) => (
                        <List.Item key={founder.person.id} data-testid="founder">
                          {rights.openPeople ? (
                            <Anchor component={Link} to={`/people/${founder.person.id}`}>
                              {founder.person.fullName}
                            </Anchor>
                          ) : (
                            founder.person.fullName
                          )}
                          {founder.isLead && (
                            <Text span size="sm" c="dimmed">
                              {' '}
                              · {t('venture.lead')}
                            </Text>
                          )}
                          {founder.person.phone && (
                            <Text size="sm" c="dimmed">
                              <bdi dir="ltr">{founder.person.phone}</bdi>
                            </Text>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  </Panel>
                  <Panel title={t('venture.phaseTitle')} testId="phase">
                    <VenturePhasePanel
                      ventureId={venture.id}
                      phase={venture.phase}
                      events={venture.events}
                      canWrite={rights.writeVentures}
                    />
                  </Panel>
                  <Panel title={t('venture.legal')}>
                    <FormalisationSection
                      ventureId={venture.id}
                      legalForm={venture.legalForm}
                      formalisedOn={venture.formalisedOn}
                      canWrite={rights.writeVentures}
                    />
                  </Panel>
                  <Panel title={t('venture.funding')}>
                    <FundingSection
                      ventureId={venture.id}
                      funding={venture.funding}
                      total={venture.totalFundingMad}
                      canWrite={rights.writeVentures}
                    />
                  </Panel>
                  <Panel
                    title={t('venture.jobs')}
                    aside={
                      venture.jobs
                        ? t('venture.jobsNow', {
                            total: venture.jobs.total,
                            date: format.day(venture.jobs.countedOn),
                          })
                        : undefined
                    }
                  >
                    <JobsSection
                      ventureId={venture.id}
                      history={venture.jobsHistory}
                      canWrite={rights.writeVentures}
                    />
                  </Panel>
                  <Panel title={t('venture.survival')}>
                    <SurvivalSection
                      ventureId={venture.id}
                      exitedOn={venture.exitedOn}
                      checks={venture.survivalChecks}
                      canWrite={rights.writeVentures}
                    />
                  </Panel>
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

function Panel({
  title,
  aside,
  testId,
  children,
}: {
  title: string;
  aside?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" component="section" data-testid={testId}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {aside && (
          <Text size="sm" c="dimmed">
            {aside}
          </Text>
        )}
      </Group>
      {children}
    </Card>
  );
}
