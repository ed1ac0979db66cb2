/**
 * One panel's error boundary: when something inside it throws while rendering, the panel is
 * replaced by a note that names it and what went wrong, with Try again (a fresh mount), and the
 * rest of the page keeps working. Without it one throwing part unmounted the whole app.
 * `className` keeps the panel's place in the layout (its width, its flex share) while it is down.
 * A failure marks the current document's save, so the next start does not reopen it blindly (it
 * offers it from Recent work instead), for when it is the document that breaks the panel.
 */
import { Component, type ReactNode } from 'react';
import { useAppStore } from '../../store/index.ts';
import { markSaveFailedToRender } from '../../store/workspace.ts';
import './panelBoundary.css';

interface Props {
  /** What the user calls this panel: "The <name> could not be shown". */
  name: string;
  className?: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
  /** Bumped by Try again, so the children mount afresh rather than resume a broken state. */
  attempt: number;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true };
  }

  override componentDidCatch(): void {
    markSaveFailedToRender(useAppStore).catch((e: unknown) => {
      console.warn('The failed document could not be marked in storage:', e);
    });
  }

  private readonly retry = () => {
    this.setState((s) => ({ error: null, failed: false, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    const { name, className, children } = this.props;
    if (!this.state.failed) return <PanelKey key={this.state.attempt}>{children}</PanelKey>;
    return (
      <section
        className={`panel-failed${className ? ` ${className}` : ''}`}
        role="alert"
        aria-label={`${name} failed`}
      >
        <p className="panel-failed__title">The {name} could not be shown.</p>
        <p className="panel-failed__reason">{describe(this.state.error)}</p>
        <p className="panel-failed__hint">The rest of the page still works.</p>
        <button type="button" className="btn btn--small" onClick={this.retry}>
          Try again
        </button>
      </section>
    );
  }
}

/** A keyed wrapper with no markup of its own: a new key remounts the panel. */
function PanelKey({ children }: { children: ReactNode }) {
  return children;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
