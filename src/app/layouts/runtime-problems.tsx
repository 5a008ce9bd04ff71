import { useRuntime } from '@/lib/runtime-context'

/** Problems main.tsx met before rendering (dev build without config.json, mock backend not started), said on screen. */
export function RuntimeProblems() {
  const { problems } = useRuntime()
  if (problems.length === 0) return null
  return (
    <div role="alert" className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-950 dark:border-red-500/50 dark:bg-red-950/50 dark:text-red-100">
      {problems.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </div>
  )
}
