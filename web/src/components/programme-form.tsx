import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { numberOrEmpty } from '../lib/number-input';
import { SCHOOL_LEVELS } from '../lib/person-form';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const CreateProgrammeMutation = graphql(`
  mutation CreateProgramme($input: CreateProgrammeInput!) {
    createProgramme(input: $input) {
      programme {
        id
        nameFr
        nameAr
        trade {
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

const FIELDS = [
  'tradeId',
  'nameFr',
  'nameAr',
  'durationMonths',
  'minAge',
  'maxAge',
  'minSchoolLevel',
] as const;
type Field = (typeof FIELDS)[number];
type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

interface Values {
  tradeId: string;
  nameFr: string;
  nameAr: string;
  durationMonths: number | '';
  minAge: number | '';
  maxAge: number | '';
  minSchoolLevel: SchoolLevel | '';
}

/**
 * What a cohort follows: the trade, the names, the duration and who may apply. The rhythm keeps the
 * API's defaults (theory on Monday, practice Tuesday to Friday, 20 % theory).
 */
export function ProgrammeForm({
  trades,
  onDone,
}: {
  trades: readonly { id: string; nameFr: string; nameAr: string }[];
  onDone: (programmeId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [values, setValues] = useState<Values>({
    tradeId: trades.length === 1 ? (trades[0]?.id ?? '') : '',
    nameFr: '',
    nameAr: '',
    durationMonths: 12,
    minAge: 15,
    maxAge: 30,
    minSchoolLevel: '',
  });
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, create] = useMutation(CreateProgrammeMutation);
  const set = <F extends keyof Values>(field: F, value: Values[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const fieldError = (field: Field) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<string, MessageId>> = {};
    if (!values.tradeId) missing.tradeId = 'errors.REQUIRED';
    if (!values.nameFr.trim()) missing.nameFr = 'errors.REQUIRED';
    if (!values.nameAr.trim()) missing.nameAr = 'errors.REQUIRED';
    for (const field of ['durationMonths', 'minAge', 'maxAge'] as const) {
      if (values[field] === '') missing[field] = 'errors.REQUIRED';
    }
    const { durationMonths, minAge, maxAge } = values;
    if (Object.keys(missing).length > 0 || durationMonths === '' || minAge === '' || maxAge === '') {
      return setErrors({ byField: missing, general: [] });
    }
    setErrors(NO_ERRORS);
    const result = await create({
      input: {
        tradeId: values.tradeId,
        nameFr: values.nameFr.trim(),
        nameAr: values.nameAr.trim(),
        durationMonths,
        minAge,
        maxAge,
        minSchoolLevel: values.minSchoolLevel || null,
      },
    });
    const payload = result.data?.createProgramme;
    const problems = mutationErrors(payload, result.error, FIELDS);
    if (problems) return setErrors(problems);
    if (payload?.programme) onDone(payload.programme.id);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="programme-form">
      <Stack>
        <FormErrors ids={errors.general} />
        <Select
          name="tradeId"
          label={t('programme.trade')}
          required
          data={trades.map((trade) => ({ value: trade.id, label: localName(trade, locale) }))}
          value={values.tradeId || null}
          onChange={(value) => set('tradeId', value ?? '')}
          error={fieldError('tradeId')}
        />
        <TextInput
          name="nameFr"
          label={t('programme.nameFr')}
          lang="fr"
          dir="ltr"
          required
          value={values.nameFr}
          onChange={(e) => set('nameFr', e.currentTarget.value)}
          error={fieldError('nameFr')}
        />
        <TextInput
          name="nameAr"
          label={t('programme.nameAr')}
          lang="ar"
          dir="rtl"
          required
          value={values.nameAr}
          onChange={(e) => set('nameAr', e.currentTarget.value)}
          error={fieldError('nameAr')}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <NumberInput
            name="durationMonths"
            label={t('programme.durationMonths')}
            required
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={values.durationMonths}
            onChange={(v) => set('durationMonths', numberOrEmpty(v))}
            error={fieldError('durationMonths')}
          />
          <NumberInput
            name="minAge"
            label={t('programme.minAge')}
            required
            allowDecimal={false}
            allowNegative={false}
            value={values.minAge}
            onChange={(v) => set('minAge', numberOrEmpty(v))}
            error={fieldError('minAge')}
          />
          <NumberInput
            name="maxAge"
            label={t('programme.maxAge')}
            required
            allowDecimal={false}
            allowNegative={false}
            value={values.maxAge}
            onChange={(v) => set('maxAge', numberOrEmpty(v))}
            error={fieldError('maxAge')}
          />
        </SimpleGrid>
        <Select
          name="minSchoolLevel"
          label={t('programme.minSchoolLevel')}
          clearable
          data={SCHOOL_LEVELS.map((level) => ({ value: level, label: t(`schoolLevel.${level}`) }))}
          value={values.minSchoolLevel || null}
          onChange={(value) => set('minSchoolLevel', SCHOOL_LEVELS.find((l) => l === value) ?? '')}
          error={fieldError('minSchoolLevel')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={state.fetching}>
            {t('programme.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
