// The test cluster helper decides whether the PostgreSQL suites run, skip or fail: test it too.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { postgresBinDir, requirePostgres } from '../../test/support/postgres-cluster'

let root: string

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'vigil-pgroot-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function install(major: string, tools: string[]): Promise<void> {
  await mkdir(path.join(root, major, 'bin'), { recursive: true })
  for (const tool of tools) await writeFile(path.join(root, major, 'bin', tool), '')
}

test('the newest complete installation is chosen', async () => {
  await install('9', ['initdb', 'pg_ctl', 'postgres'])
  await install('15', ['initdb', 'pg_ctl', 'postgres'])
  await install('16', ['psql']) // client only
  expect(postgresBinDir(root)).toBe(path.join(root, '15', 'bin'))
})

test('missing PostgreSQL skips outside CI and fails in CI, saying how to install it', async () => {
  await install('16', ['psql'])
  expect(requirePostgres({}, root)).toBe(false)
  expect(() => requirePostgres({ CI: 'true' }, root)).toThrow(/apt-get install postgresql/)
  expect(requirePostgres({}, path.join(root, 'nowhere'))).toBe(false)
})

test('present PostgreSQL runs, in CI or not', async () => {
  await install('15', ['initdb', 'pg_ctl', 'postgres'])
  expect(requirePostgres({ CI: 'true' }, root)).toBe(true)
  expect(requirePostgres({}, root)).toBe(true)
})
