import { LineSplitter, type SplitLine } from './line-splitter'

function splitter(max = 100): { s: LineSplitter; lines: SplitLine[] } {
  const lines: SplitLine[] = []
  return { s: new LineSplitter(max, (l) => lines.push(l)), lines }
}

test('whole lines are handed on; a last line without its newline is held until it ends', () => {
  const { s, lines } = splitter()
  s.push(Buffer.from('INFO one\nWARN tw'))
  expect(lines).toEqual([{ text: 'INFO one', cut: false }])
  s.push(Buffer.from('o\r\n\n   \nERROR three'))
  expect(lines.map((l) => l.text)).toEqual(['INFO one', 'WARN two'])
  s.push(Buffer.from('\n'))
  expect(lines.map((l) => l.text)).toEqual(['INFO one', 'WARN two', 'ERROR three'])
})

test('a UTF-8 character split across reads is whole in its line', () => {
  const { s, lines } = splitter()
  const bytes = Buffer.from('INFO café ☕\n')
  for (const byte of bytes) s.push(Buffer.from([byte]))
  expect(lines).toEqual([{ text: 'INFO café ☕', cut: false }])
})

test('a line over the limit is cut there and marked; the rest of it is skipped, the next line is whole', () => {
  const { s, lines } = splitter(10)
  s.push(Buffer.from('0123456789'))
  expect(lines).toEqual([])
  s.push(Buffer.from('abc'))
  expect(lines).toEqual([{ text: '0123456789', cut: true }])
  s.push(Buffer.from('def\nnext\n'))
  expect(lines).toEqual([
    { text: '0123456789', cut: true },
    { text: 'next', cut: false },
  ])
})

test('a line of exactly the limit is not cut; the newline right after a cut ends the skipping', () => {
  const { s, lines } = splitter(4)
  s.push(Buffer.from('abcd\nabcde\nok\n'))
  expect(lines).toEqual([
    { text: 'abcd', cut: false },
    { text: 'abcd', cut: true },
    { text: 'ok', cut: false },
  ])
})

test('a held chunk is copied: the reader may reuse its buffer', () => {
  const { s, lines } = splitter()
  const buffer = Buffer.from('WARN ab')
  s.push(buffer)
  buffer.write('XXXXXXX')
  s.push(Buffer.from('c\n'))
  expect(lines).toEqual([{ text: 'WARN abc', cut: false }])
})

test('flush hands on the held line; skipToNextLine drops the start of a line read from its middle', () => {
  const { s, lines } = splitter()
  s.push(Buffer.from('INFO unfinished'))
  s.flush()
  s.skipToNextLine()
  s.push(Buffer.from('half a line\nINFO whole\n'))
  expect(lines.map((l) => l.text)).toEqual(['INFO unfinished', 'INFO whole'])
})

test('NUL bytes (a copytruncate hole) are dropped', () => {
  const { s, lines } = splitter()
  s.push(Buffer.concat([Buffer.alloc(5), Buffer.from('\n'), Buffer.alloc(3), Buffer.from('ERROR after\n')]))
  expect(lines).toEqual([{ text: 'ERROR after', cut: false }])
})
