/**
 * The hostile strings the browser feeds into every text sink (issue 12 §6): the Big List
 * of Naughty Strings (../shared/corpus/blns.json, where it exists), the project's own
 * list (test/contract/hostile.cases.ts) and payloads written here for this app's sinks
 * (an href-able field, a template-engine probe, markup that would load from elsewhere).
 *
 * The corpus README asks for its vectors that call alert() to be rewritten to call a
 * local marker function: `__pwned`, which the page under test defines and which records
 * every call (hostile-watch.ts). A dialog is watched for as well, so an original that
 * slipped through the rewrite still counts.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { OWN } from '../contract/hostile.cases'

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/blns.json', import.meta.url))

/** Ours: each calls the marker (or reaches out) if any sink ever treats text as markup, a URL or a template. */
export const PAYLOADS: readonly string[] = [
  '<img src=x onerror=__pwned()>',
  '"><svg onload=__pwned()>',
  "'><script>__pwned()</script>",
  '</textarea><script>__pwned()</script>',
  '</title><script>__pwned()</script>',
  '</option></select><img src=x onerror=__pwned()>',
  // eslint-disable-next-line no-script-url, no-restricted-syntax -- text that must stay text, never a URL
  'javascript:__pwned()',
  // eslint-disable-next-line no-restricted-syntax -- the same, in mixed case after a space
  ' JaVaScRiPt:__pwned()',
  'data:text/html,<script>__pwned()</script>',
  '[click](javascript:__pwned())',
  '<a href="javascript:__pwned()">open</a>',
  '<iframe src="javascript:__pwned()"></iframe>',
  '<object data="javascript:__pwned()"></object>',
  '{{constructor.constructor(\'__pwned()\')()}}',
  '${__pwned()}',
  '#{__pwned()}',
  '<%= __pwned() %>',
  '<details open ontoggle=__pwned()>',
  '<svg><animate onbegin=__pwned() attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned()>',
  '<!--<img src="--><img src=x onerror=__pwned()//">',
  '<noscript><p title="</noscript><img src=x onerror=__pwned()>">',
  '<img src="https://evil.invalid/pixel.gif">',
  '<link rel=stylesheet href="https://evil.invalid/x.css">',
  '<style>@import "https://evil.invalid/x.css"</style>',
  '<meta http-equiv="refresh" content="0;url=https://evil.invalid/">',
  '<base href="https://evil.invalid/">',
  '<form action="https://evil.invalid/"><button>Send</button></form>',
  '\u0000<script>__pwned()</script>',
  'line one\nline two\r\nline three\ttabbed',
]

/** alert(…), confirm`…` and the like call the marker instead; everything else is kept byte for byte. */
export function toMarker(s: string): string {
  return s.replace(/\b(alert|confirm|prompt)(\s*[(`])/gi, '__pwned$2')
}

/** Whether the corpus is beside the checkout (CI has ../shared; a fresh clone may not). */
export const HAS_CORPUS = existsSync(CORPUS)

function corpus(): string[] {
  if (!HAS_CORPUS) return []
  return (JSON.parse(readFileSync(CORPUS, 'utf8')) as string[]).map(toMarker)
}

/** Every hostile string once, corpus first, in a fixed order. */
export const HOSTILE: readonly string[] = [...new Set([...corpus(), ...OWN.map(toMarker), ...PAYLOADS])]
