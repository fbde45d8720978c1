import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CohortPageHeader } from '../components/cohort-page-header';
import { PlacementCard } from '../components/placement-card';
import { ProposePlacementForm } from '../components/propose-placement-form';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { groupBoard } from '../lib/placement-board';
import { useCentreToday } from '../lib/use-centre-today';
import { useCanWritePlacements } from '../session/permissions';

const PlacementBoardQuery = graphql(`
  query PlacementBoard($cohortId: ID!) {
    cohort(id: $cohortId) {
      id
      label
      startsOn
      endsOn
      programme {
        id
        nameFr
        nameAr
        practiceWeekdays
        trade {
          id
          nameFr
          nameAr
        }
      }
    }
    unplacedTrainees(cohortId: $cohortId, first: 100) {
      totalCount
      edges {
        node {
          id
          person {
            id
            fullName
            province
          }
        }
      }
    }
    proposed: placements(first: 100, filter: { cohortId: $cohortId, status: [PROPOSED] }) {
      totalCount
      edges {
        node {
          id
          status
          startsOn
          statusChangedAt
          enrollment {
            id
          }
          ...PlacementCard_PlacementFragment
        }
      }
    }
    placed: placements(first: 100, filter: { cohortId: $cohortId, status: [CONFIRMED, ACTIVE] }) {
      totalCount
      edges {
        node {
          id
          status
          startsOn
          statusChangedAt
          enrollment {
            id
          }
          ...PlacementCard_PlacementFragment
        }
      }
    }
    declined: placements(first: 100, filter: { cohortId: $cohortId, status: [DECLINED] }) {
      totalCount
      edges {
        node {
          id
          status
          startsOn
          statusChangedAt
          enrollment {
            id
          }
          ...PlacementCard_PlacementFragment
        }
      }
    }
    closed: placements(first: 50, filter: { cohortId: $cohortId, status: [COMPLETED, ENDED_EARLY] }) {
      totalCount
      edges {
        node {
          id
          status
          startsOn
          statusChangedAt
          enrollment {
            id
          }
          ...PlacementCard_PlacementFragment
        }
      }
    }
  }
`);

interface ToPlace {
  id: string;
  person: { id: string; fullName: string; province?: string | null };
}

/**
 * A cohort's placements at a glance: who still needs a host, who waits for an artisan's answer, who
 * is placed; declined and finished placements, with their reasons, fold away below.
 */
export function PlacementBoardPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const weekdays = useWeekdays();
  const today = useCentreToday();
  const canWrite = useCanWritePlacements();
  const [result, reexecute] = useQuery({ query: PlacementBoardQuery, variables: { cohortId: id } });
  const [proposing, setProposing] = useState<ToPlace | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => {
        const { cohort } = data;
        if (!cohort) {
          return (
            <Stack align="flex-start">
              <Title order={1}>{t('cohort.notFound')}</Title>
              <Anchor component={Link} to="/placements">
                {t('board.backToCohorts')}
              </Anchor>
            </Stack>
          );
        }
        const lists = [data.proposed, data.placed, data.declined, data.closed];
        const board = groupBoard(
          data.unplacedTrainees.edges.map((e) => e.node),
          lists.flatMap((list) => list.edges.map((e) => e.node)),
        );
        const more = (shown: number, total: number) =>
          total > shown ? (
            <Text size="sm" c="dimmed">
              {t('board.more', { shown, total })}
            </Text>
          ) : null;
        const cards = (placements: typeof board.placed) =>
          placements.map((placement) => (
            <PlacementCard key={placement.id} placement={placement} canWrite={canWrite} />
          ));

        return (
          <Stack gap="lg">
            <CohortPageHeader
              cohort={cohort}
              section={{ to: '/placements', label: t('placements.title') }}
              title={t('board.title', { cohort: isolate(cohort.label) })}
              titleTestId="board-title"
              note={t('board.practiceDays', { days: weekdays.list(cohort.programme.practiceWeekdays) })}
            >
              <Button component={Link} to={`/cohorts/${cohort.id}`} variant="default">
                {t('board.cohortPage')}
              </Button>
              <Button component={Link} to="/hosts" variant="default">
                {t('hosts.title')}
              </Button>
            </CohortPageHeader>
            {notice && (
              <Alert
                color="teal"
                variant="light"
                role="status"
                withCloseButton
                closeButtonLabel={t('common.close')}
                onClose={() => setNotice(null)}
                data-testid="board-notice"
              >
                {notice}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="placement-board">
              <Column
                title={t('board.toPlace')}
                count={board.toPlace.length}
                testId="column-to-place"
                empty={t('board.toPlaceEmpty')}
              >
                {board.toPlace.map((enrollment) => (
                  <Card
                    key={enrollment.id}
                    withBorder
                    radius="md"
                    padding="sm"
                    data-testid="trainee-to-place"
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <div>
                        <Anchor component={Link} to={`/people/${enrollment.person.id}`} fw={600} size="sm">
                          {enrollment.person.fullName}
                        </Anchor>
                        {enrollment.person.province && (
                          <Text size="xs" c="dimmed">
                            {enrollment.person.province}
                          </Text>
                        )}
                      </div>
                      {canWrite && (
                        <Button
                          size="compact-sm"
                          // Next to a long name, the button keeps its whole label.
                          style={{ flexShrink: 0 }}
                          onClick={() => {
                            setNotice(null);
                            setProposing(enrollment);
                          }}
                          aria-label={`${t('board.propose')} — ${enrollment.person.fullName}`}
                        >
                          {t('board.propose')}
                        </Button>
                      )}
                    </Group>
                  </Card>
                ))}
                {more(data.unplacedTrainees.edges.length, data.unplacedTrainees.totalCount)}
              </Column>
              <Column
                title={t('board.proposed')}
                count={board.proposed.length}
                testId="column-proposed"
                empty={t('board.proposedEmpty')}
              >
                {cards(board.proposed)}
                {more(data.proposed.edges.length, data.proposed.totalCount)}
              </Column>
              <Column
                title={t('board.placed')}
                count={board.placed.length}
                testId="column-placed"
                empty={t('board.placedEmpty')}
              >
                {cards(board.placed)}
                {more(data.placed.edges.length, data.placed.totalCount)}
              </Column>
            </SimpleGrid>
            <Accordion variant="separated" multiple data-testid="board-history">
              <Accordion.Item value="declined">
                <Accordion.Control data-testid="declined-toggle">
                  {t('board.declined', { count: data.declined.totalCount })}
                </Accordion.Control>
                <Accordion.Panel>
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="column-declined">
                    {board.declined.length === 0 ? (
                      <Text c="dimmed">{t('board.declinedEmpty')}</Text>
                    ) : (
                      cards(board.declined)
                    )}
                  </SimpleGrid>
                  {more(data.declined.edges.length, data.declined.totalCount)}
                </Accordion.Panel>
              </Accordion.Item>
              <Accordion.Item value="closed">
                <Accordion.Control>{t('board.closed', { count: data.closed.totalCount })}</Accordion.Control>
                <Accordion.Panel>
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="column-closed">
                    {board.closed.length === 0 ? (
                      <Text c="dimmed">{t('board.closedEmpty')}</Text>
                    ) : (
                      cards(board.closed)
                    )}
                  </SimpleGrid>
                  {more(data.closed.edges.length, data.closed.totalCount)}
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
            <AppModal
              opened={proposing !== null}
              onClose={() => setProposing(null)}
              title={t('board.proposeTitle')}
              size="lg"
            >
              {proposing && (
                <ProposePlacementForm
                  enrollmentId={proposing.id}
                  traineeName={proposing.person.fullName}
                  cohort={cohort}
                  today={today}
                  onDone={(host) => {
                    setNotice(
                      t('board.proposedNotice', {
                        name: isolate(proposing.person.fullName),
                        host: isolate(hostName(host, locale)),
                      }),
                    );
                    setProposing(null);
                  }}
                />
              )}
            </AppModal>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

function Column({
  title,
  count,
  testId,
  empty,
  children,
}: {
  title: string;
  count: number;
  testId: string;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid={testId} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text fw={700} data-testid="column-count">
            {count}
          </Text>
        </Group>
        {count === 0 && (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
