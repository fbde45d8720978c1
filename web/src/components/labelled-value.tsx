import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One detail of a record under its label, in a grid of them; a dash when there is none. */
export function LabelledValue({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
}
