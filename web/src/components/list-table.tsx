import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list page's table, a row per record: striped, and scrolled sideways on a phone rather than
 * squeezing its columns below `minWidth`.
 */
export function ListTable({
  minWidth,
  testId,
  headers,
  children,
}: {
  minWidth: number;
  testId: string;
  headers: readonly string[];
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
