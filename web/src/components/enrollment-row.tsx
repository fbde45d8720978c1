import { Anchor, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { EnrollmentStatusAction } from './enrollment-status-action';
import { StatusBadge } from './status-badge';

export const EnrollmentRowEnrollmentFragment = graphql(`
  fragment EnrollmentRow_EnrollmentFragment on Enrollment {
    id
    status
    statusReason
    statusChangedAt
    person {
      id
      fullName
      sex
      age
      province
    }
    cohort {
      id
      label
      programme {
        id
        trade {
          id
          nameFr
          nameAr
        }
      }
    }
  }
`);

/** One applicant or trainee in one cohort; the whole row leads to the person's page. */
export function EnrollmentRow(props: {
  enrollment: FragmentType<typeof EnrollmentRowEnrollmentFragment>;
  canWrite: boolean;
}) {
  const enrollment = readFragment(EnrollmentRowEnrollmentFragment, props.enrollment);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const navigate = useNavigate();
  const { person, cohort } = enrollment;
  const personPath = `/people/${person.id}`;

  // Clicks on the row's own controls, or in what they open (menus, dialogs, rendered elsewhere in
  // the page), are theirs; anything else on the row opens the person.
  const onRowClick = (event: MouseEvent<HTMLTableRowElement>) => {
    const target = event.target as Element;
    if (!event.currentTarget.contains(target)) return;
    if (target.closest('a, button, input, textarea, [role="menu"], [data-status-action]')) return;
    navigate(personPath);
  };

  return (
    <Table.Tr onClick={onRowClick} style={{ cursor: 'pointer' }} data-testid="enrollment-row">
      <Table.Td>
        <Anchor component={Link} to={personPath} fw={600}>
          {person.fullName}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`sex.${person.sex}`)}</Table.Td>
      <Table.Td>{person.age}</Table.Td>
      <Table.Td>
        <Text size="sm">{cohort.label}</Text>
        <Text size="xs" c="dimmed">
          {localName(cohort.programme.trade, locale)}
        </Text>
      </Table.Td>
      <Table.Td>{person.province ?? ''}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <StatusBadge status={enrollment.status} />
        <Text size="xs" c="dimmed" mt={2}>
          {format.date(enrollment.statusChangedAt, 'medium')}
        </Text>
      </Table.Td>
      {props.canWrite && (
        <Table.Td data-status-action>
          <EnrollmentStatusAction
            enrollmentId={enrollment.id}
            status={enrollment.status}
            label={person.fullName}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
