/**
 * The Prometheus scrape jobs for the exporter, one per target, for a prometheus.yml.
 * Every target carries the same fixed `instance` label, which the backfill writes too,
 * so backfilled history and live scrapes are one series whatever port the exporter has.
 */
import { TARGET_IDS, TARGETS } from './series'

export const EXPORTER_INSTANCE = 'vigil-exporter'

/** The `scrape_configs:` entries (YAML, indented as list items at column 2) for an exporter at host:port. */
export function scrapeConfigsYaml(address: string): string {
  return TARGET_IDS.map((t) =>
    [
      `  - job_name: ${TARGETS[t].job}`,
      `    metrics_path: ${TARGETS[t].path}`,
      `    static_configs:`,
      `      - targets: ['${address}']`,
      `        labels: { instance: ${EXPORTER_INSTANCE} }`,
    ].join('\n'),
  ).join('\n')
}
