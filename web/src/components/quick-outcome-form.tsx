import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { OutcomeStatus } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import {
  hasPlace,
  needsOrganisation,
  ORGANISATION_MAX,
  OUTCOME_STATUSES,
  type OutcomeField,
  outcomeFields,
  outcomeProblems,
} from '../lib/outcomes';
import { useCentreToday } from '../lib/use-centre-today';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const RecordOutcomeMutation = graphql(`
  mutation RecordOutcome($input: RecordOutcomeInput!) {
    recordOutcome(input: $input) {
      outcome {
        id
        state
        status
        organisation
        outcomeOn
        surveyedOn
        source
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const FIELDS: readonly string[] = ['status', 'organisation', 'outcomeOn', 'surveyedOn'];

/**
 * A graduate's answer in one line, as staff type it during a call: what they do, where, since when.
 * Saved in one step; the list then moves on to the next graduate.
 */
export function QuickOutcomeForm({
  outcome,
  name,
  autoFocus = false,
  onRecorded,
}: {
  outcome: {
    id: string;
    status?: OutcomeStatus | null;
    organisation?: string | null;
    outcomeOn?: string | null;
  };
  /** Whose answer, for the labels screen readers announce in a list of many. */
  name: string;
  autoFocus?: boolean;
  onRecorded: (outcomeId: string) => void;
}) {
  const t = useT();
  const today = useCentreToday();
  const [status, setStatus] = useState<OutcomeStatus | null>(outcome.status ?? null);
  const [organisation, setOrganisation] = useState(outcome.organisation ?? '');
  const [outcomeOn, setOutcomeOn] = useState(outcome.outcomeOn ?? '');
  const [problems, setProblems] = useState<Partial<Record<OutcomeField, MessageId>>>({});
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, record] = useMutation(RecordOutcomeMutation);
  const statusRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (autoFocus) statusRef.current?.focus();
  }, [autoFocus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const draft = { status, organisation, outcomeOn };
    const found = outcomeProblems(draft, today);
    setProblems(found);
    if (Object.keys(found).length > 0 || !status) return;
    setErrors(NO_ERRORS);
    const result = await record({ input: { outcomeId: outcome.id, ...outcomeFields({ ...draft, status }) } });
    const failed = mutationErrors(result.data?.recordOutcome, result.error, FIELDS);
    if (failed) return setErrors(failed);
    onRecorded(outcome.id);
  };

  const error = (field: OutcomeField) => {
    const id = problems[field] ?? errors.byField[field];
    return id ? t(id) : undefined;
  };
  const place = hasPlace(status);

  return (
    <form onSubmit={submit} noValidate data-testid="quick-outcome" data-outcome={outcome.id}>
      <FormErrors
        ids={[...errors.general, ...(errors.byField.surveyedOn ? [errors.byField.surveyedOn] : [])]}
      />
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NativeSelect
          ref={statusRef}
          name="status"
          label={t('outcome.statusLabel')}
          aria-label={t('outcome.statusOf', { name })}
          value={status ?? ''}
          onChange={(event) => setStatus((event.currentTarget.value || null) as OutcomeStatus | null)}
          data={[
            { value: '', label: t('outcome.choose') },
            ...OUTCOME_STATUSES.map((s) => ({ value: s, label: t(`outcome.status.${s}`) })),
          ]}
          error={error('status')}
          w={{ base: '100%', sm: 210 }}
        />
        <TextInput
          name="organisation"
          label={t('outcome.organisation')}
          aria-label={t('outcome.organisationOf', { name })}
          value={place ? organisation : ''}
          disabled={!place}
          required={needsOrganisation(status)}
          maxLength={ORGANISATION_MAX}
          onChange={(event) => setOrganisation(event.currentTarget.value)}
          error={error('organisation')}
          w={{ base: '100%', sm: 170 }}
        />
        <TextInput
          name="outcomeOn"
          type="date"
          label={t('outcome.outcomeOn')}
          aria-label={t('outcome.outcomeOnOf', { name })}
          max={today}
          value={place ? outcomeOn : ''}
          disabled={!place}
          onChange={(event) => setOutcomeOn(event.currentTarget.value)}
          error={error('outcomeOn')}
          w={{ base: '100%', sm: 145 }}
        />
        <Button
          type="submit"
          loading={state.fetching}
          mt={{ base: 0, sm: 24 }}
          aria-label={t('outcome.saveFor', { name })}
          data-testid="save-outcome"
        >
          {t('outcome.save')}
        </Button>
      </Group>
    </form>
  );
}
