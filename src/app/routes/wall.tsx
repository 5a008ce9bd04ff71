import { PRODUCT_NAME } from '@/components/ui/page-header'
import { HealthStrip } from '@/features/health/health-strip'

/** The war-room wall. For now: the live health strip and a plain statement of what is coming. */
export function WallPage() {
  return (
    <div className="flex flex-col gap-6">
      <title>{`War room · ${PRODUCT_NAME}`}</title>
      <h1 className="text-3xl font-bold tracking-tight">War room</h1>
      <HealthStrip />
      <p className="max-w-prose text-lg text-zinc-300">
        Firing alerts, open incidents with their response clocks and the key charts arrive with the wall-display work. The health
        strip above is live now.
      </p>
    </div>
  )
}
