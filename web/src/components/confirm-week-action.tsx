import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { addDays } from '../lib/days';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const ConfirmWeekMutation = graphql(`
  mutation ConfirmWeek($input: ConfirmWeekInput!) {
    confirmWeek(input: $input) {
      recorded
      errors {
        code
        field
        message
      }
    }
  }
`);

/**
 * "The whole week went as planned": every trainee expected at the workshop on the days of the week
 * gone by (up to today) who is not recorded yet is recorded present for the whole day. What is
 * already recorded, absences included, stays as it is. Said before, counted after.
 */
export function ConfirmWeekAction({
  host,
  monday,
  today,
  onDone,
}: {
  /** With a name when the artisan answers for several workshops. */
  host: { id: string; name?: string };
  monday: string;
  today: string;
  onDone: (recorded: number) => void;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const [opened, setOpened] = useState(false);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, confirm] = useMutation(ConfirmWeekMutation);
  const last = [addDays(monday, 6), today].sort()[0]!;
  const future = monday > today;
  const label = host.name
    ? `${t('hostAttendance.confirmWeek')} — ${host.name}`
    : t('hostAttendance.confirmWeek');

  const submit = async () => {
    setErrors(NO_ERRORS);
    const result = await confirm({ input: { hostId: host.id, day: monday } });
    const payload = result.data?.confirmWeek;
    const problems = mutationErrors(payload, result.error, []);
    if (problems) return setErrors(problems);
    setOpened(false);
    onDone(payload?.recorded ?? 0);
  };

  return (
    <>
      <Button
        size="xl"
        fullWidth
        color="teal.9"
        disabled={future}
        onClick={() => {
          setErrors(NO_ERRORS);
          setOpened(true);
        }}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        h="auto"
        mih={56}
        py={8}
        data-testid="confirm-week"
      >
        {label}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('hostAttendance.confirmWeek')}>
        <Stack data-testid="confirm-week-dialog">
          <FormErrors ids={errors.general} />
          <Text size="lg">
            {t('hostAttendance.confirmWeekHelp', {
              start: format.day(monday, 'long'),
              end: format.day(last, 'long'),
            })}
          </Text>
          <Text c="dimmed">{t('hostAttendance.confirmWeekKeeps')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="md" loading={state.fetching} onClick={submit} data-testid="confirm-week-submit">
              {t('hostAttendance.confirmWeekSubmit')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
