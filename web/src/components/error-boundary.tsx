import { Alert, Button, Stack } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface Props {
  children: ReactNode;
  /** Changing it clears a caught error (e.g. the location, so navigating away recovers). */
  resetKey?: unknown;
}

/** Catches render errors so one broken part never blanks the whole page. */
export class ErrorBoundary extends Component<Props, { error: Error | null; resetKey: unknown }> {
  override state = { error: null as Error | null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; resetKey: unknown }) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <BoundaryFallback onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function BoundaryFallback({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <Alert color="red" variant="light" title={t('boundary.title')} role="alert" maw={640}>
      <Stack gap="sm" align="flex-start">
        <span>{t('boundary.body')}</span>
        <Button.Group>
          <Button variant="white" color="red" onClick={onRetry}>
            {t('errorState.retry')}
          </Button>
          <Button variant="subtle" color="red" onClick={() => window.location.reload()}>
            {t('boundary.reload')}
          </Button>
        </Button.Group>
      </Stack>
    </Alert>
  );
}
