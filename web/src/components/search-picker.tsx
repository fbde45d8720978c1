import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { useDebouncedText } from '../lib/use-debounced-text';

/** Fewer letters than this match too much to be worth a request. */
export const searchReady = (search: string) => search.trim().length >= 2;

/**
 * Finding someone the centre already knows (a founder, an applicant): the search goes once typing
 * pauses (or on Enter), and each match is chosen with its own button. The caller holds the
 * search and runs its query (see searchReady), and passes the matches in.
 */
export function SearchPicker<Match extends { id: string; name: string }>({
  name,
  label,
  description,
  required,
  error,
  gap = 4,
  matchTestId,
  search,
  onSearch,
  matches,
  fetching,
  onChoose,
}: {
  name: string;
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  gap?: number | string;
  matchTestId: string;
  search: string;
  onSearch: (search: string) => void;
  matches: readonly Match[];
  fetching: boolean;
  onChoose: (match: Match) => void;
}) {
  const t = useT();
  const [text, setText, flush] = useDebouncedText(search, onSearch, 250);
  return (
    <Stack gap={gap}>
      <TextInput
        type="search"
        name={name}
        label={label}
        description={description}
        required={required}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            flush();
          }
        }}
        rightSection={fetching ? <Loader size="xs" /> : null}
        error={error}
      />
      {searchReady(search) && !fetching && matches.length === 0 && (
        <Text c="dimmed">{t('application.noMatch')}</Text>
      )}
      <Stack gap={4} aria-live="polite">
        {matches.map((match) => (
          <Group key={match.id} justify="space-between" wrap="nowrap" data-testid={matchTestId}>
            <Text>{match.name}</Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                onChoose(match);
                setText('');
                onSearch('');
              }}
            >
              {t('application.choose')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
