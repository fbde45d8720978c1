import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { coursePrice } from '../lib/course-format';
import { CourseStatusBadge } from './course-badges';

export const CourseRowCourseFragment = graphql(`
  fragment CourseRow_CourseFragment on Course {
    id
    titleFr
    titleAr
    trainingLine
    audience
    mode
    city
    capacity
    priceMad
    status
    registeredCount
    waitlistCount
    startsOn
    sessions {
      id
      day
    }
  }
`);

/** The course's title in the person's language, the French one when it has no Arabic title. */
export function courseTitle(course: { titleFr: string; titleAr?: string | null }, locale: string): string {
  return locale === 'ar-MA' && course.titleAr ? course.titleAr : course.titleFr;
}

/** One course in the catalogue. */
export function CourseRow(props: { course: FragmentType<typeof CourseRowCourseFragment> }) {
  const course = readFragment(CourseRowCourseFragment, props.course);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const days = course.sessions.map((s) => s.day).sort();
  const first = days[0];
  const last = days[days.length - 1];
  const price = coursePrice(course.priceMad, locale);
  return (
    <Table.Tr data-testid="course-row" data-course={course.id}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/courses/${course.id}`} fw={600}>
            {courseTitle(course, locale)}
          </Anchor>
          {course.status !== 'OPEN' && <CourseStatusBadge status={course.status} />}
        </Group>
        <Text size="sm" c="dimmed">
          <bdi>{course.trainingLine}</bdi>
        </Text>
      </Table.Td>
      <Table.Td>{t(`courseAudience.${course.audience}`)}</Table.Td>
      <Table.Td>
        {t(`courseMode.${course.mode}`)}
        <Text size="sm" c="dimmed">
          {course.city ? <bdi>{course.city}</bdi> : t('course.online')}
        </Text>
      </Table.Td>
      <Table.Td>
        {!first || !last
          ? '—'
          : first === last
            ? format.day(first)
            : t('course.dates', { start: format.day(first), end: format.day(last) })}
      </Table.Td>
      <Table.Td data-testid="course-places">
        {t('course.places', { taken: course.registeredCount, capacity: course.capacity })}
      </Table.Td>
      <Table.Td data-testid="course-waitlist">{format.number(course.waitlistCount)}</Table.Td>
      <Table.Td data-testid="course-price">{price ?? t('course.free')}</Table.Td>
    </Table.Tr>
  );
}
