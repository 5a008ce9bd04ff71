import { reportFile, reportFileName } from './report-file'

test.each([
  ['INC-12345', 'INC-12345-report.md'],
  ['INC-00001', 'INC-00001-report.md'],
  // An id from another backend may hold characters a file name should not.
  ['ops/INC 7', 'ops-INC-7-report.md'],
  ['../../etc', 'etc-report.md'],
  ['', 'incident-report.md'],
])('the report of %j downloads as %j', (id, name) => {
  expect(reportFileName(id)).toBe(name)
})

test('the report file is the Markdown, UTF-8, byte for byte', async () => {
  const markdown = '# INC-12345: Voice Agent Service Down\n\n| Field | Value |\n|---|---|\n| Impact | Все пользователи \\<b> |\n'
  const file = reportFile('INC-12345', markdown)
  expect(file.name).toBe('INC-12345-report.md')
  expect(file.blob.type).toBe('text/markdown;charset=utf-8')
  expect(await file.blob.text()).toBe(markdown)
})
