import { Component, type ReactNode } from 'react'
import { Button } from './button'

interface Props {
  /** What the boundary guards, for the message: "Service health". */
  what: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/** One panel's crash stays in that panel; the rest of the page keeps working. */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    return (
      <div className="flex flex-col items-start gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-500/50 dark:bg-red-950/40 dark:text-red-100">
        <p className="font-semibold">{this.props.what} failed to display. The rest of the page is unaffected.</p>
        <p className="text-xs break-words">{error.message}</p>
        <Button
          size="sm"
          onClick={() => {
            this.setState({ error: null })
          }}
        >
          Try again
        </Button>
      </div>
    )
  }
}
