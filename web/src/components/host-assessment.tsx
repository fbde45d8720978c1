import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatFigure, SCORE_MAX } from '../lib/graduation';
import { AssessmentForm } from './assessment-form';

export const HostAssessmentEnrollmentFragment = graphql(`
  fragment HostAssessment_EnrollmentFragment on Enrollment {
    id
    person {
      id
      fullName
    }
    assessments {
      id
      assessorRole
      score
      passed
      comment
      assessedOn
    }
  }
`);

/**
 * The artisan's final mark for a trainee of their workshop, on the phone: the mark given (if any)
 * and a small form, out of 20 with a comment, to give or change it.
 */
export function HostAssessment(props: { enrollment: FragmentType<typeof HostAssessmentEnrollmentFragment> }) {
  const enrollment = readFragment(HostAssessmentEnrollmentFragment, props.enrollment);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const mine = enrollment.assessments.find((a) => a.assessorRole === 'HOST_ARTISAN');
  const name = enrollment.person.fullName;

  return (
    <Paper withBorder radius="md" p="sm" data-testid="host-assessment" data-enrollment={enrollment.id}>
      {open ? (
        <AssessmentForm
          enrollmentId={enrollment.id}
          roles={['HOST_ARTISAN']}
          known={mine ? [mine] : []}
          subject={t('hostAssessment.formTitle', { name })}
          big
          withDate={false}
          onDone={() => {
            setOpen(false);
            setSaved(true);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Stack gap={6}>
          {mine ? (
            <Text data-testid="host-mark">
              {t('hostAssessment.given', {
                score: formatFigure(mine.score, locale),
                max: SCORE_MAX,
                date: format.day(mine.assessedOn, 'long'),
              })}
            </Text>
          ) : (
            <Text c="dimmed">{t('hostAssessment.none')}</Text>
          )}
          {saved && (
            <Text c="teal.9" fw={600} role="status">
              {t('hostAssessment.saved')}
            </Text>
          )}
          <Group>
            <Button
              variant={mine ? 'default' : 'filled'}
              size="md"
              fullWidth
              onClick={() => {
                setSaved(false);
                setOpen(true);
              }}
              aria-label={
                mine ? t('hostAssessment.changeFor', { name }) : t('hostAssessment.giveFor', { name })
              }
              data-testid="open-host-assessment"
            >
              {mine ? t('hostAssessment.change') : t('hostAssessment.give')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
