#!/usr/bin/env node
import {main} from './run.js'

let finished = false

// A run that never settles would otherwise exit 0 with no report.
process.on('beforeExit', () => {
  if (!finished) {
    finished = true
    process.stderr.write('fitlint: internal error: the run stopped before it finished (please report it)\n')
    process.exitCode = 2
  }
})

main(process.argv.slice(2)).then(
  (code) => {
    finished = true
    process.exitCode = code
  },
  (error: unknown) => {
    finished = true
    process.stderr.write(`fitlint: internal error: ${String((error as Error)?.stack ?? error)}\n`)
    process.exitCode = 2
  }
)
