/**
 * Load a rule's YAML data file once. Data files sit next to the rule module
 * (`rules/<id>/data.yml`, copied to `dist/rules/<id>/` by the build).
 */
import fs from 'node:fs'
import {parse} from 'yaml'

const cache = new Map<string, unknown>()

export function loadYaml<T>(url: URL): T {
  const key = url.href
  let value = cache.get(key)
  if (value === undefined) {
    value = parse(fs.readFileSync(url, 'utf8')) as unknown
    cache.set(key, value)
  }

  return value as T
}
