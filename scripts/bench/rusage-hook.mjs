/**
 * Preloaded with `node --import` when /usr/bin/time is not available: on
 * exit, write this process's peak RSS and CPU time to the file named by
 * FITLINT_BENCH_RUSAGE (JSON, RSS in KB and CPU in microseconds).
 */
import fs from 'node:fs'
import process from 'node:process'

const target = process.env.FITLINT_BENCH_RUSAGE
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    fs.writeFileSync(target, JSON.stringify({maxRSS: usage.maxRSS, user: usage.userCPUTime, system: usage.systemCPUTime}))
  })
}
