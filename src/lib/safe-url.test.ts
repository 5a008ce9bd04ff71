/* eslint-disable no-script-url, no-restricted-syntax -- the hostile URLs safeUrl() must refuse are this test's data */
import { appPath, safeUrl } from './safe-url'

const ORIGIN = 'https://vigil.example.com'

test.each([
  [['incidents', 'INC-7'], '/incidents/INC-7'],
  [['incidents', '../../admin'], '/incidents/..%2F..%2Fadmin'],
  [['runbooks', 'a?b#c'], '/runbooks/a%3Fb%23c'],
  [['incidents', 'javascript:alert(1)'], '/incidents/javascript%3Aalert(1)'],
  [['incidents', '//evil.example'], '/incidents/%2F%2Fevil.example'],
  [['runbooks', '.'], '/runbooks/%252E'],
  [['runbooks', '..'], '/runbooks/%252E%252E'],
  [['runbooks', '...'], '/runbooks/...'],
] as const)('appPath(%j) is %s', (segments, expected) => {
  expect(appPath(...segments)).toBe(expected)
  expect(safeUrl(appPath(...segments), ORIGIN)).toBe(expected)
})

test.each([
  ['/alerts?state=firing', '/alerts?state=firing'],
  ['/incidents/INC-1#timeline', '/incidents/INC-1#timeline'],
  [`${ORIGIN}/wall`, '/wall'],
  ['https://status.openai.com/', 'https://status.openai.com/'],
  ['  https://status.openai.com/x  ', 'https://status.openai.com/x'],
  ['javascript:alert(1)', null],
  ['JaVaScRiPt:alert(1)', null],
  ['\u0001javascript:alert(1)', null],
  ['java\tscript:alert(1)', null],
  ['java\nscript:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['vbscript:msgbox(1)', null],
  ['blob:https://vigil.example.com/123', null],
  ['//evil.example/x', null],
  ['https:evil.example', null],
  ['/\\evil.example', null],
  ['relative/path', null],
  ['', null],
  ['   ', null],
  ['http://[::1', null],
] as const)('safeUrl(%j) is %j', (raw, expected) => {
  expect(safeUrl(raw, ORIGIN)).toBe(expected)
})
