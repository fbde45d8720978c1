import {
  Alert,
  Autocomplete,
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { numberOrEmpty } from '../lib/number-input';
import { pastDayProblem } from '../lib/past-day';
import { useCentreToday } from '../lib/use-centre-today';
import { FormErrors } from './form-errors';
import { useMutationForm } from './use-mutation-form';
import type { SplitErrors } from './user-errors';

const LogCoachingSessionMutation = graphql(`
  mutation LogCoachingSession($input: LogCoachingSessionInput!) {
    logCoachingSession(input: $input) {
      coachingSession {
        id
        ...CoachingLog_CoachingSessionFragment
        venture {
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

const FIELDS = ['heldOn', 'minutes', 'topic', 'notes', 'nextSteps'];
const TOPIC_MAX = 200;
const TEXT_MAX = 4000;

/** The four training modules and what coaches most often work on: one tap, then completed if needed. */
const TOPICS: readonly MessageId[] = [
  'coaching.topic.finance',
  'coaching.topic.marketing',
  'coaching.topic.legal',
  'coaching.topic.softSkills',
  'coaching.topic.funding',
  'coaching.topic.formalisation',
];

/** A coach logs a session with a venture: when, how long, about what, and what comes next. */
export function LogSessionForm({ ventureId, onLogged }: { ventureId: string; onLogged?: () => void }) {
  const t = useT();
  const today = useCentreToday();
  const [heldOn, setHeldOn] = useState(today);
  const [minutes, setMinutes] = useState<number | ''>(60);
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const { errors, err, formRef, refused, accepted } = useMutationForm();
  const [logged, setLogged] = useState(false);
  const [state, log] = useMutation(LogCoachingSessionMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setLogged(false);
    const byField: SplitErrors['byField'] = {};
    const dayProblem = pastDayProblem(heldOn, today);
    if (dayProblem) byField.heldOn = dayProblem;
    if (minutes === '') byField.minutes = 'errors.REQUIRED';
    else if (!Number.isInteger(minutes) || minutes < 5 || minutes > 600)
      byField.minutes = 'coaching.minutesRange';
    if (!topic.trim()) byField.topic = 'errors.REQUIRED';
    else if (topic.trim().length > TOPIC_MAX) byField.topic = 'callForm.tooLong';
    if (notes.length > TEXT_MAX) byField.notes = 'callForm.tooLong';
    if (nextSteps.length > TEXT_MAX) byField.nextSteps = 'callForm.tooLong';
    if (refused(byField)) return;
    const result = await log({
      input: {
        ventureId,
        heldOn,
        minutes: Number(minutes),
        topic: topic.trim(),
        notes: notes.trim() || null,
        nextSteps: nextSteps.trim() || null,
      },
    });
    if (!accepted(result.data?.logCoachingSession, result.error, FIELDS)) return;
    setTopic('');
    setNotes('');
    setNextSteps('');
    setLogged(true);
    onLogged?.();
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="log-session-form">
      <Stack gap="sm">
        <FormErrors ids={errors.general} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="date"
            name="heldOn"
            label={t('coaching.heldOn')}
            required
            max={today}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            error={err('heldOn')}
          />
          <NumberInput
            name="minutes"
            label={t('coaching.minutesLabel')}
            required
            min={5}
            max={600}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            value={minutes}
            onChange={(value) => setMinutes(numberOrEmpty(value))}
            error={err('minutes')}
          />
        </SimpleGrid>
        <Autocomplete
          name="topic"
          label={t('coaching.topicLabel')}
          required
          data={TOPICS.map((id) => t(id))}
          value={topic}
          onChange={setTopic}
          error={err('topic')}
        />
        <Textarea
          name="notes"
          label={t('coaching.notes')}
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={err('notes')}
        />
        <Textarea
          name="nextSteps"
          label={t('coaching.nextSteps')}
          rows={2}
          value={nextSteps}
          onChange={(e) => setNextSteps(e.currentTarget.value)}
          error={err('nextSteps')}
        />
        {logged && (
          <Alert color="teal" variant="light" role="status" data-testid="session-logged">
            {t('coaching.logged')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={state.fetching} data-testid="log-session-submit">
            {t('coaching.log')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
