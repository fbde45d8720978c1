import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { IMPORT_COLUMNS } from '../lib/import-columns';

/**
 * An empty file with every header in one language, to fill in a spreadsheet. The byte-order mark
 * makes spreadsheet programs read it as UTF-8 (accents, Arabic); the API skips it.
 */
function templateHref(language: 'fr' | 'ar'): string {
  const header = IMPORT_COLUMNS.map((column) => column[language]).join(';');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\r\n`)}`;
}

/** What the file must look like: the header in French or Arabic, one applicant per row. */
export function ImportColumnsHelp() {
  const t = useT();
  const { locale } = useLocale();
  // The reader's own language first.
  const languages = locale === 'ar-MA' ? (['ar', 'fr'] as const) : (['fr', 'ar'] as const);
  return (
    <div data-testid="import-help">
      <Text size="sm" mb="xs">
        {t('import.help')}
      </Text>
      <Group gap="md" mb="sm">
        {languages.map((language) => (
          <Anchor
            key={language}
            size="sm"
            href={templateHref(language)}
            download={language === 'fr' ? 'modele-candidats.csv' : 'نموذج-المترشحين.csv'}
          >
            {t(language === 'fr' ? 'import.templateFr' : 'import.templateAr')}
          </Anchor>
        ))}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {languages.map((language) => (
                <Table.Th key={language}>
                  {t(language === 'fr' ? 'import.columnFr' : 'import.columnAr')}
                </Table.Th>
              ))}
              <Table.Th>{t('import.columnContent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {IMPORT_COLUMNS.map((column) => (
              <Table.Tr key={column.field}>
                {/* Each header in its own script's direction, aligned with the page's. */}
                {languages.map((language) => (
                  <Table.Td key={language}>
                    <span lang={language} dir={language === 'fr' ? 'ltr' : 'rtl'}>
                      {column[language]}
                    </span>
                  </Table.Td>
                ))}
                <Table.Td>
                  {t(`import.col.${column.field}`)}{' '}
                  {column.required && (
                    <Badge size="xs" variant="light" color="red" c="red.9" tt="none">
                      {t('import.required')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
