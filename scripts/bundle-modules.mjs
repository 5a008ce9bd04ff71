#!/usr/bin/env node
// What the big chunks are made of: builds the app once more with source maps into a
// temporary directory (dist/ is left alone) and prints, for every JavaScript chunk over
// 20 kB, the packages (or src/ folders) its minified bytes come from. Use it when
// scripts/bundle-budget.mjs reports a chunk over budget.
//
// Usage: node scripts/bundle-modules.mjs
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { decode } from '@jridgewell/sourcemap-codec'
import { build } from 'vite'

const MIN_CHUNK_BYTES = 20_000
const TOP = 8

const outDir = mkdtempSync(join(tmpdir(), 'vigil-bundle-modules-'))
try {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: true, manifest: false } })
  const assets = join(outDir, 'assets')
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.js')).sort()) {
    const code = readFileSync(join(assets, file), 'utf8')
    if (code.length < MIN_CHUNK_BYTES) continue
    /** @type {{ sources: string[], mappings: string }} */
    const map = JSON.parse(readFileSync(join(assets, `${file}.map`), 'utf8'))
    const lines = code.split('\n')
    /** @type {Map<string, number>} */
    const bytes = new Map()
    decode(map.mappings).forEach((segments, line) => {
      const length = lines[line]?.length ?? 0
      segments.forEach((segment, i) => {
        // A segment covers the generated columns up to the next segment on its line.
        const end = segments[i + 1]?.[0] ?? length
        const source = segment.length > 1 ? origin(resolve(assets, map.sources[segment[1] ?? -1] ?? '?')) : '(generated)'
        bytes.set(source, (bytes.get(source) ?? 0) + end - segment[0])
      })
    })
    const top = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, TOP)
    console.log(`${file} (${kb(code.length)} raw): ${top.map(([name, size]) => `${name} ${kb(size)}`).join(', ')}`)
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}

/**
 * The npm package (scope included) or the src/ folder an absolute source path belongs to.
 * @param {string} path
 */
function origin(path) {
  const local = relative(process.cwd(), path)
  const inPackage = local.split('node_modules/').at(-1) ?? local
  if (inPackage !== local) return inPackage.split('/').slice(0, inPackage.startsWith('@') ? 2 : 1).join('/')
  return local.startsWith('src/') ? local.split('/').slice(0, 2).join('/') : local
}

/** @param {number} bytes */
function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`
}
