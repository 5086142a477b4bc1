/**
 * Config and usage errors: they stop the run with exit code 2 and say which
 * file, which key, what is wrong, and what to do.
 */
export class ConfigError extends Error {
  readonly file: string
  readonly key: string | undefined
  readonly hint: string | undefined

  constructor(file: string, key: string | undefined, problem: string, hint?: string) {
    super(
      `${file}${key ? `: \`${key}\`` : ''}: ${problem}${hint ? `\n  hint: ${hint}` : ''}`
    )
    this.name = 'ConfigError'
    this.file = file
    this.key = key
    this.hint = hint
  }
}

/** A usage error (bad flag value, nothing to lint...). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** An input fitlint cannot read as a whole (an ignore file): exit 2, no usage hint. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Suggest the closest known name, if any is close enough. */
export function didYouMean(value: string, known: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const lower = value.toLowerCase()
  const candidates = [...known]
  // A prefix is a good guess: `site` → `siteDisclaimer`.
  if (lower.length >= 3) {
    const prefixed = candidates.find((candidate) => candidate.toLowerCase().startsWith(lower))
    if (prefixed) return prefixed
  }

  for (const candidate of candidates) {
    const distance = levenshtein(value.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }

  if (best === undefined) return undefined
  return bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 10
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1)
      )
    }

    previous = current
  }

  return previous[b.length]
}
