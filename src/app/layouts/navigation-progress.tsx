import { useNavigation } from 'react-router'

/** A thin bar while a route's code or data loads, so a slow click is visibly in progress. */
export function NavigationProgress() {
  const navigation = useNavigation()
  if (navigation.state === 'idle') return null
  return (
    <div role="progressbar" aria-label="Loading page" className="absolute inset-x-0 bottom-0 h-0.5 overflow-hidden bg-sky-200 dark:bg-sky-900">
      <div className="h-full w-1/3 bg-sky-600 motion-safe:animate-[vigil-progress_1s_ease-in-out_infinite] dark:bg-sky-400" />
    </div>
  )
}
