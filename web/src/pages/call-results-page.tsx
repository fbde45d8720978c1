import { Alert, Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CallBreadcrumbs } from '../components/call-breadcrumbs';
import { ApplicationStatusBadge, CallStatusBadge } from '../components/incubation-badges';
import { QueryBoundary } from '../components/query-boundary';
import { TintedBadge } from '../components/tinted-badge';
import { graphql } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatNormalized, formatScore, nameIn } from '../lib/incubation-format';
import { useIncubationRights } from '../session/incubation-permissions';

import { NotFoundPage } from './not-found-page';

const CallResultsPageQuery = graphql(`
  query CallResultsPage($callId: ID!) {
    call(id: $callId) {
      id
      titleFr
      titleAr
      status
      scoreMax
      publishedAt
      myJuror {
        id
      }
    }
    callRanking(callId: $callId) {
      categories {
        category {
          id
          nameFr
          nameAr
          places
        }
        unscored
        entries {
          rank
          normalizedScore
          rawScore
          evaluations
          withinPlaces
          application {
            id
            applicantName
            title
            status
          }
        }
      }
    }
  }
`);

// Rows within the places: a tint light enough for the text on it, and a badge that says it in words.
const WITHIN_BACKGROUND = 'var(--mantine-color-teal-0)';

/**
 * The ranked shortlist per category: rank, normalised score (each juror's scores put on one scale),
 * raw mean, how many evaluations, and which applications are within the category's places. A juror
 * sees only the applications they have submitted an evaluation for.
 */
export function CallResultsPage() {
  const { id: callId = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const rights = useIncubationRights();
  const [result, reexecute] = useQuery({ query: CallResultsPageQuery, variables: { callId } });

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ call, callRanking }) => {
        if (!call) {
          return (
            <NotFoundPage title={t('call.notFound')} back={{ to: '/calls', label: t('call.backToList') }} />
          );
        }
        const juror = !!call.myJuror && !rights.callStaff;
        return (
          <Stack gap="lg" data-testid="call-results">
            <CallBreadcrumbs call={call} current={t('results.title')} />
            <Group gap="sm">
              <Title order={1}>{t('results.title')}</Title>
              <CallStatusBadge status={call.status} />
            </Group>
            {call.publishedAt ? (
              <Text>{t('results.published', { date: format.date(call.publishedAt) })}</Text>
            ) : (
              <Text>{t('results.provisional')}</Text>
            )}
            {juror && (
              <Alert color="blue" variant="light" data-testid="juror-results-note">
                {t('results.jurorNote')}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t('results.method')}
            </Text>
            {callRanking.categories.map((ranking) => (
              <Stack
                key={ranking.category.id}
                gap="sm"
                component="section"
                aria-labelledby={`ranking-${ranking.category.id}`}
                data-testid="category-ranking"
                data-category={ranking.category.nameFr}
              >
                <Group justify="space-between" align="flex-end">
                  <Title order={2} size="h3" id={`ranking-${ranking.category.id}`}>
                    {nameIn(ranking.category, locale)}
                  </Title>
                  <Text c="dimmed">{t('results.places', { count: ranking.category.places })}</Text>
                </Group>
                {ranking.entries.length === 0 ? (
                  <Text c="dimmed">{juror ? t('results.emptyJuror') : t('results.empty')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={680}>
                    <Table verticalSpacing="sm" data-testid="ranking-table">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('results.rank')}</Table.Th>
                          <Table.Th>{t('application.applicant')}</Table.Th>
                          <Table.Th>{t('results.normalized')}</Table.Th>
                          <Table.Th>{t('results.raw')}</Table.Th>
                          <Table.Th>{t('results.evaluations')}</Table.Th>
                          <Table.Th>{t('results.placesColumn')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {ranking.entries.map((entry) => (
                          <Table.Tr
                            key={entry.application.id}
                            data-testid="ranking-row"
                            data-application={entry.application.id}
                            data-rank={entry.rank}
                            data-within={entry.withinPlaces ? 'true' : 'false'}
                            style={entry.withinPlaces ? { background: WITHIN_BACKGROUND } : undefined}
                          >
                            <Table.Td fw={700} data-testid="rank">
                              {format.number(entry.rank)}
                            </Table.Td>
                            <Table.Td>
                              <Anchor
                                component={Link}
                                to={`/calls/${call.id}/applications/${entry.application.id}`}
                                fw={600}
                              >
                                {entry.application.applicantName}
                              </Anchor>
                              <Text size="sm" c="dimmed">
                                <bdi>{entry.application.title}</bdi>
                              </Text>
                            </Table.Td>
                            <Table.Td data-testid="normalized">
                              {formatNormalized(entry.normalizedScore, locale)}
                            </Table.Td>
                            <Table.Td>
                              {t('scoring.outOf', {
                                score: formatScore(entry.rawScore, locale),
                                max: formatScore(call.scoreMax, locale),
                              })}
                            </Table.Td>
                            <Table.Td>{format.number(entry.evaluations)}</Table.Td>
                            <Table.Td>
                              <Group gap={6} wrap="nowrap">
                                {entry.withinPlaces && (
                                  <TintedBadge
                                    colors={['teal', '#05614a']}
                                    label={t('results.within')}
                                    data-testid="within-places"
                                    wholeLabel
                                  />
                                )}
                                {entry.application.status !== 'SUBMITTED' && (
                                  <ApplicationStatusBadge status={entry.application.status} />
                                )}
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
                {ranking.unscored > 0 && (
                  <Text size="sm" c="dimmed" data-testid="unscored">
                    {t('results.unscored', { count: ranking.unscored })}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
