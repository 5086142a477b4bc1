#!/usr/bin/env node
/**
 * `npm run bench`: fitlint's speed benchmark (issue 7). Generates a
 * deterministic corpus of fitness and health articles, then measures, as
 * whole processes (wall time, CPU, peak RSS; several runs, median,
 * interleaved so noise hits every tool alike):
 *
 *   floor    scripts/bench/floor.mjs: read + remark/rehype + ParseEnglish, no rules
 *   fitlint  dist/src/cli/bin.js, all rules, --format json
 *   alex     alex 11 on the same files (one process per format: md+txt, mdx, html)
 *   linear   fitlint on N files and on 2N files (the same N twice)
 *   cold     fitlint on one file (and `node -e 0` for reference)
 *   relint   in-process re-lint of a 3,000-word article (library API)
 *
 * and prints a table, the ratios, and the issue's targets with pass/fail.
 * See scripts/bench/README.md. Run `npm run build` first.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {BYTES_PER_FILE, defaultCorpusDir, ensureCorpus} from './bench/corpus.mjs'
import {detectMeter, measure, median, tail} from './bench/measure.mjs'
import {buildSnapshot} from './snapshot.mjs'

const root = path.resolve(import.meta.dirname, '..')
const ALEX = path.join(root, 'node_modules/alex/cli.js')
const FLOOR = path.join(root, 'scripts/bench/floor.mjs')
const RELINT = path.join(root, 'scripts/bench/relint.mjs')
const STEPS = ['floor', 'fitlint', 'alex', 'linear', 'cold', 'relint']

const HELP = `Usage: npm run bench -- [options]

Options:
  --files N          articles in the corpus (default 400; --quick: 24)
  --mb M             corpus size in MB (default: files x 20 KB, i.e. 8 MB for 400)
  --runs N           runs per whole-process measurement, median reported (default 3; --quick: 1)
  --cold-runs N      runs of the single-file cold start (default 10; --quick: 3)
  --relint-runs N    timed in-process re-lints (default 50; --quick: 10)
  --quick            small corpus and few runs (for tests; about half a minute)
  --seed S           corpus seed (default "fitlint")
  --dir PATH         corpus folder (default: <tmpdir>/fitlint-bench-<hash>, reused)
  --skip LIST        comma-separated steps to leave out: ${STEPS.join(', ')}
  --meter time|hook  peak memory from /usr/bin/time -v (default when available) or
                     from process.resourceUsage() in the child (--import hook)
  --no-snapshot      run dist/ in place instead of a copy taken at the start
                     (the copy keeps one build for the whole run when dist/ is
                     rebuilt meanwhile)
  --json PATH        also write every number as JSON to PATH
  --generate-only    write the corpus, print its folder, and exit
  -h, --help         show this help
`

const TARGETS = {
  fitlintFloor: 1.5,
  linearTime: 2.1,
  linearMemory: 1.15,
  coldStartMs: 300,
  relintMs: 30
}

function options() {
  let parsed
  try {
    parsed = parseArgs({
      options: {
        files: {type: 'string'},
        mb: {type: 'string'},
        runs: {type: 'string'},
        'cold-runs': {type: 'string'},
        'relint-runs': {type: 'string'},
        quick: {type: 'boolean', default: false},
        seed: {type: 'string', default: 'fitlint'},
        dir: {type: 'string'},
        skip: {type: 'string', default: ''},
        meter: {type: 'string'},
        json: {type: 'string'},
        snapshot: {type: 'boolean', default: true},
        'generate-only': {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      },
      allowNegative: true
    }).values
  } catch (error) {
    usage(error.message)
  }

  if (parsed.help) {
    process.stdout.write(HELP)
    process.exit(0)
  }

  const number = (name, fallback, minimum = 1) => {
    if (parsed[name] === undefined) return fallback
    const value = Number(parsed[name])
    if (!Number.isFinite(value) || value < minimum) usage(`--${name} must be a number ≥ ${minimum}`)
    return value
  }

  const quick = parsed.quick
  const files = Math.round(number('files', quick ? 24 : 400, 2))
  const mb = number('mb', (files * BYTES_PER_FILE) / 1e6, 0.01)
  const skip = new Set(parsed.skip.split(',').map((step) => step.trim()).filter(Boolean))
  for (const step of skip) if (!STEPS.includes(step)) usage(`unknown step \`${step}\` in --skip (steps: ${STEPS.join(', ')})`)
  if (parsed.meter && !['time', 'hook'].includes(parsed.meter)) usage('--meter must be `time` or `hook`')
  return {
    files,
    bytes: Math.round(mb * 1e6),
    runs: Math.round(number('runs', quick ? 1 : 3)),
    coldRuns: Math.round(number('cold-runs', quick ? 3 : 10)),
    relintRuns: Math.round(number('relint-runs', quick ? 10 : 50)),
    quick,
    seed: parsed.seed,
    dir: parsed.dir,
    skip,
    meter: parsed.meter,
    json: parsed.json,
    snapshot: parsed.snapshot,
    generateOnly: parsed['generate-only']
  }
}

/** One self-overwriting status line on a terminal; nothing otherwise. */
function progress(text) {
  if (process.stderr.isTTY) process.stderr.write('\r\u001B[K' + (text ? '  ' + text.trim() : ''))
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n\n${HELP}`)
  process.exit(2)
}

// ---------------------------------------------------------------------------
// Formatting.

const seconds = (ms) => (ms === undefined ? '—' : ms >= 10_000 ? (ms / 1000).toFixed(1) + ' s' : ms >= 1000 ? (ms / 1000).toFixed(2) + ' s' : ms.toFixed(ms < 100 ? 1 : 0) + ' ms')
const megabytes = (kb) => (kb === undefined ? '—' : (kb / 1024).toFixed(0) + ' MB')
const ratio = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(2) + '×')
const thousands = (value) => value.toLocaleString('en-US')

function table(rows, align) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)))
  return rows
    .map((row) =>
      row
        .map((cell, column) => (align[column] === 'r' ? String(cell).padStart(widths[column]) : String(cell).padEnd(widths[column])))
        .join('   ')
        .trimEnd()
    )
    .join('\n')
}

// ---------------------------------------------------------------------------

function distIsStale() {
  if (!fs.existsSync(path.join(root, 'dist/src/cli/bin.js'))) return 'missing'
  const built = fs.statSync(path.join(root, 'dist/src/index.js')).mtimeMs
  let newest = 0
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|ya?ml)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs)
    }
  }

  for (const folder of ['src', 'rules']) if (fs.existsSync(path.join(root, folder))) walk(path.join(root, folder))
  return newest > built ? 'stale' : undefined
}

async function main() {
  const settings = options()
  const dir = path.resolve(settings.dir ?? defaultCorpusDir(settings))
  let started = performance.now()
  const corpus = ensureCorpus({files: settings.files, bytes: settings.bytes, seed: settings.seed, dir})
  const generateMs = performance.now() - started
  if (settings.generateOnly) {
    process.stdout.write(dir + '\n')
    return 0
  }

  const dist = distIsStale()
  if (dist === 'missing') {
    process.stderr.write('bench: dist/ is missing; run `npm run build` first\n')
    return 2
  }

  const meter = settings.meter ?? detectMeter()
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fitlint-bench-run-'))
  try {
    return await measureAll(settings, {dir, corpus, generateMs, dist, meter, scratch})
  } finally {
    removeScratch(scratch)
  }
}

/**
 * Copy dist/ (and package.json) into the scratch folder, with a symlink to
 * node_modules, so every run measures the same build even when dist/ is
 * rebuilt while the benchmark runs.
 */
function snapshotDist(scratch) {
  const snapshot = path.join(scratch, 'fitlint')
  // The CLI's startup snapshot holds the paths of the folder it was built
  // in: the copy gets its own (scripts/snapshot.mjs), as an install would.
  const startupSnapshot = /[\\/]fitlint\.blob(?:\.json)?$/
  fs.cpSync(path.join(root, 'dist'), path.join(snapshot, 'dist'), {recursive: true, filter: (source) => !startupSnapshot.test(source)})
  fs.copyFileSync(path.join(root, 'package.json'), path.join(snapshot, 'package.json'))
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(snapshot, 'node_modules'), 'dir')
  if (fs.existsSync(path.join(root, 'dist/src/cli/fitlint.blob'))) buildSnapshot(path.join(snapshot, 'dist'))
  return snapshot
}

function removeScratch(scratch) {
  // Unlink the node_modules symlink first, so nothing can follow it.
  const link = path.join(scratch, 'fitlint', 'node_modules')
  if (fs.lstatSync(link, {throwIfNoEntry: false})?.isSymbolicLink()) fs.unlinkSync(link)
  fs.rmSync(scratch, {recursive: true, force: true})
}

async function measureAll(settings, {dir, corpus, generateMs, dist, meter, scratch}) {
  const fitlintRoot = settings.snapshot ? snapshotDist(scratch) : root
  const BIN = path.join(fitlintRoot, 'dist/src/cli/bin.js')
  const DIST_INDEX = path.join(fitlintRoot, 'dist/src/index.js')
  const articles = path.join(dir, 'articles')
  const linearOne = path.join(dir, 'linear', 'one')
  const linearTwo = path.join(dir, 'linear', 'two')
  const errors = []

  // Read every file once so the first measured run does not pay for a cold
  // page cache when the corpus was reused from an earlier run.
  for (const relative of corpus.paths) fs.readFileSync(path.join(dir, relative))

  const extensionSummary = Object.entries(corpus.byExtension)
    .sort((a, b) => b[1] - a[1])
    .map(([extension, count]) => `${count} ${extension}`)
    .join(', ')
  const print = (line = '') => process.stdout.write(line + '\n')
  print('fitlint speed benchmark')
  print(`corpus   ${dir} (${corpus.reused ? 'reused' : `generated in ${seconds(generateMs)}`})`)
  print(`         ${corpus.files} files (${extensionSummary}) · ${(corpus.bytes / 1e6).toFixed(2)} MB · ${thousands(corpus.words)} words · seed "${settings.seed}"`)
  print(`machine  node ${process.version} · ${os.platform()} ${os.arch()} · ${os.availableParallelism?.() ?? os.cpus().length} CPUs · load ${os.loadavg()[0].toFixed(2)} · peak memory from ${meter === 'time' ? '/usr/bin/time -v' : 'process.resourceUsage() in the child'}`)
  print(`runs     ${settings.runs} per measurement (median, interleaved) · cold start ${settings.coldRuns} · re-lint ${settings.relintRuns}`)
  print(`fitlint  ${settings.snapshot ? 'a copy of dist/ taken at the start' : 'dist/ in place'} (built ${new Date(fs.statSync(path.join(root, 'dist/src/index.js')).mtimeMs).toISOString().replace('T', ' ').slice(0, 19)} UTC)`)
  if (dist === 'stale') print('warning  src/ or rules/ changed after the last build: these numbers are for the old dist/ (npm run build)')
  print()

  // Checks that each tool really processed every file.
  const fitlintCheck = (expected) => (result, files) => {
    if (result.exitCode !== 0 && result.exitCode !== 1) return `exit code ${result.exitCode ?? result.signal}`
    if (!fs.existsSync(files.report)) return `exited ${result.exitCode} without writing its report`
    const report = JSON.parse(fs.readFileSync(files.report, 'utf8'))
    if (report.length !== expected) return `reported ${report.length} files, expected ${expected}`
    const broken = report.filter((file) => file.messages.some((message) => message.fatal === true && (message.ruleId === 'parse' || message.ruleId === 'encoding')))
    if (broken.length > 0) return `${broken.length} files could not be parsed (e.g. ${broken[0].path})`
    return undefined
  }

  const reportFile = path.join(scratch, 'fitlint-report.json')
  const fitlintArgs = (...inputs) => [BIN, ...inputs, '--format', 'json', '--output-file', reportFile]

  /** Each task: one or more commands whose times add up (alex: one per format). */
  const tasks = []
  if (!settings.skip.has('floor')) {
    tasks.push({
      id: 'floor',
      label: 'floor: read + remark/rehype + ParseEnglish, no rules',
      files: corpus.files,
      commands: [{args: [FLOOR, articles], stdout: path.join(scratch, 'floor.txt'), check: (result, files) => {
        if (result.exitCode !== 0) return `exit code ${result.exitCode ?? result.signal}`
        const line = fs.readFileSync(files.stdout, 'utf8')
        return line.startsWith(`floor: ${corpus.files} files`) ? undefined : `unexpected output: ${line.trim()}`
      }}]
    })
  }

  if (!settings.skip.has('fitlint')) {
    tasks.push({
      id: 'fitlint',
      label: 'fitlint: all rules, --format json',
      files: corpus.files,
      commands: [{args: fitlintArgs(articles), report: reportFile, check: fitlintCheck(corpus.files)}]
    })
  }

  if (!settings.skip.has('alex')) {
    const groups = [
      {flags: [], count: (corpus.byExtension['.md'] ?? 0) + (corpus.byExtension['.txt'] ?? 0)},
      {flags: ['--mdx'], count: corpus.byExtension['.mdx'] ?? 0},
      {flags: ['--html'], count: corpus.byExtension['.html'] ?? 0}
    ].filter((group) => group.count > 0)
    tasks.push({
      id: 'alex',
      label: `alex 11 (${groups.length} processes: ${groups.map((group) => group.flags[0] ?? 'md+txt').join(', ')})`,
      files: corpus.files,
      commands: groups.map((group) => {
        const stderr = path.join(scratch, 'alex' + (group.flags[0] ?? '') + '.json')
        return {
          // `--reporter=json`: vfile-reporter-json on stderr, so we can count
          // the files alex processed (alex exits 1 when it finds messages).
          args: [ALEX, ...group.flags, '--reporter=json', articles],
          stderr,
          check: (result) => {
            if (result.exitCode !== 0 && result.exitCode !== 1) return `exit code ${result.exitCode ?? result.signal}: ${tail(stderr, 3)}`
            const text = fs.readFileSync(stderr, 'utf8')
            let count
            try {
              count = JSON.parse(text.slice(0, text.lastIndexOf(']') + 1)).length
            } catch {
              return `unreadable report: ${text.slice(0, 200)}`
            }

            return count === group.count ? undefined : `processed ${count} files, expected ${group.count}`
          }
        }
      })
    })
  }

  if (!settings.skip.has('linear')) {
    const n = corpus.linear.files
    tasks.push({id: 'linearN', label: `fitlint on N = ${n} files`, files: n, commands: [{args: fitlintArgs(linearOne), report: reportFile, check: fitlintCheck(n)}]})
    tasks.push({id: 'linear2N', label: `fitlint on 2N = ${2 * n} files (the N twice)`, files: 2 * n, commands: [{args: fitlintArgs(linearOne, linearTwo), report: reportFile, check: fitlintCheck(2 * n)}]})
  }

  const results = {}
  for (const task of tasks) results[task.id] = {label: task.label, files: task.files, runs: []}

  const runCommand = async (task, command) => {
    if (command.report) fs.rmSync(command.report, {force: true})
    const result = await measure({args: command.args, cwd: root, meter, scratch, stdout: command.stdout, stderr: command.stderr})
    const problem = command.check?.(result, {report: command.report, stdout: command.stdout})
    if (problem) {
      const message = `${task.id}: ${problem}${command.stderr ? '' : '\n' + tail(result.stderrFile)}`
      if (!errors.includes(message)) errors.push(message)
    }

    return result
  }

  for (let round = 0; round < settings.runs; round++) {
    for (const task of tasks) {
      progress(`run ${round + 1}/${settings.runs}: ${task.id}        `)
      let wallMs = 0
      let cpuMs = 0
      let maxRssKb = 0
      for (const command of task.commands) {
        const result = await runCommand(task, command)
        wallMs += result.wallMs
        cpuMs += result.cpuMs ?? Number.NaN
        maxRssKb = Math.max(maxRssKb, result.maxRssKb ?? Number.NaN)
      }

      results[task.id].runs.push({wallMs, cpuMs, maxRssKb})
    }
  }

  // Cold start: one small article through the CLI, against `node -e 0`.
  if (!settings.skip.has('cold')) {
    const single = path.join(dir, corpus.single.path)
    results.node = {label: 'node -e 0 (Node.js startup alone)', files: 0, runs: []}
    results.cold = {label: `fitlint cold start: one file, ${thousands(corpus.single.words)} words`, files: 1, runs: []}
    for (let round = 0; round < settings.coldRuns; round++) {
      progress(`cold start ${round + 1}/${settings.coldRuns}             `)
      for (const [id, args] of [['node', ['-e', '0']], ['cold', [BIN, single]]]) {
        const result = await runCommand({id}, {args, check: (result) => (result.exitCode === 0 || result.exitCode === 1 ? undefined : `exit code ${result.exitCode ?? result.signal}`)})
        results[id].runs.push({wallMs: result.wallMs, cpuMs: result.cpuMs, maxRssKb: result.maxRssKb})
      }
    }
  }

  let relint
  if (!settings.skip.has('relint')) {
    progress('re-lint')
    const output = path.join(scratch, 'relint.json')
    const result = await runCommand({id: 'relint'}, {args: [RELINT, path.join(dir, corpus.relint.path), String(settings.relintRuns), DIST_INDEX], stdout: output, check: (result) => (result.exitCode === 0 ? undefined : `exit code ${result.exitCode ?? result.signal}`)})
    if (result.exitCode === 0) relint = {...JSON.parse(fs.readFileSync(output, 'utf8')), maxRssKb: result.maxRssKb}
  }

  progress('')

  // Medians.
  const rows = {}
  for (const [id, result] of Object.entries(results)) {
    rows[id] = {
      ...result,
      wallMs: median(result.runs.map((run) => run.wallMs)),
      cpuMs: median(result.runs.map((run) => run.cpuMs)),
      maxRssKb: median(result.runs.map((run) => run.maxRssKb))
    }
  }

  const measurementRows = [['measurement', 'files', 'wall', 'cpu', 'peak RSS']]
  for (const id of ['floor', 'fitlint', 'alex', 'linearN', 'linear2N', 'node', 'cold']) {
    const row = rows[id]
    if (!row) continue
    measurementRows.push([row.label, row.files ? thousands(row.files) : '', seconds(row.wallMs), seconds(row.cpuMs), megabytes(row.maxRssKb)])
  }

  if (relint) {
    measurementRows.push([`re-lint in process: ${thousands(relint.words)} words, ${relint.runs} edits`, 1, seconds(relint.medianMs), `p95 ${seconds(relint.p95Ms)}`, megabytes(relint.maxRssKb)])
    measurementRows.push(['  first lint in that process (loads parsers, rules)', '', seconds(relint.firstMs), '', ''])
  }

  print(table(measurementRows, ['l', 'r', 'r', 'r', 'r']))
  print()

  const divide = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b)
  const ratios = {
    fitlintOverFloor: divide(rows.fitlint?.wallMs, rows.floor?.wallMs),
    fitlintOverFloorCpu: divide(rows.fitlint?.cpuMs, rows.floor?.cpuMs),
    alexOverFitlint: divide(rows.alex?.wallMs, rows.fitlint?.wallMs),
    alexOverFitlintMemory: divide(rows.alex?.maxRssKb, rows.fitlint?.maxRssKb),
    linearTime: divide(rows.linear2N?.wallMs, rows.linearN?.wallMs),
    linearMemory: divide(rows.linear2N?.maxRssKb, rows.linearN?.maxRssKb),
    coldStartMs: rows.cold?.wallMs,
    coldStartOverNodeMs: rows.cold && rows.node ? rows.cold.wallMs - rows.node.wallMs : undefined,
    relintMedianMs: relint?.medianMs,
    relintP95Ms: relint?.p95Ms
  }

  const mark = (value, limit) => (value === undefined ? 'n/a' : value <= limit ? 'pass' : 'FAIL')
  const targets = [
    {id: 'fitlintOverFloor', name: 'fitlint / floor (wall)', value: ratio(ratios.fitlintOverFloor), target: `≤ ${TARGETS.fitlintFloor}×`, result: mark(ratios.fitlintOverFloor, TARGETS.fitlintFloor)},
    {id: 'fitlintOverFloorCpu', name: 'fitlint / floor (cpu)', value: ratio(ratios.fitlintOverFloorCpu), target: '', result: 'info'},
    {id: 'alexOverFitlint', name: 'alex / fitlint (wall)', value: ratio(ratios.alexOverFitlint), target: '≈ 4× (follows from the floor target)', result: 'info'},
    {id: 'alexOverFitlintMemory', name: 'alex / fitlint (peak RSS)', value: ratio(ratios.alexOverFitlintMemory), target: '', result: 'info'},
    {id: 'linearTime', name: '2N / N files: time', value: ratio(ratios.linearTime), target: `≤ ${TARGETS.linearTime}×`, result: mark(ratios.linearTime, TARGETS.linearTime)},
    {id: 'linearMemory', name: '2N / N files: peak RSS', value: ratio(ratios.linearMemory), target: `≤ ${TARGETS.linearMemory}× (flat)`, result: mark(ratios.linearMemory, TARGETS.linearMemory)},
    {id: 'coldStartMs', name: 'cold start, one file', value: seconds(ratios.coldStartMs), target: `≤ ${TARGETS.coldStartMs} ms`, result: mark(ratios.coldStartMs, TARGETS.coldStartMs)},
    {id: 'coldStartOverNodeMs', name: 'cold start minus node startup', value: seconds(ratios.coldStartOverNodeMs), target: '', result: 'info'},
    {id: 'relintMedianMs', name: 're-lint 3,000 words, median', value: seconds(ratios.relintMedianMs), target: `≤ ${TARGETS.relintMs} ms`, result: mark(ratios.relintMedianMs, TARGETS.relintMs)},
    {id: 'relintP95Ms', name: 're-lint 3,000 words, p95', value: seconds(ratios.relintP95Ms), target: '', result: 'info'}
  ]
  print(table([['ratio', 'measured', 'target', 'result'], ...targets.map((row) => [row.name, row.value, row.target, row.result])], ['l', 'r', 'l', 'l']))

  if (errors.length > 0) {
    print()
    print('errors (the numbers above are not trustworthy):')
    for (const error of errors) print('  ' + error.replace(/\n/g, '\n    '))
  }

  if (settings.json) {
    const json = {
      date: new Date().toISOString(),
      machine: {node: process.version, platform: os.platform(), arch: os.arch(), cpus: os.availableParallelism?.() ?? os.cpus().length, loadavg: os.loadavg(), meter},
      settings: {files: settings.files, bytes: settings.bytes, seed: settings.seed, runs: settings.runs, coldRuns: settings.coldRuns, relintRuns: settings.relintRuns, skip: [...settings.skip]},
      corpus: {dir, files: corpus.files, bytes: corpus.bytes, words: corpus.words, byExtension: corpus.byExtension, linear: corpus.linear, single: corpus.single, relint: corpus.relint},
      measurements: rows,
      relint,
      ratios,
      targets: targets.map(({id, name, target, result}) => ({id, name, target, result, value: ratios[id]})),
      errors
    }
    fs.writeFileSync(path.resolve(settings.json), JSON.stringify(json, undefined, 2) + '\n')
  }

  return errors.length > 0 ? 1 : 0
}

process.exitCode = await main()
