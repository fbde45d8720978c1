import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

export const PersonDetailsPersonFragment = graphql(`
  fragment PersonDetails_PersonFragment on Person {
    id
    firstNameLatin
    lastNameLatin
    firstNameAr
    lastNameAr
    sex
    birthDate
    age
    cin
    phone
    guardianName
    guardianPhone
    schoolLevel
    hasDisability
    province
    createdAt
  }
`);

/** A person's identity, as recorded; empty fields say so rather than disappear. */
export function PersonDetails(props: { person: FragmentType<typeof PersonDetailsPersonFragment> }) {
  const person = readFragment(PersonDetailsPersonFragment, props.person);
  const t = useT();
  const format = useCentreFormatters();
  const none = <Text c="dimmed">—</Text>;
  const ltr = (value: string | null | undefined) => (value ? <span dir="ltr">{value}</span> : null);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="person-details">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        <Field label={t('person.latinName')} value={`${person.firstNameLatin} ${person.lastNameLatin}`} />
        <Field
          label={t('person.arabicName')}
          value={
            person.firstNameAr || person.lastNameAr ? (
              <span lang="ar" dir="rtl">
                {[person.firstNameAr, person.lastNameAr].filter(Boolean).join(' ')}
              </span>
            ) : null
          }
          none={none}
        />
        <Field label={t('person.sex')} value={t(`sex.${person.sex}`)} />
        <Field
          label={t('person.birthDate')}
          value={`${format.day(person.birthDate, 'long')} · ${t('person.ageYears', { count: person.age })}`}
        />
        <Field label={t('person.cin')} value={ltr(person.cin)} none={none} />
        <Field label={t('person.phone')} value={ltr(person.phone)} none={none} />
        <Field label={t('person.guardianName')} value={person.guardianName} none={none} />
        <Field label={t('person.guardianPhone')} value={ltr(person.guardianPhone)} none={none} />
        <Field
          label={t('person.schoolLevel')}
          value={person.schoolLevel ? t(`schoolLevel.${person.schoolLevel}`) : null}
          none={none}
        />
        <Field
          label={t('person.hasDisability')}
          value={person.hasDisability ? t('common.yes') : t('common.no')}
        />
        <Field label={t('person.province')} value={person.province} none={none} />
        <Field label={t('person.createdAt')} value={format.date(person.createdAt, 'medium')} />
      </SimpleGrid>
    </Card>
  );
}

function Field({ label, value, none }: { label: string; value: ReactNode; none?: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {value ? <Text fw={500}>{value}</Text> : none}
    </div>
  );
}
