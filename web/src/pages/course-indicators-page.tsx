import { Anchor, Breadcrumbs, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { FormErrors } from '../components/form-errors';
import { QueryBoundary } from '../components/query-boundary';
import { TrainingFiguresTable } from '../components/training-figures-table';
import { graphql } from '../gql';
import type { ExportFormat } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { COURSE_AUDIENCES, COURSE_MODES } from '../lib/course-filter';
import { indicatorYearFrom, indicatorYears } from '../lib/course-format';
import { useCentreToday } from '../lib/use-centre-today';
import { useFileDownload } from '../lib/use-file-download';

const CourseIndicatorsPageQuery = graphql(`
  query CourseIndicatorsPage($year: Int!) {
    trainingIndicators(year: $year) {
      year
      total {
        ...TrainingFiguresTable_TrainingLineFiguresFragment
      }
      byTrainingLine {
        ...TrainingFiguresTable_TrainingLineFiguresFragment
      }
      bySex {
        ...TrainingFiguresTable_TrainingLineFiguresFragment
      }
      byAudience {
        ...TrainingFiguresTable_TrainingLineFiguresFragment
      }
      byCity {
        ...TrainingFiguresTable_TrainingLineFiguresFragment
      }
      byMode {
        ...TrainingFiguresTable_TrainingLineFiguresFragment
      }
    }
  }
`);

const ExportTrainingIndicatorsQuery = graphql(`
  query ExportTrainingIndicators($year: Int!, $format: ExportFormat!) {
    exportTrainingIndicators(year: $year, format: $format) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

/** The year's short-training figures in the layout the centre publishes, and the same as a file. */
export function CourseIndicatorsPage() {
  const t = useT();
  const client = useClient();
  const thisYear = Number(useCentreToday().slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = indicatorYearFrom(params.get('year'), thisYear);
  const [result, reexecute] = useQuery({ query: CourseIndicatorsPageQuery, variables: { year } });
  const files = useFileDownload<ExportFormat>();
  const years = indicatorYears(thisYear, 8);

  const download = (format: ExportFormat) =>
    files.download(format, async () => {
      const answer = await client
        .query(ExportTrainingIndicatorsQuery, { year, format }, { requestPolicy: 'network-only' })
        .toPromise();
      return { file: answer.data?.exportTrainingIndicators, error: answer.error };
    });

  const sex = (key: string) => (key === 'F' || key === 'M' ? t(`sex.${key}`) : key);
  const audience = (key: string) => {
    const known = COURSE_AUDIENCES.find((a) => a === key);
    return known ? t(`courseAudience.${known}`) : key;
  };
  const mode = (key: string) => {
    const known = COURSE_MODES.find((m) => m === key);
    return known ? t(`courseMode.${known}`) : key;
  };
  const city = (key: string) => (key === '' || key === 'ONLINE' ? t('course.online') : key);

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/courses">
          {t('courses.title')}
        </Anchor>
        <Text>{t('indicators.title')}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('indicators.titleYear', { year })}</Title>
        <Group gap="sm" align="flex-end">
          <Select
            name="year"
            label={t('indicators.year')}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            onChange={(value) => value && setParams({ year: value })}
            allowDeselect={false}
            w={120}
          />
          <Button
            variant="default"
            onClick={() => void download('CSV')}
            loading={files.loading === 'CSV'}
            data-testid="export-csv"
          >
            {t('indicators.exportCsv')}
          </Button>
          <Button
            variant="default"
            onClick={() => void download('XLSX')}
            loading={files.loading === 'XLSX'}
            data-testid="export-xlsx"
          >
            {t('indicators.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {files.error && <FormErrors ids={[files.error]} />}
      <Text c="dimmed">{t('indicators.intro', { year, previous: year - 1 })}</Text>
      <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        {({ trainingIndicators: figures }) => (
          <Stack gap="xl">
            <TrainingFiguresTable
              caption={t('indicators.byTrainingLine')}
              keyLabel={t('course.trainingLine')}
              rows={figures.byTrainingLine}
              total={figures.total}
              label={(key) => key}
              year={year}
              testId="indicators-lines"
            />
            <TrainingFiguresTable
              caption={t('indicators.bySex')}
              keyLabel={t('person.sex')}
              rows={figures.bySex}
              label={sex}
              year={year}
              testId="indicators-sex"
            />
            <TrainingFiguresTable
              caption={t('indicators.byAudience')}
              keyLabel={t('course.audience')}
              rows={figures.byAudience}
              label={audience}
              year={year}
              testId="indicators-audience"
            />
            <TrainingFiguresTable
              caption={t('indicators.byCity')}
              keyLabel={t('course.city')}
              rows={figures.byCity}
              label={city}
              year={year}
              testId="indicators-city"
            />
            <TrainingFiguresTable
              caption={t('indicators.byMode')}
              keyLabel={t('course.mode')}
              rows={figures.byMode}
              label={mode}
              year={year}
              testId="indicators-mode"
            />
          </Stack>
        )}
      </QueryBoundary>
    </Stack>
  );
}
