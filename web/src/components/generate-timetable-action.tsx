import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const GenerateTimetableMutation = graphql(`
  mutation GenerateTimetable($input: GenerateTimetableInput!) {
    generateTimetable(input: $input) {
      created
      kept
      removed
      skippedDays
      errors {
        code
        field
        message
      }
    }
  }
`);

export interface GenerateCounts {
  created: number;
  kept: number;
  removed: number;
  skippedDays: number;
}

/**
 * Generates (or generates again) a cohort's timetable over its whole period, after saying what it
 * does: regenerating never duplicates a session and never loses attendance already taken.
 */
export function GenerateTimetableAction({
  cohort,
  onDone,
}: {
  cohort: { id: string; startsOn: string; endsOn: string };
  onDone: (counts: GenerateCounts) => void;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const [opened, setOpened] = useState(false);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, generate] = useMutation(GenerateTimetableMutation);

  const submit = async () => {
    setErrors(NO_ERRORS);
    const result = await generate({ input: { cohortId: cohort.id } });
    const payload = result.data?.generateTimetable;
    const problems = mutationErrors(payload, result.error, []);
    if (problems) return setErrors(problems);
    setOpened(false);
    onDone({
      created: payload?.created ?? 0,
      kept: payload?.kept ?? 0,
      removed: payload?.removed ?? 0,
      skippedDays: payload?.skippedDays ?? 0,
    });
  };

  return (
    <>
      <Button
        onClick={() => {
          setErrors(NO_ERRORS);
          setOpened(true);
        }}
        data-testid="generate-timetable"
      >
        {t('generate.action')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('generate.title')}>
        <Stack>
          <FormErrors ids={errors.general} />
          <Text>
            {t('generate.explain', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('generate.safe')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={state.fetching} data-testid="generate-submit">
              {t('generate.submit')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
