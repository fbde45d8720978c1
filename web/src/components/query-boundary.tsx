import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ErrorState } from './error-state';
import { PageLoader } from './page-loader';

interface QueryLike<Data> {
  data?: Data;
  error?: CombinedError;
  fetching: boolean;
}

/**
 * Loading, failed or ready: a page never shows a blank screen. Cached data stays on screen when a
 * refresh fails (the offline banner says why).
 */
export function QueryBoundary<Data>({
  result,
  onRetry,
  children,
}: {
  result: QueryLike<Data>;
  onRetry: () => void;
  children: (data: Data) => ReactNode;
}) {
  if (result.data) return children(result.data);
  if (result.error) return <ErrorState error={result.error} onRetry={onRetry} />;
  return <PageLoader />;
}
