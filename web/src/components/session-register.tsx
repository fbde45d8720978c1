import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AttendanceStatus } from '../gql/graphql';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { errorMessageId } from '../i18n/messages';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { numberOrNull } from '../lib/number-input';
import {
  ATTENDANCE_STATUSES,
  type Draft,
  type DraftProblem,
  entryOfError,
  isAbsent,
  registerEntries,
  registerRows,
} from '../lib/register';
import { isPastOrToday } from '../lib/week-grid';
import { CorrectAttendanceForm } from './correct-attendance-form';
import { FormErrors } from './form-errors';
import { QueryBoundary } from './query-boundary';
import { AttendanceStatusBadge, SessionKindBadge } from './timetable-badges';
import { requestErrorId } from './user-errors';

const SessionRegisterQuery = graphql(`
  query SessionRegister($id: ID!) {
    session(id: $id) {
      id
      kind
      day
      startsAt
      endsAt
      hours
      place
      cancelled
      cohort {
        id
        label
      }
      host {
        id
        name
        nameAr
      }
      expected {
        id
        person {
          id
          fullName
        }
      }
      attendance {
        id
        status
        hours
        reason
        correctedAt
        enrollment {
          id
          person {
            id
            fullName
          }
        }
      }
    }
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      attendance {
        id
        status
        hours
        reason
        correctedAt
        enrollment {
          id
        }
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const PRESENT: Draft = { status: 'PRESENT', hours: null, reason: '' };

/**
 * A session's register at a desk: every trainee expected who is not recorded yet is present unless
 * the instructor says otherwise; entries already taken show their status and can be corrected with
 * a reason. Nothing is counted before the server took it.
 */
export function SessionRegister({ sessionId, today }: { sessionId: string; today: string }) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const [result, reexecute] = useQuery({ query: SessionRegisterQuery, variables: { id: sessionId } });
  const [recordState, record] = useMutation(RecordAttendanceMutation);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [problems, setProblems] = useState<Map<string, DraftProblem>>(new Map());
  const [general, setGeneral] = useState<MessageId[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);

  const setDraft = (id: string, change: Partial<Draft>) => {
    setDrafts((current) => new Map(current).set(id, { ...(current.get(id) ?? PRESENT), ...change }));
    setProblems((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  };

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ session }) => {
        if (!session) return <Text>{t('errors.NOT_FOUND')}</Text>;
        const names = new Map(session.attendance.map((a) => [a.enrollment.id, a.enrollment.person.fullName]));
        const rows = registerRows(session.expected, session.attendance, (id) => names.get(id) ?? '');
        const pending = rows.filter((row) => !row.entry).map((row) => row.enrollmentId);
        const open = isPastOrToday(session.day, today) && !session.cancelled;
        const where = session.host ? hostName(session.host, locale) : session.place;

        const save = async () => {
          setSaved(null);
          setGeneral([]);
          const { entries, problems: found } = registerEntries(pending, drafts, session.hours);
          setProblems(found);
          if (found.size > 0) return;
          const answer = await record({ input: { sessionId: session.id, entries } });
          const payload = answer.data?.recordAttendance;
          if (!payload) return setGeneral([requestErrorId(answer.error ?? {})]);
          if (payload.errors.length > 0) {
            const byTrainee = new Map<string, DraftProblem>();
            const rest: MessageId[] = [];
            for (const error of payload.errors) {
              const id = entryOfError(error.field, entries);
              const field = error.field?.endsWith('.hours') ? 'hours' : 'reason';
              if (id && !byTrainee.has(id)) byTrainee.set(id, { field, message: errorMessageId(error.code) });
              else if (!rest.includes(errorMessageId(error.code))) rest.push(errorMessageId(error.code));
            }
            setProblems(byTrainee);
            setGeneral(rest);
            // Someone else may have taken part of it meanwhile: show what is there now.
            reexecute({ requestPolicy: 'network-only' });
            return;
          }
          setSaved(payload.attendance?.length ?? 0);
          setDrafts(new Map());
          reexecute({ requestPolicy: 'network-only' });
        };

        return (
          <Stack gap="md" data-testid="session-register">
            <Group gap="xs">
              <SessionKindBadge kind={session.kind} />
              <Text fw={600}>
                {format.day(session.day, 'full')} ·{' '}
                {t('timetable.times', { start: session.startsAt, end: session.endsAt })}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {session.cohort.label}
              {where ? ` · ${where}` : ''}
            </Text>
            {saved !== null && (
              <Alert color="teal" variant="light" role="status" data-testid="register-saved">
                {t('register.saved', { count: saved })}
              </Alert>
            )}
            <FormErrors ids={general} />
            {!open && <Text c="dimmed">{t('register.future')}</Text>}
            {rows.length === 0 && <Text c="dimmed">{t('register.nobody')}</Text>}
            {open && pending.length > 0 && <Text size="sm">{t('register.intro')}</Text>}
            {open && pending.length === 0 && rows.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('register.allRecorded')}
              </Text>
            )}
            {rows.length > 0 && (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" data-testid="register-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ledger.trainee')}</Table.Th>
                      <Table.Th>{t('register.status')}</Table.Th>
                      <Table.Th>{t('register.details')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => {
                      const draft = drafts.get(row.enrollmentId) ?? PRESENT;
                      const problem = problems.get(row.enrollmentId);
                      const entry = row.entry;
                      return (
                        <Table.Tr
                          key={row.enrollmentId}
                          data-testid="register-row"
                          data-enrollment={row.enrollmentId}
                        >
                          <Table.Td fw={600}>{row.name}</Table.Td>
                          {entry ? (
                            <>
                              <Table.Td>
                                <Group gap={6}>
                                  <AttendanceStatusBadge status={entry.status} />
                                  {entry.correctedAt && (
                                    <Text size="xs" c="dimmed">
                                      {t('register.corrected')}
                                    </Text>
                                  )}
                                </Group>
                              </Table.Td>
                              <Table.Td>
                                {correcting === entry.id ? (
                                  <CorrectAttendanceForm
                                    entry={entry}
                                    sessionHours={session.hours}
                                    subject={row.name}
                                    onCancel={() => setCorrecting(null)}
                                    onDone={() => {
                                      setCorrecting(null);
                                      reexecute({ requestPolicy: 'network-only' });
                                    }}
                                  />
                                ) : (
                                  <Group gap="xs" justify="space-between" wrap="nowrap">
                                    <Text size="sm">
                                      {t('register.hoursValue', { hours: format.number(entry.hours) })}
                                      {entry.reason ? ` · ${entry.reason}` : ''}
                                    </Text>
                                    <Button
                                      size="compact-sm"
                                      variant="subtle"
                                      onClick={() => setCorrecting(entry.id)}
                                      aria-label={`${t('register.correct')} — ${row.name}`}
                                    >
                                      {t('register.correct')}
                                    </Button>
                                  </Group>
                                )}
                              </Table.Td>
                            </>
                          ) : open ? (
                            <>
                              <Table.Td>
                                <NativeSelect
                                  aria-label={`${t('register.status')} — ${row.name}`}
                                  value={draft.status}
                                  onChange={(event) =>
                                    setDraft(row.enrollmentId, {
                                      status: event.currentTarget.value as AttendanceStatus,
                                    })
                                  }
                                  data={ATTENDANCE_STATUSES.map((status) => ({
                                    value: status,
                                    label: t(`attendanceStatus.${status}`),
                                  }))}
                                  size="sm"
                                  data-testid="register-status"
                                />
                              </Table.Td>
                              <Table.Td>
                                {draft.status === 'LATE' && (
                                  <NumberInput
                                    aria-label={`${t('register.hours')} — ${row.name}`}
                                    description={t('register.hoursOf', { hours: session.hours })}
                                    min={0.25}
                                    max={session.hours}
                                    step={0.5}
                                    decimalScale={2}
                                    value={draft.hours ?? ''}
                                    onChange={(value) =>
                                      setDraft(row.enrollmentId, { hours: numberOrNull(value) })
                                    }
                                    error={
                                      problem?.field === 'hours'
                                        ? t(problem.message, { hours: session.hours })
                                        : undefined
                                    }
                                    size="sm"
                                  />
                                )}
                                {isAbsent(draft.status) && (
                                  <TextInput
                                    aria-label={`${t('register.reason')} — ${row.name}`}
                                    placeholder={
                                      draft.status === 'ABSENT_EXCUSED'
                                        ? t('register.reasonRequired')
                                        : t('register.reasonOptional')
                                    }
                                    value={draft.reason}
                                    onChange={(event) =>
                                      setDraft(row.enrollmentId, { reason: event.currentTarget.value })
                                    }
                                    error={problem?.field === 'reason' ? t(problem.message) : undefined}
                                    size="sm"
                                  />
                                )}
                                {problem && draft.status === 'PRESENT' && (
                                  <Text size="sm" c="red.9">
                                    {t(problem.message)}
                                  </Text>
                                )}
                              </Table.Td>
                            </>
                          ) : (
                            <>
                              <Table.Td>
                                <Text size="sm" c="dimmed">
                                  {t('register.notRecorded')}
                                </Text>
                              </Table.Td>
                              <Table.Td />
                            </>
                          )}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {open && pending.length > 0 && (
              <Group justify="flex-end">
                <Button onClick={save} loading={recordState.fetching} data-testid="save-register">
                  {t('register.save', { count: pending.length })}
                </Button>
              </Group>
            )}
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
