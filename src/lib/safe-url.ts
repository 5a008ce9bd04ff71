/**
 * The one way a URL is built from data (an incident id, a playbook slug, a notification's
 * target). Ids become path segments through encodeURIComponent, so "../../x", "?a" or
 * "javascript:" in an id stays a segment of an in-app path; anything taken whole from
 * data must be an in-app path or an http(s) URL, never javascript:, data:, or another
 * origin's protocol-relative "//host".
 */

/** "/incidents/INC-7": an in-app path whose every segment is encoded. */
export function appPath(...segments: readonly string[]): string {
  return `/${segments.map(encodeSegment).join('/')}`
}

/**
 * encodeURIComponent leaves dots alone, and URLs resolve a "." or ".." segment (spelled
 * "%2E" too): such a segment is encoded twice, so it stays a segment (one that names nothing).
 */
function encodeSegment(segment: string): string {
  const encoded = encodeURIComponent(segment)
  return encoded === '.' || encoded === '..' ? encoded.replaceAll('.', '%252E') : encoded
}

/**
 * A URL from data made safe to follow: an in-app path as it is, an http(s) URL of
 * another site as its normalised form, anything else null.
 */
export function safeUrl(raw: string, origin: string): string | null {
  // Browsers drop leading/trailing C0 controls and spaces, and tabs and newlines anywhere.
  // eslint-disable-next-line no-control-regex -- exactly what browsers strip
  const cleaned = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
  const inApp = cleaned.startsWith('/') && !cleaned.startsWith('//') && !cleaned.startsWith('/\\')
  if (!inApp && !/^https?:\/\//i.test(cleaned)) return null
  let url: URL
  try {
    url = new URL(cleaned, origin)
  } catch {
    return null
  }
  if (url.origin === new URL(origin).origin) return `${url.pathname}${url.search}${url.hash}`
  return inApp ? null : url.href
}
