import { Checkbox, Fieldset, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { type PersonField, type PersonFormValues, SCHOOL_LEVELS } from '../lib/person-form';

/**
 * Every field of a person, each with room for its own error under it. Controlled: the page that
 * shows it sends the values and places the API's errors (by field name) back here.
 */
export function PersonForm({
  values,
  onChange,
  errors,
  disabled,
}: {
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  errors: Partial<Record<string, MessageId>>;
  disabled?: boolean;
}) {
  const t = useT();
  const set = <F extends PersonField>(field: F, value: PersonFormValues[F]) =>
    onChange({ ...values, [field]: value });
  const error = (field: PersonField) => {
    const id = errors[field];
    return id ? t(id) : undefined;
  };
  const text = (field: Exclude<PersonField, 'sex' | 'schoolLevel' | 'hasDisability'>) => ({
    name: field,
    label: t(`person.${field}`),
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(field, event.currentTarget.value),
    error: error(field),
    disabled,
  });

  return (
    <Stack gap="md">
      <Fieldset legend={t('person.identity')} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...text('firstNameLatin')} required dir="ltr" autoComplete="off" />
          <TextInput {...text('lastNameLatin')} required dir="ltr" autoComplete="off" />
          <TextInput {...text('firstNameAr')} dir="rtl" lang="ar" autoComplete="off" />
          <TextInput {...text('lastNameAr')} dir="rtl" lang="ar" autoComplete="off" />
          <Select
            name="sex"
            label={t('person.sex')}
            required
            data={[
              { value: 'F', label: t('sex.F') },
              { value: 'M', label: t('sex.M') },
            ]}
            value={values.sex || null}
            onChange={(value) => set('sex', value === 'F' || value === 'M' ? value : '')}
            error={error('sex')}
            disabled={disabled}
          />
          <TextInput
            {...text('birthDate')}
            type="date"
            required
            dir="ltr"
            description={t('person.birthDateHelp')}
          />
          <TextInput {...text('cin')} dir="ltr" description={t('person.cinHelp')} autoComplete="off" />
          <TextInput {...text('phone')} type="tel" inputMode="tel" dir="ltr" autoComplete="off" />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('person.guardian')} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...text('guardianName')} description={t('person.guardianHelp')} autoComplete="off" />
          <TextInput {...text('guardianPhone')} type="tel" inputMode="tel" dir="ltr" autoComplete="off" />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('person.more')} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            name="schoolLevel"
            label={t('person.schoolLevel')}
            data={SCHOOL_LEVELS.map((level) => ({ value: level, label: t(`schoolLevel.${level}`) }))}
            value={values.schoolLevel || null}
            onChange={(value) => set('schoolLevel', SCHOOL_LEVELS.find((level) => level === value) ?? '')}
            clearable
            error={error('schoolLevel')}
            disabled={disabled}
          />
          <TextInput {...text('province')} autoComplete="off" />
          <Checkbox
            name="hasDisability"
            label={t('person.hasDisability')}
            checked={values.hasDisability}
            onChange={(event) => set('hasDisability', event.currentTarget.checked)}
            error={error('hasDisability')}
            disabled={disabled}
            mt="xs"
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
