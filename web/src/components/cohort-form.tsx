import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { numberOrEmpty } from '../lib/number-input';
import { isCalendarDay } from '../lib/person-form';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const CreateCohortMutation = graphql(`
  mutation CreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      cohort {
        id
        ...CohortRow_CohortFragment
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const UpdateCohortMutation = graphql(`
  mutation UpdateCohort($input: UpdateCohortInput!) {
    updateCohort(input: $input) {
      cohort {
        id
        label
        startsOn
        endsOn
        capacity
        overview {
          capacityUsed
          capacityLeft
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

const FIELDS = ['programmeId', 'label', 'startsOn', 'endsOn', 'capacity'] as const;
type Field = (typeof FIELDS)[number];

export interface ProgrammeChoice {
  id: string;
  nameFr: string;
  nameAr: string;
  trade: { id: string; nameFr: string; nameAr: string };
}

interface Values {
  programmeId: string;
  label: string;
  startsOn: string;
  endsOn: string;
  capacity: number | '';
}

/** Client-side checks: only what GraphQL itself would refuse (a missing value, a day that is not one). */
export function checkCohortValues(
  values: Values,
  needsProgramme: boolean,
): Partial<Record<Field, MessageId>> {
  const errors: Partial<Record<Field, MessageId>> = {};
  if (needsProgramme && !values.programmeId) errors.programmeId = 'errors.REQUIRED';
  if (!values.label.trim()) errors.label = 'errors.REQUIRED';
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (!values[field]) errors[field] = 'errors.REQUIRED';
    else if (!isCalendarDay(values[field])) errors[field] = 'errors.INVALID_DATE';
  }
  if (values.capacity === '') errors.capacity = 'errors.REQUIRED';
  return errors;
}

/**
 * A new cohort of a programme, or the label, dates and capacity of an existing one. The API refuses
 * a label the programme already has (LABEL_TAKEN) and a capacity below the places taken (COHORT_FULL).
 */
export function CohortForm(
  props:
    | { mode: 'create'; programmes: readonly ProgrammeChoice[]; onDone: (cohortId: string) => void }
    | {
        mode: 'edit';
        cohort: { id: string; label: string; startsOn: string; endsOn: string; capacity: number };
        onDone: (cohortId: string) => void;
      },
) {
  const t = useT();
  const { locale } = useLocale();
  const [values, setValues] = useState<Values>(
    props.mode === 'edit'
      ? { programmeId: '', ...props.cohort }
      : {
          programmeId: props.programmes.length === 1 ? (props.programmes[0]?.id ?? '') : '',
          label: '',
          startsOn: '',
          endsOn: '',
          capacity: '',
        },
  );
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [createState, create] = useMutation(CreateCohortMutation);
  const [updateState, update] = useMutation(UpdateCohortMutation);
  const set = <F extends keyof Values>(field: F, value: Values[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const fieldError = (field: Field) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = checkCohortValues(values, props.mode === 'create');
    if (Object.keys(missing).length > 0 || values.capacity === '') {
      return setErrors({ byField: missing, general: [] });
    }
    setErrors(NO_ERRORS);
    const common = {
      label: values.label.trim(),
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      capacity: values.capacity,
    };
    if (props.mode === 'create') {
      const result = await create({ input: { programmeId: values.programmeId, ...common } });
      const payload = result.data?.createCohort;
      const problems = mutationErrors(payload, result.error, FIELDS);
      if (problems) return setErrors(problems);
      if (payload?.cohort) props.onDone(payload.cohort.id);
    } else {
      const result = await update({ input: { id: props.cohort.id, ...common } });
      const payload = result.data?.updateCohort;
      const problems = mutationErrors(payload, result.error, FIELDS);
      if (problems) return setErrors(problems);
      if (payload?.cohort) props.onDone(payload.cohort.id);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="cohort-form">
      <Stack>
        <FormErrors ids={errors.general} />
        {props.mode === 'create' && (
          <Select
            name="programmeId"
            label={t('cohort.programme')}
            required
            searchable
            data={props.programmes.map((p) => ({
              value: p.id,
              label: `${localName(p.trade, locale)} — ${localName(p, locale)}`,
            }))}
            value={values.programmeId || null}
            onChange={(value) => set('programmeId', value ?? '')}
            error={fieldError('programmeId')}
            nothingFoundMessage={t('cohort.noProgramme')}
          />
        )}
        <TextInput
          name="label"
          label={t('cohort.label')}
          description={t('cohort.labelHelp')}
          required
          value={values.label}
          onChange={(e) => set('label', e.currentTarget.value)}
          error={fieldError('label')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            name="startsOn"
            type="date"
            dir="ltr"
            label={t('cohort.startsOn')}
            required
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={fieldError('startsOn')}
          />
          <TextInput
            name="endsOn"
            type="date"
            dir="ltr"
            label={t('cohort.endsOn')}
            required
            value={values.endsOn}
            onChange={(e) => set('endsOn', e.currentTarget.value)}
            error={fieldError('endsOn')}
          />
        </SimpleGrid>
        <NumberInput
          name="capacity"
          label={t('cohort.capacity')}
          required
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={values.capacity}
          onChange={(value) => set('capacity', numberOrEmpty(value))}
          error={fieldError('capacity')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={createState.fetching || updateState.fetching}>
            {props.mode === 'create' ? t('cohort.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
