import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatFigure, formatPercent, SCORE_MAX } from '../lib/graduation';
import { GraduationBlockers } from './graduation-blockers';
import { StatusBadge } from './status-badge';
import { TintedBadge } from './tinted-badge';

export const GraduationRowCheckFragment = graphql(`
  fragment GraduationRow_GraduationCheckFragment on GraduationCheck {
    eligible
    attendanceRate
    attendedTheoryHours
    attendedPracticeHours
    blockers {
      code
      required
      actual
    }
    enrollment {
      id
      status
      person {
        id
        fullName
      }
    }
    instructorAssessment {
      id
      assessorRole
      score
      passed
      comment
      assessedOn
    }
    artisanAssessment {
      id
      assessorRole
      score
      passed
      comment
      assessedOn
    }
    graduation {
      id
      graduatedOn
      overriddenBlockers
      overrideReason
      certificate {
        id
        serial
        status
      }
    }
  }
`);

export type GraduationCheckRow = ReturnType<typeof readGraduationCheck>;
export const readGraduationCheck = (check: FragmentType<typeof GraduationRowCheckFragment>) =>
  readFragment(GraduationRowCheckFragment, check);

/** One trainee of the cohort: attendance, practice, both marks, and what (if anything) blocks them. */
export function GraduationRow({
  check,
  canAssess,
  canGraduate,
  onAssess,
  onGraduate,
}: {
  check: GraduationCheckRow;
  canAssess: boolean;
  canGraduate: boolean;
  onAssess: () => void;
  onGraduate: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const { enrollment, graduation } = check;
  const name = enrollment.person.fullName;
  const open = enrollment.status === 'ENROLLED' && !graduation;
  const blocked = (code: string) => check.blockers.some((b) => b.code === code);

  const mark = (assessment: GraduationCheckRow['instructorAssessment']) =>
    assessment ? (
      <Stack gap={0}>
        <Text fw={600} c={assessment.passed ? undefined : 'red.9'} data-testid="assessment-score">
          {t('assessment.scoreOf', { score: formatFigure(assessment.score, locale), max: SCORE_MAX })}
        </Text>
        <Text size="xs" c="dimmed">
          {format.day(assessment.assessedOn)}
        </Text>
      </Stack>
    ) : (
      <Text c="dimmed">—</Text>
    );

  return (
    <Table.Tr
      data-testid="graduation-row"
      data-enrollment={enrollment.id}
      data-person={name}
      data-eligible={check.eligible}
      data-status={enrollment.status}
    >
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Text fw={600}>{name}</Text>
          <StatusBadge status={enrollment.status} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text fw={600} c={blocked('ATTENDANCE_TOO_LOW') ? 'red.9' : undefined} data-testid="attendance-rate">
          {check.attendanceRate === null || check.attendanceRate === undefined
            ? '—'
            : formatPercent(check.attendanceRate, locale)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text
          fw={600}
          c={blocked('PRACTICE_HOURS_TOO_LOW') ? 'red.9' : undefined}
          data-testid="practice-hours"
        >
          {t('graduation.hours', { hours: formatFigure(check.attendedPracticeHours, locale) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('graduation.theoryHours', { hours: formatFigure(check.attendedTheoryHours, locale) })}
        </Text>
      </Table.Td>
      <Table.Td>{mark(check.instructorAssessment)}</Table.Td>
      <Table.Td>{mark(check.artisanAssessment)}</Table.Td>
      <Table.Td miw={220}>
        {graduation ? (
          <Stack gap={4} align="flex-start" data-testid="graduated">
            <Text size="sm" fw={600} c="teal.9">
              {t('graduation.graduatedOnDate', { date: format.day(graduation.graduatedOn, 'long') })}
            </Text>
            {graduation.overriddenBlockers.length > 0 && (
              <TintedBadge colors={['orange', '#8a3b00']} label={t('graduation.overridden')} />
            )}
            {graduation.certificate && (
              <Code dir="ltr" data-testid="row-serial">
                {graduation.certificate.serial}
              </Code>
            )}
          </Stack>
        ) : (
          <GraduationBlockers blockers={check.blockers} />
        )}
      </Table.Td>
      <Table.Td>
        {open && (canAssess || canGraduate) && (
          <Group gap="xs" wrap="nowrap">
            {canAssess && (
              <Button
                variant="default"
                size="compact-sm"
                onClick={onAssess}
                aria-label={t('assessment.recordFor', { name })}
                data-testid="record-assessment"
              >
                {t('assessment.record')}
              </Button>
            )}
            {canGraduate && (
              <Button
                variant={check.eligible ? 'filled' : 'default'}
                size="compact-sm"
                onClick={onGraduate}
                aria-label={t('graduation.graduateName', { name })}
                data-testid="graduate-one"
              >
                {t('graduation.graduate')}
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
