import { NO_DRAFTS, parseDrafts, serializeDrafts, withText } from './message-drafts'

test('drafts round-trip through storage', () => {
  const drafts = withText({ texts: {}, eta: '5 minutes' }, 'status-update', 'Mitigated.\nWatching.')
  expect(parseDrafts(serializeDrafts(drafts))).toEqual({ texts: { 'status-update': 'Mitigated.\nWatching.' }, eta: '5 minutes' })
})

test('removing the last draft and the ETA leaves nothing to store', () => {
  const drafts = withText({ texts: { resolution: 'x' }, eta: '' }, 'resolution', null)
  expect(drafts.texts).toEqual({})
  expect(serializeDrafts(drafts)).toBeNull()
})

test.each([
  ['nothing stored', null, NO_DRAFTS],
  ['not JSON', '{oops', NO_DRAFTS],
  ['not an object', '[1,2]', NO_DRAFTS],
  ['an unknown template and a wrong type are dropped, the rest kept', '{"texts":{"resolution":"ok","old-template":"x","internal-alert":3},"eta":7}', { texts: { resolution: 'ok' }, eta: '' }],
  ['an empty text is a draft (the responder cleared the box on purpose)', '{"texts":{"internal-alert":""},"eta":""}', { texts: { 'internal-alert': '' }, eta: '' }],
] as const)('%s', (_name, raw, expected) => {
  expect(parseDrafts(raw)).toEqual(expected)
})
