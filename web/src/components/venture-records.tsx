import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { FundingKind, LegalForm } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatMad } from '../lib/incubation-format';
import { survivalYears } from '../lib/survival';
import { useCentreToday } from '../lib/use-centre-today';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { TintedBadge } from './tinted-badge';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

export const LEGAL_FORMS: readonly LegalForm[] = [
  'AUTO_ENTREPRENEUR',
  'COOPERATIVE',
  'SARL',
  'SARL_AU',
  'INDIVIDUAL_ENTERPRISE',
  'OTHER',
];
export const FUNDING_KINDS: readonly FundingKind[] = [
  'MICRO_CREDIT',
  'BANK_LOAN',
  'GRANT',
  'HONOUR_LOAN',
  'EQUITY',
  'OTHER',
];

const FormaliseVentureMutation = graphql(`
  mutation FormaliseVenture($input: FormaliseVentureInput!) {
    formaliseVenture(input: $input) {
      venture {
        id
        legalForm
        formalisedOn
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const RecordFundingMutation = graphql(`
  mutation RecordFunding($input: RecordFundingInput!) {
    recordFunding(input: $input) {
      venture {
        id
        totalFundingMad
        funding {
          id
          amountMad
          source
          kind
          receivedOn
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

const RecordJobsMutation = graphql(`
  mutation RecordJobs($input: RecordJobsInput!) {
    recordJobs(input: $input) {
      venture {
        id
        jobs {
          id
          countedOn
          fullTime
          temporary
          total
        }
        jobsHistory {
          id
          countedOn
          fullTime
          temporary
          total
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

const RecordSurvivalCheckMutation = graphql(`
  mutation RecordSurvivalCheck($input: RecordSurvivalCheckInput!) {
    recordSurvivalCheck(input: $input) {
      venture {
        id
        survivalChecks {
          id
          yearsAfterExit
          checkedOn
          active
          notes
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

const toNumber = (value: string | number): number | '' =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

function useFieldErrors() {
  const t = useT();
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const err = (field: string) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };
  return { errors, setErrors, err };
}

function dayProblem(day: string, today: string) {
  if (!day) return 'errors.REQUIRED' as const;
  if (day > today) return 'errors.DATE_IN_FUTURE' as const;
  return null;
}

/** The legal form and the day it was registered: from then on the venture counts as created. */
export function FormalisationSection({
  ventureId,
  legalForm,
  formalisedOn,
  canWrite,
}: {
  ventureId: string;
  legalForm?: LegalForm | null;
  formalisedOn?: string | null;
  canWrite: boolean;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<LegalForm | null>(null);
  const [day, setDay] = useState(today);
  const { errors, setErrors, err } = useFieldErrors();
  const [state, formalise] = useMutation(FormaliseVentureMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const byField: SplitErrors['byField'] = {};
    if (!form) byField.legalForm = 'errors.REQUIRED';
    const problem = dayProblem(day, today);
    if (problem) byField.formalisedOn = problem;
    if (Object.keys(byField).length > 0) return setErrors({ byField, general: [] });
    const result = await formalise({
      input: { id: ventureId, legalForm: form as LegalForm, formalisedOn: day },
    });
    const problems = mutationErrors(result.data?.formaliseVenture, result.error, [
      'legalForm',
      'formalisedOn',
    ]);
    if (problems) return setErrors(problems);
    setOpen(false);
  };

  return (
    <Stack gap="xs" data-testid="formalisation">
      {legalForm && formalisedOn ? (
        <Text>
          {t('venture.formalisedAs', {
            form: t(`legalForm.${legalForm}`),
            date: format.day(formalisedOn, 'long'),
          })}
        </Text>
      ) : (
        <Text c="dimmed">{t('venture.notFormalised')}</Text>
      )}
      {canWrite && !legalForm && (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setErrors(NO_ERRORS);
            setOpen(true);
          }}
        >
          {t('venture.formalise')}
        </Button>
      )}
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('venture.formalise')}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormErrors ids={errors.general} />
            <Select
              name="legalForm"
              label={t('venture.legalForm')}
              required
              data={LEGAL_FORMS.map((f) => ({ value: f, label: t(`legalForm.${f}`) }))}
              value={form}
              onChange={(value) => setForm(LEGAL_FORMS.find((f) => f === value) ?? null)}
              error={err('legalForm')}
            />
            <TextInput
              type="date"
              name="formalisedOn"
              label={t('venture.formalisedOn')}
              required
              max={today}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              error={err('formalisedOn')}
            />
            <Submit label={t('venture.formalise')} loading={state.fetching} onCancel={() => setOpen(false)} />
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}

/** Money the venture received: micro-credit, loans, grants… with the total. */
export function FundingSection({
  ventureId,
  funding,
  total,
  canWrite,
}: {
  ventureId: string;
  funding: readonly {
    id: string;
    amountMad: number;
    source: string;
    kind: FundingKind;
    receivedOn: string;
  }[];
  total: number;
  canWrite: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState<number | ''>('');
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<FundingKind | null>(null);
  const [day, setDay] = useState(today);
  const { errors, setErrors, err } = useFieldErrors();
  const [state, record] = useMutation(RecordFundingMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const byField: SplitErrors['byField'] = {};
    if (amount === '') byField.amountMad = 'errors.REQUIRED';
    else if (!(amount > 0)) byField.amountMad = 'errors.INVALID_INPUT';
    if (!source.trim()) byField.source = 'errors.REQUIRED';
    if (!kind) byField.kind = 'errors.REQUIRED';
    const problem = dayProblem(day, today);
    if (problem) byField.receivedOn = problem;
    if (Object.keys(byField).length > 0) return setErrors({ byField, general: [] });
    const result = await record({
      input: {
        ventureId,
        amountMad: Number(amount),
        source: source.trim(),
        kind: kind as FundingKind,
        receivedOn: day,
      },
    });
    const problems = mutationErrors(result.data?.recordFunding, result.error, [
      'amountMad',
      'source',
      'kind',
      'receivedOn',
    ]);
    if (problems) return setErrors(problems);
    setOpen(false);
    setAmount('');
    setSource('');
    setKind(null);
  };

  const rows = [...funding].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));
  return (
    <Stack gap="xs" data-testid="funding">
      {rows.length === 0 ? (
        <Text c="dimmed">{t('venture.noFunding')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('venture.receivedOn')}</Table.Th>
                <Table.Th>{t('venture.fundingKind')}</Table.Th>
                <Table.Th>{t('venture.source')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>{t('venture.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{format.day(row.receivedOn)}</Table.Td>
                  <Table.Td>{t(`fundingKind.${row.kind}`)}</Table.Td>
                  <Table.Td>{isolate(row.source)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{formatMad(row.amountMad, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3}>{t('venture.totalFunding')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }} data-testid="funding-total">
                  {formatMad(total, locale)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setErrors(NO_ERRORS);
            setOpen(true);
          }}
        >
          {t('venture.addFunding')}
        </Button>
      )}
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('venture.addFunding')}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormErrors ids={errors.general} />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberInput
                name="amountMad"
                label={t('venture.amountMad')}
                required
                min={0}
                decimalScale={2}
                allowNegative={false}
                thousandSeparator=" "
                value={amount}
                onChange={(v) => setAmount(toNumber(v))}
                error={err('amountMad')}
              />
              <Select
                name="kind"
                label={t('venture.fundingKind')}
                required
                data={FUNDING_KINDS.map((k) => ({ value: k, label: t(`fundingKind.${k}`) }))}
                value={kind}
                onChange={(value) => setKind(FUNDING_KINDS.find((k) => k === value) ?? null)}
                error={err('kind')}
              />
            </SimpleGrid>
            <TextInput
              name="source"
              label={t('venture.source')}
              description={t('venture.sourceHelp')}
              required
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              error={err('source')}
            />
            <TextInput
              type="date"
              name="receivedOn"
              label={t('venture.receivedOn')}
              required
              max={today}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              error={err('receivedOn')}
            />
            <Submit
              label={t('venture.addFunding')}
              loading={state.fetching}
              onCancel={() => setOpen(false)}
            />
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}

/** Jobs as counted on a day, newest first; the latest count is the venture's figure. */
export function JobsSection({
  ventureId,
  history,
  canWrite,
}: {
  ventureId: string;
  history: readonly { id: string; countedOn: string; fullTime: number; temporary: number; total: number }[];
  canWrite: boolean;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(today);
  const [fullTime, setFullTime] = useState<number | ''>('');
  const [temporary, setTemporary] = useState<number | ''>(0);
  const { errors, setErrors, err } = useFieldErrors();
  const [state, record] = useMutation(RecordJobsMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const byField: SplitErrors['byField'] = {};
    const problem = dayProblem(day, today);
    if (problem) byField.countedOn = problem;
    for (const [field, value] of [
      ['fullTime', fullTime],
      ['temporary', temporary],
    ] as const) {
      if (value === '') byField[field] = 'errors.REQUIRED';
      else if (!Number.isInteger(value) || value < 0) byField[field] = 'errors.INVALID_INPUT';
    }
    if (Object.keys(byField).length > 0) return setErrors({ byField, general: [] });
    const result = await record({
      input: { ventureId, countedOn: day, fullTime: Number(fullTime), temporary: Number(temporary) },
    });
    const problems = mutationErrors(result.data?.recordJobs, result.error, [
      'countedOn',
      'fullTime',
      'temporary',
    ]);
    if (problems) return setErrors(problems);
    setOpen(false);
  };

  const rows = [...history].sort((a, b) => b.countedOn.localeCompare(a.countedOn));
  return (
    <Stack gap="xs" data-testid="jobs">
      {rows.length === 0 ? (
        <Text c="dimmed">{t('venture.noJobs')}</Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('venture.countedOn')}</Table.Th>
              <Table.Th>{t('venture.fullTime')}</Table.Th>
              <Table.Th>{t('venture.temporary')}</Table.Th>
              <Table.Th>{t('venture.totalJobs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{format.day(row.countedOn)}</Table.Td>
                <Table.Td>{format.number(row.fullTime)}</Table.Td>
                <Table.Td>{format.number(row.temporary)}</Table.Td>
                <Table.Td fw={600}>{format.number(row.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setErrors(NO_ERRORS);
            setOpen(true);
          }}
        >
          {t('venture.recordJobs')}
        </Button>
      )}
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('venture.recordJobs')}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormErrors ids={errors.general} />
            <TextInput
              type="date"
              name="countedOn"
              label={t('venture.countedOn')}
              required
              max={today}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              error={err('countedOn')}
            />
            <SimpleGrid cols={2}>
              <NumberInput
                name="fullTime"
                label={t('venture.fullTime')}
                required
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={fullTime}
                onChange={(v) => setFullTime(toNumber(v))}
                error={err('fullTime')}
              />
              <NumberInput
                name="temporary"
                label={t('venture.temporary')}
                required
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={temporary}
                onChange={(v) => setTemporary(toNumber(v))}
                error={err('temporary')}
              />
            </SimpleGrid>
            <Submit
              label={t('venture.recordJobs')}
              loading={state.fetching}
              onCancel={() => setOpen(false)}
            />
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}

/** After the exit, a check a year for five years: is the venture still trading? */
export function SurvivalSection({
  ventureId,
  exitedOn,
  checks,
  canWrite,
}: {
  ventureId: string;
  exitedOn?: string | null;
  checks: readonly {
    id: string;
    yearsAfterExit: number;
    checkedOn: string;
    active: boolean;
    notes?: string | null;
  }[];
  canWrite: boolean;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [years, setYears] = useState<number | null>(null);
  const [day, setDay] = useState(today);
  const [active, setActive] = useState(true);
  const [notes, setNotes] = useState('');
  const { errors, setErrors, err } = useFieldErrors();
  const [state, record] = useMutation(RecordSurvivalCheckMutation);

  if (!exitedOn) return <Text c="dimmed">{t('venture.survivalAfterExit')}</Text>;
  const rows = survivalYears(exitedOn, today, checks);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (years === null) return;
    const problem = dayProblem(day, today);
    if (problem) return setErrors({ byField: { checkedOn: problem }, general: [] });
    const result = await record({
      input: { ventureId, yearsAfterExit: years, checkedOn: day, active, notes: notes.trim() || null },
    });
    const problems = mutationErrors(result.data?.recordSurvivalCheck, result.error, [
      'yearsAfterExit',
      'checkedOn',
      'active',
      'notes',
    ]);
    if (problems) return setErrors(problems);
    setYears(null);
  };

  return (
    <Stack gap="xs" data-testid="survival">
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('venture.yearAfterExit')}</Table.Th>
            <Table.Th>{t('venture.dueOn')}</Table.Th>
            <Table.Th>{t('venture.checkResult')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.years} data-testid="survival-row" data-years={row.years}>
              <Table.Td>{t('venture.yearN', { years: row.years })}</Table.Td>
              <Table.Td>{format.day(row.dueOn)}</Table.Td>
              <Table.Td>
                {row.check ? (
                  <Stack gap={2}>
                    <Group gap="xs">
                      <TintedBadge
                        colors={row.check.active ? ['green', '#1f6b2e'] : ['red', 'red.9']}
                        label={row.check.active ? t('venture.stillActive') : t('venture.closed')}
                      />
                      <Text size="sm" c="dimmed">
                        {format.day(row.check.checkedOn)}
                      </Text>
                    </Group>
                    {row.check.notes && <Text size="sm">{isolate(row.check.notes)}</Text>}
                  </Stack>
                ) : row.due ? (
                  canWrite ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setErrors(NO_ERRORS);
                        setDay(today);
                        setActive(true);
                        setNotes('');
                        setYears(row.years);
                      }}
                      data-testid="record-survival"
                    >
                      {t('venture.recordCheck')}
                    </Button>
                  ) : (
                    <Text size="sm">{t('venture.checkDue')}</Text>
                  )
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('venture.checkLater')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AppModal
        opened={years !== null}
        onClose={() => setYears(null)}
        title={t('venture.recordCheckYear', { years: years ?? 0 })}
      >
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormErrors ids={errors.general} />
            <TextInput
              type="date"
              name="checkedOn"
              label={t('venture.checkedOn')}
              required
              max={today}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
              error={err('checkedOn')}
            />
            <Checkbox
              name="active"
              label={t('venture.stillActiveQuestion')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
            <Textarea
              name="notes"
              label={t('venture.checkNotes')}
              rows={2}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              error={err('notes')}
            />
            <Submit
              label={t('venture.recordCheck')}
              loading={state.fetching}
              onCancel={() => setYears(null)}
            />
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}

function Submit({ label, loading, onCancel }: { label: ReactNode; loading: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
    </Group>
  );
}
