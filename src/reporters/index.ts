/**
 * Reporters turn linted files into text. Each is loaded only when used.
 */
import type {VFile} from 'vfile'
import type {ReportFormat} from '../cli/args.js'

export interface ReporterOptions {
  color: boolean
  verbose: boolean
  cwd: string
  /** Paths in CI reports are relative to this: the git root, else `cwd`. */
  root?: string
  /** Environment (`GITHUB_STEP_SUMMARY` and friends for `github`). */
  env?: NodeJS.ProcessEnv
  /** `--shard K/N` (SARIF's `automationDetails.id`). */
  shard?: {index: number; count: number}
  /** Say something on stderr without failing the run. */
  warn?: (text: string) => void
}

export type Reporter = (files: VFile[], options: ReporterOptions) => string | Promise<string>

/** Formats whose paths are relative to the repository root. */
export function wantsRepositoryRoot(format: ReportFormat): boolean {
  return format === 'sarif' || format === 'github'
}

export async function loadReporter(format: ReportFormat): Promise<Reporter> {
  switch (format) {
    case 'stylish': {
      return (await import('./stylish.js')).stylish
    }

    case 'json': {
      return (await import('./json.js')).json
    }

    case 'sarif': {
      return (await import('./sarif.js')).sarif
    }

    case 'github': {
      return (await import('./github.js')).github
    }
  }
}
