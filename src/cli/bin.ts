#!/usr/bin/env node
import {main} from './run.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`fitlint: internal error: ${String((error as Error)?.stack ?? error)}\n`)
    process.exitCode = 2
  }
)
