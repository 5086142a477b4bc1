/**
 * Reporters turn linted files into text. Each is loaded only when used.
 */
import type {VFile} from 'vfile'
import type {ReportFormat} from '../cli/args.js'

export interface ReporterOptions {
  color: boolean
  verbose: boolean
  cwd: string
}

export type Reporter = (files: VFile[], options: ReporterOptions) => string | Promise<string>

export async function loadReporter(format: ReportFormat): Promise<Reporter> {
  switch (format) {
    case 'stylish': {
      return (await import('./stylish.js')).stylish
    }

    case 'json': {
      return (await import('./json.js')).json
    }
  }
}
