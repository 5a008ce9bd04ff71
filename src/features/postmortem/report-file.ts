/**
 * The incident report as a file to download. Building the file is pure (name and
 * Blob, testable); handing it to the browser is the one DOM step, kept apart.
 */

/** "INC-12345" → "INC-12345-report.md"; characters a file system may refuse become "-". */
export function reportFileName(incidentId: string): string {
  const safe = incidentId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '')
  return `${safe === '' ? 'incident' : safe}-report.md`
}

export interface DownloadableFile {
  readonly name: string
  readonly blob: Blob
}

/** The report as a Markdown file, UTF-8, named after the incident. */
export function reportFile(incidentId: string, markdown: string): DownloadableFile {
  return { name: reportFileName(incidentId), blob: new Blob([markdown], { type: 'text/markdown;charset=utf-8' }) }
}

/**
 * Saves `file` through the browser's download: an object URL on a temporary
 * <a download>, clicked, then released (a report per click must not leak its Blob).
 */
export function downloadFile(file: DownloadableFile, doc: Document = document): void {
  const url = URL.createObjectURL(file.blob)
  try {
    const a = doc.createElement('a')
    a.href = url
    a.download = file.name
    a.rel = 'noopener'
    a.style.display = 'none'
    doc.body.append(a)
    a.click()
    a.remove()
  } finally {
    // Revoke after the click has been handled; some browsers read the URL asynchronously.
    setTimeout(() => {
      URL.revokeObjectURL(url)
    }, 0)
  }
}
