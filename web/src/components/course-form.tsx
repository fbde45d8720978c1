import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { COURSE_AUDIENCES, COURSE_MODES } from '../lib/course-filter';
import {
  COURSE_FIELDS,
  type CourseField,
  type CourseFormValues,
  checkCourseForm,
  EMPTY_COURSE,
  toCourseInput,
} from '../lib/course-form';
import { numberOrEmpty } from '../lib/number-input';
import { FormErrors } from './form-errors';
import { useMutationForm } from './use-mutation-form';
import { NO_ERRORS } from './user-errors';

const CreateCourseMutation = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      course {
        id
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const UpdateCourseMutation = graphql(`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      course {
        id
        titleFr
        titleAr
        trainingLine
        topic
        audience
        partners
        mode
        city
        capacity
        priceMad
        completionThreshold
        status
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

/** A new course, or the fields of an existing one; each API error shows under its field. */
export function CourseForm({
  course,
  onDone,
}: {
  /** Set to edit that course; absent to create one. */
  course?: { id: string; values: CourseFormValues };
  onDone: (courseId: string) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<CourseFormValues>(course?.values ?? EMPTY_COURSE);
  const { errors, setErrors, formRef, err, refused, accepted } = useMutationForm();
  const [createState, create] = useMutation(CreateCourseMutation);
  const [updateState, update] = useMutation(UpdateCourseMutation);
  const set = <F extends keyof CourseFormValues>(field: F, value: CourseFormValues[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const fieldError = (field: CourseField) => err(field);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (refused(checkCourseForm(values))) return;
    setErrors(NO_ERRORS);
    const input = toCourseInput(values);
    if (course) {
      const result = await update({ input: { id: course.id, course: input } });
      if (accepted(result.data?.updateCourse, result.error, COURSE_FIELDS)) onDone(course.id);
    } else {
      const result = await create({ input: { course: input } });
      const payload = result.data?.createCourse;
      if (accepted(payload, result.error, COURSE_FIELDS) && payload?.course) onDone(payload.course.id);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="course-form">
      <Stack>
        <FormErrors ids={errors.general} />
        <TextInput
          name="titleFr"
          label={t('course.titleFr')}
          required
          lang="fr"
          value={values.titleFr}
          onChange={(e) => set('titleFr', e.currentTarget.value)}
          error={fieldError('titleFr')}
        />
        <TextInput
          name="titleAr"
          label={t('course.titleAr')}
          dir="rtl"
          lang="ar"
          value={values.titleAr}
          onChange={(e) => set('titleAr', e.currentTarget.value)}
          error={fieldError('titleAr')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            name="trainingLine"
            label={t('course.trainingLine')}
            description={t('course.trainingLineHelp')}
            required
            value={values.trainingLine}
            onChange={(e) => set('trainingLine', e.currentTarget.value)}
            error={fieldError('trainingLine')}
          />
          <TextInput
            name="topic"
            label={t('course.topic')}
            value={values.topic}
            onChange={(e) => set('topic', e.currentTarget.value)}
            error={fieldError('topic')}
          />
          <Select
            name="audience"
            label={t('course.audience')}
            required
            data={COURSE_AUDIENCES.map((a) => ({ value: a, label: t(`courseAudience.${a}`) }))}
            value={values.audience || null}
            onChange={(value) => set('audience', COURSE_AUDIENCES.find((a) => a === value) ?? '')}
            error={fieldError('audience')}
          />
          <Select
            name="mode"
            label={t('course.mode')}
            required
            data={COURSE_MODES.map((m) => ({ value: m, label: t(`courseMode.${m}`) }))}
            value={values.mode || null}
            onChange={(value) => set('mode', COURSE_MODES.find((m) => m === value) ?? '')}
            error={fieldError('mode')}
          />
        </SimpleGrid>
        <TagsInput
          name="partners"
          label={t('course.partners')}
          description={t('course.partnersHelp')}
          value={values.partners}
          onChange={(value) => set('partners', value)}
          error={fieldError('partners')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            name="city"
            label={t('course.city')}
            description={values.mode === 'E_LEARNING' ? t('course.cityOnline') : undefined}
            required={values.mode !== 'E_LEARNING'}
            disabled={values.mode === 'E_LEARNING'}
            value={values.mode === 'E_LEARNING' ? '' : values.city}
            onChange={(e) => set('city', e.currentTarget.value)}
            error={fieldError('city')}
          />
          <NumberInput
            name="capacity"
            label={t('course.capacity')}
            required
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={values.capacity}
            onChange={(value) => set('capacity', numberOrEmpty(value))}
            error={fieldError('capacity')}
          />
          <NumberInput
            name="priceMad"
            label={t('course.priceMad')}
            description={t('course.priceHelp')}
            min={0}
            decimalScale={2}
            allowNegative={false}
            value={values.priceMad}
            onChange={(value) => set('priceMad', numberOrEmpty(value))}
            error={fieldError('priceMad')}
          />
          <NumberInput
            name="completionThreshold"
            label={t('course.completionThreshold')}
            description={t('course.completionHelp')}
            min={1}
            max={100}
            suffix=" %"
            allowDecimal={false}
            allowNegative={false}
            value={values.completionPercent}
            onChange={(value) => set('completionPercent', numberOrEmpty(value))}
            error={fieldError('completionThreshold')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={createState.fetching || updateState.fetching}>
            {course ? t('common.save') : t('course.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
