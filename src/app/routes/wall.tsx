import { WallDisplay } from '@/features/wall/wall-display'

/** The war-room wall (`/wall`): mounted under WallLayout, outside the app's navigation layout. */
export function WallPage() {
  return <WallDisplay />
}
