/**
 * Turning a backfill file into TSDB blocks with Debian's promtool. promtool parses the
 * whole file once per block range it writes (cmd/promtool/backfill.go), so the blocks
 * are made as long as it allows (its ranges are 2 h × 3^k): a week is then one or
 * two passes instead of 84 two-hour ones.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const PROMTOOL = '/usr/bin/promtool'

/** Longer than any backfill: promtool picks its largest range below it (486 h). */
const MAX_BLOCK_DURATION = '1000h'

export async function createBlocks(file: string, tsdbDir: string, promtool = PROMTOOL): Promise<{ ms: number }> {
  const started = performance.now()
  await run(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', `--max-block-duration=${MAX_BLOCK_DURATION}`, '--quiet', file, tsdbDir], {
    maxBuffer: 16 * 1024 * 1024,
  })
  return { ms: performance.now() - started }
}
