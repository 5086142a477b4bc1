/**
 * Load a rule's YAML data file once. Data files sit next to the rule module
 * (`rules/<id>/data.yml`, copied to `dist/rules/<id>/` by the build). The
 * build also writes the parsed data as `data.yml.json`, which loads several
 * times faster than YAML (a quicker cold start); the YAML is read when that
 * is missing (running from source).
 */
import fs from 'node:fs'
import {parse} from 'yaml'

const cache = new Map<string, unknown>()

export function loadYaml<T>(url: URL): T {
  const key = url.href
  let value = cache.get(key)
  if (value === undefined) {
    value = readJson(new URL(url.href + '.json')) ?? (parse(fs.readFileSync(url, 'utf8')) as unknown)
    cache.set(key, value)
  }

  return value as T
}

function readJson(url: URL): unknown {
  let text: string
  try {
    text = fs.readFileSync(url, 'utf8')
  } catch {
    return undefined
  }

  return JSON.parse(text) as unknown
}
