import { expect } from 'vitest';

// Helpers for the tests that count the SQL statements a read sends (through createTestApp's onQuery).

/** What every tenant transaction adds around its statements: begin, the tenant setting, commit. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|select set_config\('app\.tenant_id')/i;

/** The statements that read or write data, without the transaction control around them. */
export function dataStatements(statements: readonly string[]): number {
  return statements.filter((s) => !TRANSACTION_CONTROL.test(s)).length;
}

/**
 * Asserts that reading more rows sent no statement per row. The counts of a wide query need not be
 * equal: when two sibling fields return objects of the same type (a juror's own evaluation and
 * everyone's), the loaders under them batch once if both lists arrive in the same tick and twice if
 * not, which depends on how fast the database answered. A statement per row, though, adds at least
 * one statement for every extra row, so the difference must stay below the difference in rows.
 */
export function expectNoStatementPerRow(
  small: { rows: number; statements: number },
  large: { rows: number; statements: number },
) {
  expect(large.rows).toBeGreaterThan(small.rows + 1);
  expect(large.statements - small.statements).toBeLessThan(large.rows - small.rows);
}
