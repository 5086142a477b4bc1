#!/usr/bin/env node
// The `fitlint` bin (copied to dist/src/cli/bin.js by scripts/bundle.mjs).
//
// The CLI is one CommonJS bundle beside this file, fitlint.cjs. Compiling
// its code is a good part of a cold start, and Node 20 keeps no compiled code
// between runs (for ES modules not even on request), so the bundle runs
// through `vm.Script` with V8's code cache, fitlint.cjs.cache, which the
// build writes after linting the fixtures once: what that run compiled is
// not parsed or compiled again. V8 checks the cache against the source, its
// version and flags, and ignores one that does not fit (another Node
// version): the bundle is then compiled as usual, only slower.
// `FITLINT_CODE_CACHE=write` makes a run write the cache when it exits.
//
// A vm.Script cannot `import()` (not without an experimental Node option);
// the bundle imports JavaScript config files through `__fitlintImport`,
// from this module (see src/config/import-module.ts).
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fitlint.cjs')
const cacheFile = file + '.cache'
const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '')
let cachedData
try {
  cachedData = fs.readFileSync(cacheFile)
} catch {}

const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __fitlintImport) {${source}\n})`, {filename: file, cachedData})
if (process.env.FITLINT_CODE_CACHE === 'write') {
  process.on('exit', () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`
    fs.writeFileSync(temporary, script.createCachedData())
    fs.renameSync(temporary, cacheFile)
  })
}

const module = {exports: {}}
script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), (href) => import(href))
