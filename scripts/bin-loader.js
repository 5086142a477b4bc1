#!/usr/bin/env node
// The `fitlint` bin (copied to dist/src/cli/bin.js by scripts/bundle.mjs).
//
// Fast path: the startup snapshot. When the build wrote fitlint.blob beside
// this file for this Node version, machine and folder (its stamp,
// fitlint.blob.json, says so, with the blob's size and time; see
// scripts/snapshot.mjs), the bin runs
// `node --snapshot-blob fitlint.blob -- ARGS`: that process starts from the
// heap of a CLI that has already loaded, compiled its phrase data and run
// once, so a one-file run costs a fraction of a normal start. It inherits
// stdin, stdout and stderr, and the bin exits with its exit code (or its
// signal) and forwards the signals it gets. Skipped (the usual start below)
// when Node runs with options of its own (execArgv, NODE_OPTIONS: a profiler,
// an inspector, memory limits), when `FITLINT_NO_SNAPSHOT` is set, for
// `FITLINT_CODE_CACHE=write` and `DEBUG`, and when the snapshot cannot be
// loaded after all (Node exits with code 14 before running anything).
//
// Usual start: the CLI is one CommonJS bundle beside this file, fitlint.cjs.
// Compiling its code is a good part of a cold start, and Node 20 keeps no
// compiled code between runs (for ES modules not even on request), so the
// bundle runs through `vm.Script` with V8's code cache, fitlint.cjs.cache,
// which the build writes after linting the fixtures once: what that run
// compiled is not parsed or compiled again. V8 checks the cache against the
// source, its version and flags, and ignores one that does not fit (another
// Node version): the bundle is then compiled as usual, only slower.
// `FITLINT_CODE_CACHE=write` makes a run write the cache when it exits.
//
// A vm.Script cannot `import()` (not without an experimental Node option);
// the bundle imports JavaScript config files through `__fitlintImport`,
// from this module (see src/config/import-module.ts).
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const SNAPSHOT_FAILED = 14

if (snapshotUsable()) runSnapshot()
else await runInProcess()

function snapshotUsable() {
  const env = process.env
  if (env.FITLINT_NO_SNAPSHOT || env.FITLINT_CODE_CACHE || env.DEBUG || env.NODE_OPTIONS) return false
  if (process.execArgv.length > 0) return false
  try {
    // Node aborts on a blob that is not a whole snapshot, so its size and
    // time must be the ones the build wrote.
    const stamp = JSON.parse(fs.readFileSync(path.join(here, 'fitlint.blob.json'), 'utf8'))
    const blob = fs.statSync(path.join(here, 'fitlint.blob'))
    return (
      stamp.node === process.version &&
      stamp.arch === process.arch &&
      stamp.platform === process.platform &&
      stamp.dir === here &&
      stamp.size === blob.size &&
      stamp.mtimeMs === blob.mtimeMs
    )
  } catch {
    return false
  }
}

function runSnapshot() {
  const args = ['--snapshot-blob', path.join(here, 'fitlint.blob'), '--disable-warning=ExperimentalWarning', '--', ...process.argv.slice(2)]
  // Node reads and parses NODE_EXTRA_CA_CERTS (a bundle of some hundred
  // certificates) before it runs anything, ~30 ms; fitlint opens no network
  // connections, so its process goes without.
  const env = {...process.env}
  delete env.NODE_EXTRA_CA_CERTS
  const child = spawn(process.execPath, args, {stdio: 'inherit', env})
  const forward = (signal) => child.kill(signal)
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP']
  const stopForwarding = () => {
    for (const signal of signals) process.off(signal, forward)
  }

  for (const signal of signals) process.on(signal, forward)
  child.on('error', () => {
    stopForwarding()
    runInProcess()
  })
  child.on('exit', (code, signal) => {
    stopForwarding()
    if (code === SNAPSHOT_FAILED) runInProcess()
    else if (signal) process.kill(process.pid, signal)
    else process.exitCode = code ?? 2
  })
}

async function runInProcess() {
  const [{createRequire}, {default: vm}] = await Promise.all([import('node:module'), import('node:vm')])
  const file = path.join(here, 'fitlint.cjs')
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
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, here, (href) => import(href))
}
