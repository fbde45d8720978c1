import { Alert, Button, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormErrors } from '../components/form-errors';
import { PublicLayout } from '../components/public-layout';
import { QueryBoundary } from '../components/query-boundary';
import { mutationErrors, NO_ERRORS, type SplitErrors } from '../components/user-errors';
import { graphql } from '../gql';
import type { OutcomeStatus } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { FALLBACK_TIME_ZONE } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { centreToday } from '../lib/days';
import {
  GRADUATE_ANSWERS,
  hasPlace,
  needsOrganisation,
  ORGANISATION_MAX,
  type OutcomeField,
  outcomeFields,
  outcomeProblems,
} from '../lib/outcomes';

const FollowUpLinkPageQuery = graphql(`
  query FollowUpLinkPage($token: String!) {
    followUpByLink(token: $token) {
      firstName
      programmeFr
      programmeAr
      centreName
      centreNameAr
      monthsAfterGraduation
    }
  }
`);

const SubmitOutcomeByLinkMutation = graphql(`
  mutation SubmitOutcomeByLink($input: SubmitOutcomeByLinkInput!) {
    submitOutcomeByLink(input: $input) {
      ok
      errors {
        code
        field
        message
      }
    }
  }
`);

/**
 * A graduate answers a follow-up wave from the link the centre sent by SMS, on their phone and
 * without an account: what they do now, where, since when. The link works once.
 */
export function FollowUpLinkPage() {
  const { token = '' } = useParams();
  const t = useT();
  const [result, reexecute] = useQuery({
    query: FollowUpLinkPageQuery,
    variables: { token },
    requestPolicy: 'network-only',
  });
  const [done, setDone] = useState(false);
  return (
    <PublicLayout>
      {done ? (
        <Alert color="teal" variant="light" data-testid="follow-up-thanks">
          <Text fw={700}>{t('followUpLink.thanksTitle')}</Text>
          <Text>{t('followUpLink.thanks')}</Text>
        </Alert>
      ) : (
        <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
          {({ followUpByLink: link }) =>
            link ? <AnswerForm token={token} link={link} onDone={() => setDone(true)} /> : <LinkInvalid />
          }
        </QueryBoundary>
      )}
    </PublicLayout>
  );
}

function LinkInvalid() {
  const t = useT();
  return (
    <Alert color="red" variant="light" role="alert" data-testid="link-invalid">
      <Text fw={700}>{t('followUpLink.invalidTitle')}</Text>
      <Text>{t('errors.LINK_INVALID')}</Text>
    </Alert>
  );
}

function AnswerForm({
  token,
  link,
  onDone,
}: {
  token: string;
  link: {
    firstName: string;
    programmeFr: string;
    programmeAr: string;
    centreName: string;
    centreNameAr?: string | null;
    monthsAfterGraduation: number;
  };
  onDone: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  // No centre is signed in here: the Moroccan clock is the one the centres keep.
  const today = centreToday(FALLBACK_TIME_ZONE);
  const [status, setStatus] = useState<OutcomeStatus | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [outcomeOn, setOutcomeOn] = useState('');
  const [problems, setProblems] = useState<Partial<Record<OutcomeField, MessageId>>>({});
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, submitOutcome] = useMutation(SubmitOutcomeByLinkMutation);
  const [invalid, setInvalid] = useState(false);
  const ar = locale === 'ar-MA';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const draft = { status, organisation, outcomeOn };
    const found = outcomeProblems(draft, today);
    setProblems(found);
    if (Object.keys(found).length > 0 || !status) return;
    setErrors(NO_ERRORS);
    const result = await submitOutcome({ input: { token, ...outcomeFields({ ...draft, status }) } });
    const payload = result.data?.submitOutcomeByLink;
    if (payload?.errors.some((e) => e.code === 'LINK_INVALID')) return setInvalid(true);
    const failed = mutationErrors(payload, result.error, ['status', 'organisation', 'outcomeOn']);
    if (failed) return setErrors(failed);
    if (payload?.ok) onDone();
  };

  if (invalid) return <LinkInvalid />;
  const error = (field: OutcomeField) => {
    const id = problems[field] ?? errors.byField[field];
    return id ? t(id) : undefined;
  };
  const programme = ar ? link.programmeAr : link.programmeFr;
  const centre = ar && link.centreNameAr ? link.centreNameAr : link.centreName;

  return (
    <form onSubmit={submit} noValidate data-testid="follow-up-form">
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {t('followUpLink.hello', { name: link.firstName })}
          </Title>
          <Text size="lg">
            {link.monthsAfterGraduation === 0
              ? t('followUpLink.introAtGraduation', { programme, centre })
              : t('followUpLink.intro', { programme, centre, months: link.monthsAfterGraduation })}
          </Text>
        </div>
        <FormErrors ids={errors.general} />
        <Radio.Group
          name="status"
          label={t('followUpLink.question')}
          value={status ?? ''}
          onChange={(value) => setStatus(value as OutcomeStatus)}
          error={error('status')}
          size="md"
          required
        >
          <Stack gap="sm" mt="sm">
            {GRADUATE_ANSWERS.map((answer) => (
              <Radio key={answer} value={answer} label={t(`followUpLink.answer.${answer}`)} size="md" />
            ))}
          </Stack>
        </Radio.Group>
        {hasPlace(status) && (
          <>
            <TextInput
              name="organisation"
              label={t(status === 'FURTHER_TRAINING' ? 'followUpLink.school' : 'followUpLink.organisation')}
              value={organisation}
              required={needsOrganisation(status)}
              maxLength={ORGANISATION_MAX}
              onChange={(event) => setOrganisation(event.currentTarget.value)}
              error={error('organisation')}
              size="md"
            />
            <TextInput
              name="outcomeOn"
              type="date"
              label={t('followUpLink.since')}
              max={today}
              value={outcomeOn}
              onChange={(event) => setOutcomeOn(event.currentTarget.value)}
              error={error('outcomeOn')}
              size="md"
            />
          </>
        )}
        <Button type="submit" size="lg" fullWidth loading={state.fetching} data-testid="submit-follow-up">
          {t('followUpLink.send')}
        </Button>
      </Stack>
    </form>
  );
}
