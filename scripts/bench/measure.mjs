/**
 * Run one Node.js command as a child process and measure it: wall time (from
 * this process, spawn to exit), CPU time (user + system) and peak resident
 * memory. Peak memory comes from `/usr/bin/time -v` when it works; otherwise
 * the child is started with `--import rusage-hook.mjs`, which writes its own
 * `process.resourceUsage()` on exit.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {pathToFileURL} from 'node:url'

const HOOK = pathToFileURL(new URL('rusage-hook.mjs', import.meta.url).pathname).href
const TIME = '/usr/bin/time'

/** `'time'` when `/usr/bin/time -v` works here, else `'hook'`. */
export function detectMeter() {
  try {
    const result = spawnSync(TIME, ['-v', process.execPath, '-e', '0'], {encoding: 'utf8'})
    if (result.status === 0 && /Maximum resident set size/.test(result.stderr)) return 'time'
  } catch {
    // Not installed.
  }

  return 'hook'
}

/**
 * @param {object} options
 * @param {string[]} options.args Arguments to `node` (script first).
 * @param {string} options.cwd
 * @param {'time' | 'hook'} options.meter
 * @param {string} options.scratch Folder for temporary files.
 * @param {string} [options.stdout] File for the child's stdout (default: discarded).
 * @param {string} [options.stderr] File for the child's stderr (default: scratch file).
 * @returns {Promise<{wallMs: number, cpuMs: number | undefined, maxRssKb: number | undefined, exitCode: number | null, signal: string | null, stderrFile: string}>}
 */
export async function measure({args, cwd, meter, scratch, stdout, stderr}) {
  const usageFile = path.join(scratch, 'usage-' + process.pid + '-' + Date.now() + '.txt')
  const stderrFile = stderr ?? path.join(scratch, 'stderr.txt')
  const env = {...process.env, NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0', NO_COLOR: '1'}
  let command
  let commandArgs
  if (meter === 'time') {
    command = TIME
    commandArgs = ['-v', '-o', usageFile, process.execPath, ...args]
  } else {
    command = process.execPath
    commandArgs = ['--import', HOOK, ...args]
    env.FITLINT_BENCH_RUSAGE = usageFile
  }

  const out = stdout ? fs.openSync(stdout, 'w') : 'ignore'
  const err = fs.openSync(stderrFile, 'w')
  const start = process.hrtime.bigint()
  const {code, signal} = await new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {cwd, env, stdio: ['ignore', out, err]})
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal}))
  })
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  if (typeof out === 'number') fs.closeSync(out)
  fs.closeSync(err)

  let cpuMs
  let maxRssKb
  if (fs.existsSync(usageFile)) {
    const text = fs.readFileSync(usageFile, 'utf8')
    fs.rmSync(usageFile, {force: true})
    if (meter === 'time') {
      const number = (label) => {
        const match = new RegExp(label + '[^:]*:\\s*([\\d.]+)').exec(text)
        return match ? Number(match[1]) : undefined
      }

      const user = number('User time')
      const system = number('System time')
      cpuMs = user === undefined || system === undefined ? undefined : (user + system) * 1000
      maxRssKb = number('Maximum resident set size')
    } else {
      const usage = JSON.parse(text)
      cpuMs = (usage.user + usage.system) / 1000
      maxRssKb = usage.maxRSS
    }
  }

  return {wallMs, cpuMs, maxRssKb, exitCode: code, signal, stderrFile}
}

/** Last lines of a file, for error messages. */
export function tail(file, lines = 8) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

export function median(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
