import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Which pane, for the log line; never shown. */
  name: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
  /** Bumped by "Reload panel" so the pane mounts afresh instead of reusing broken state. */
  attempt: number;
}

/**
 * Catches a render error inside one pane so the rest of the console keeps working. The phone
 * engine lives outside React, so a broken panel never touches a call in progress; this boundary
 * makes sure it does not take the other panels down either.
 */
export class PaneBoundary extends Component<Props, State> {
  override state: State = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`pane ${this.props.name} failed`, error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.setState((state) => ({ failed: false, attempt: state.attempt + 1 }));
  };

  override render(): ReactNode {
    if (this.state.failed) return <PaneFailed onRetry={this.retry} />;
    return <PaneSlot key={this.state.attempt}>{this.props.children}</PaneSlot>;
  }
}

function PaneSlot({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

function PaneFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="pane-failed" role="alert">
      <p>{t('pane.failed')}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('pane.retry')}
      </button>
    </div>
  );
}
