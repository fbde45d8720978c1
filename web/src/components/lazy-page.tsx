import { type ComponentType, lazy, Suspense } from 'react';
import { PageLoader } from './page-loader';

/**
 * A page loaded in its own chunk, behind its own Suspense boundary: each page is a distinct component,
 * so the loader shows at once on the first visit (even inside a router transition) instead of keeping
 * the previous page on screen. A chunk that fails to load throws into the nearest ErrorBoundary.
 */
export function lazyPage<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  // One more try after a pause: on a phone's patchy connection a chunk often fails once. React.lazy
  // remembers a failure, so without this a blip would stick until the page is reloaded.
  const Page = lazy(async () => ({
    default: await load().catch(() => new Promise((resolve) => setTimeout(resolve, 1_500)).then(load)),
  }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page, at module level.
  return function LazyPage(props: Props) {
    return (
      <Suspense fallback={<PageLoader />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
