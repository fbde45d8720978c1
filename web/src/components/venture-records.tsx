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
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { FundingKind, LegalForm } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatMad } from '../lib/incubation-format';
import { numberOrEmpty } from '../lib/number-input';
import { pastDayProblem } from '../lib/past-day';
import { survivalYears } from '../lib/survival';
import { useCentreToday } from '../lib/use-centre-today';
import { FormDialog, FormDialogButton } from './form-dialog';
import { TintedBadge } from './tinted-badge';
import { useMutationDialog } from './use-mutation-dialog';
import type { SplitErrors } from './user-errors';

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
  const [form, setForm] = useState<LegalForm | null>(null);
  const [day, setDay] = useState(today);
  const dialog = useMutationDialog();
  const [state, formalise] = useMutation(FormaliseVentureMutation);

  const onSubmit = async () => {
    const byField: SplitErrors['byField'] = {};
    if (!form) byField.legalForm = 'errors.REQUIRED';
    const problem = pastDayProblem(day, today);
    if (problem) byField.formalisedOn = problem;
    if (dialog.refused(byField)) return;
    const result = await formalise({
      input: { id: ventureId, legalForm: form as LegalForm, formalisedOn: day },
    });
    dialog.accepted(result.data?.formaliseVenture, result.error, ['legalForm', 'formalisedOn']);
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
      <FormDialogButton
        dialog={dialog}
        label={t('venture.formalise')}
        canOpen={canWrite && !legalForm}
        fetching={state.fetching}
        onSubmit={onSubmit}
      >
        <Select
          name="legalForm"
          label={t('venture.legalForm')}
          required
          data={LEGAL_FORMS.map((f) => ({ value: f, label: t(`legalForm.${f}`) }))}
          value={form}
          onChange={(value) => setForm(LEGAL_FORMS.find((f) => f === value) ?? null)}
          error={dialog.err('legalForm')}
        />
        <DayInput
          name="formalisedOn"
          label={t('venture.formalisedOn')}
          value={day}
          onChange={setDay}
          error={dialog.err}
        />
      </FormDialogButton>
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
  const [amount, setAmount] = useState<number | ''>('');
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<FundingKind | null>(null);
  const [day, setDay] = useState(today);
  const dialog = useMutationDialog();
  const [state, record] = useMutation(RecordFundingMutation);

  const onSubmit = async () => {
    const byField: SplitErrors['byField'] = {};
    if (amount === '') byField.amountMad = 'errors.REQUIRED';
    else if (!(amount > 0)) byField.amountMad = 'errors.INVALID_INPUT';
    if (!source.trim()) byField.source = 'errors.REQUIRED';
    if (!kind) byField.kind = 'errors.REQUIRED';
    const problem = pastDayProblem(day, today);
    if (problem) byField.receivedOn = problem;
    if (dialog.refused(byField)) return;
    const result = await record({
      input: {
        ventureId,
        amountMad: Number(amount),
        source: source.trim(),
        kind: kind as FundingKind,
        receivedOn: day,
      },
    });
    const fields = ['amountMad', 'source', 'kind', 'receivedOn'];
    if (!dialog.accepted(result.data?.recordFunding, result.error, fields)) return;
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
      <FormDialogButton
        dialog={dialog}
        label={t('venture.addFunding')}
        canOpen={canWrite}
        fetching={state.fetching}
        onSubmit={onSubmit}
      >
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
            onChange={(v) => setAmount(numberOrEmpty(v))}
            error={dialog.err('amountMad')}
          />
          <Select
            name="kind"
            label={t('venture.fundingKind')}
            required
            data={FUNDING_KINDS.map((k) => ({ value: k, label: t(`fundingKind.${k}`) }))}
            value={kind}
            onChange={(value) => setKind(FUNDING_KINDS.find((k) => k === value) ?? null)}
            error={dialog.err('kind')}
          />
        </SimpleGrid>
        <TextInput
          name="source"
          label={t('venture.source')}
          description={t('venture.sourceHelp')}
          required
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          error={dialog.err('source')}
        />
        <DayInput
          name="receivedOn"
          label={t('venture.receivedOn')}
          value={day}
          onChange={setDay}
          error={dialog.err}
        />
      </FormDialogButton>
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
  const [day, setDay] = useState(today);
  const [fullTime, setFullTime] = useState<number | ''>('');
  const [temporary, setTemporary] = useState<number | ''>(0);
  const dialog = useMutationDialog();
  const [state, record] = useMutation(RecordJobsMutation);

  const onSubmit = async () => {
    const byField: SplitErrors['byField'] = {};
    const problem = pastDayProblem(day, today);
    if (problem) byField.countedOn = problem;
    for (const [field, value] of [
      ['fullTime', fullTime],
      ['temporary', temporary],
    ] as const) {
      if (value === '') byField[field] = 'errors.REQUIRED';
      else if (!Number.isInteger(value) || value < 0) byField[field] = 'errors.INVALID_INPUT';
    }
    if (dialog.refused(byField)) return;
    const result = await record({
      input: { ventureId, countedOn: day, fullTime: Number(fullTime), temporary: Number(temporary) },
    });
    dialog.accepted(result.data?.recordJobs, result.error, ['countedOn', 'fullTime', 'temporary']);
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
      <FormDialogButton
        dialog={dialog}
        label={t('venture.recordJobs')}
        canOpen={canWrite}
        fetching={state.fetching}
        onSubmit={onSubmit}
      >
        <DayInput
          name="countedOn"
          label={t('venture.countedOn')}
          value={day}
          onChange={setDay}
          error={dialog.err}
        />
        <SimpleGrid cols={2}>
          <CountInput
            name="fullTime"
            label={t('venture.fullTime')}
            value={fullTime}
            onChange={setFullTime}
            error={dialog.err}
          />
          <CountInput
            name="temporary"
            label={t('venture.temporary')}
            value={temporary}
            onChange={setTemporary}
            error={dialog.err}
          />
        </SimpleGrid>
      </FormDialogButton>
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
  const [day, setDay] = useState(today);
  const [active, setActive] = useState(true);
  const [notes, setNotes] = useState('');
  // The dialog is about one year after the exit.
  const dialog = useMutationDialog<number>();
  const [state, record] = useMutation(RecordSurvivalCheckMutation);

  if (!exitedOn) return <Text c="dimmed">{t('venture.survivalAfterExit')}</Text>;
  const rows = survivalYears(exitedOn, today, checks);

  const onSubmit = async () => {
    const years = dialog.subject;
    if (years === null) return;
    const problem = pastDayProblem(day, today);
    if (dialog.refused(problem ? { checkedOn: problem } : {})) return;
    const result = await record({
      input: { ventureId, yearsAfterExit: years, checkedOn: day, active, notes: notes.trim() || null },
    });
    dialog.accepted(result.data?.recordSurvivalCheck, result.error, [
      'yearsAfterExit',
      'checkedOn',
      'active',
      'notes',
    ]);
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
                        setDay(today);
                        setActive(true);
                        setNotes('');
                        dialog.open(row.years);
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
      <FormDialog
        dialog={dialog}
        title={t('venture.recordCheckYear', { years: dialog.subject ?? 0 })}
        submitLabel={t('venture.recordCheck')}
        fetching={state.fetching}
        onSubmit={onSubmit}
      >
        <DayInput
          name="checkedOn"
          label={t('venture.checkedOn')}
          value={day}
          onChange={setDay}
          error={dialog.err}
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
          error={dialog.err('notes')}
        />
      </FormDialog>
    </Stack>
  );
}

/** The day something happened: required, and never after the centre's today. */
function DayInput({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (day: string) => void;
  error: (field: string) => string | undefined;
}) {
  const today = useCentreToday();
  return (
    <TextInput
      type="date"
      name={name}
      label={label}
      required
      max={today}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error(name)}
    />
  );
}

/** A number of people: a whole number, zero or more. */
function CountInput({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: number | '';
  onChange: (value: number | '') => void;
  error: (field: string) => string | undefined;
}) {
  return (
    <NumberInput
      name={name}
      label={label}
      required
      min={0}
      allowDecimal={false}
      allowNegative={false}
      value={value}
      onChange={(v) => onChange(numberOrEmpty(v))}
      error={error(name)}
    />
  );
}
