import type { ConfigProblem } from '@/api/config'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { PRODUCT_NAME } from '@/components/ui/page-header'

const MOCK_CONFIG = '{ "backend": "mock" }'
const HTTP_CONFIG = '{ "backend": "http", "apiBaseUrl": "" }'

/** One sentence on what went wrong, naming the status, the error or the field. */
function whatFailed(problem: ConfigProblem): string {
  switch (problem.kind) {
    case 'status':
      return `The server answered HTTP ${String(problem.status)}${problem.status === 404 ? ' (not found)' : ''}.`
    case 'unreachable':
      return `The file could not be reached: ${problem.error}.`
    case 'not-json':
      return problem.contentType.startsWith('text/html')
        ? `The answer is not JSON but a web page (${problem.contentType}): the server most likely sent index.html because config.json is missing.`
        : `The answer is not JSON${problem.contentType === '' ? '' : ` (${problem.contentType})`}.`
    case 'invalid':
      return problem.field === ''
        ? `The file must hold ${problem.expected}.`
        : `The field "${problem.field}" must be ${problem.expected}.`
  }
}

/**
 * Shown instead of the app when config.json cannot be used (production builds). Stands
 * alone — no router, no query client — because nothing else is configured yet. Running
 * the simulator instead would show made-up numbers as if they were real.
 */
export function ConfigErrorPage({ problem }: { problem: ConfigProblem }) {
  return (
    <main className="min-h-screen bg-white px-6 py-16 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <title>{`Cannot start · ${PRODUCT_NAME}`}</title>
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <h1 className="text-2xl font-bold tracking-tight">{PRODUCT_NAME} cannot start</h1>
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-500/50 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-semibold">
            Its configuration, <code className="font-mono break-all">{problem.url}</code>, could not be used.
          </p>
          <p className="mt-2 break-words">{whatFailed(problem)}</p>
        </div>
        <section aria-labelledby="config-fix" className="flex flex-col gap-3">
          <h2 id="config-fix" className="text-lg font-semibold">
            How to fix it
          </h2>
          <p>Serve a config.json beside index.html (at the address above) that says which backend to use:</p>
          <p>For the built-in simulator, whose numbers are made up:</p>
          <CodeBlock code={MOCK_CONFIG} purpose="simulator config" />
          <p>
            For a Vigil server (leave apiBaseUrl empty when that server also serves this page, or give its origin):
          </p>
          <CodeBlock code={HTTP_CONFIG} purpose="Vigil server config" />
          <div>
            <Button
              variant="primary"
              onClick={() => {
                window.location.reload()
              }}
            >
              Reload
            </Button>
          </div>
        </section>
      </div>
    </main>
  )
}
