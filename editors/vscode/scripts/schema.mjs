// JSON schemas for fitlint config files (`.fitlintrc`, `.fitlintrc.json`,
// `.fitlintrc.yaml`, `package.json#fitlint`), generated from fitlint itself
// (built-in rules with their options, settings, presets) so they follow the
// rules as they are added. Needs the root build (`npm run build` at the root);
// without it the committed schemas are kept.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const DOCS = 'https://github.com/fitlint/fitlint#configuration'

const SEVERITIES = ['off', 'on', 'info', 'warn', 'warning', 'error']

function optionSchema(spec) {
  const base = {description: spec.description, markdownDescription: spec.description}
  switch (spec.type) {
    case 'boolean':
      return {...base, type: 'boolean'}
    case 'number':
      return {...base, type: 'number', minimum: 0}
    case 'string':
      return {...base, type: 'string'}
    case 'string[]':
      return {...base, type: 'array', items: {type: 'string'}}
    case 'enum':
      return {...base, enum: spec.values ?? []}
    default:
      return base
  }
}

function optionsSchema(specs = {}) {
  const properties = Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, optionSchema(spec)]))
  return {type: 'object', properties, additionalProperties: false}
}

function ruleEntry(options, description) {
  return {
    description,
    markdownDescription: description,
    anyOf: [
      {$ref: '#/definitions/severity'},
      {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: [{$ref: '#/definitions/severity'}, options],
        additionalItems: false
      }
    ]
  }
}

export function buildSchema({rules, settings, presets}) {
  const ruleProperties = {}
  for (const rule of rules) {
    ruleProperties[rule.id] = ruleEntry(optionsSchema(rule.options), `${rule.docs.summary} (default: ${rule.severity})`)
  }

  const phraseRules = rules.filter((rule) => rule.compile).map((rule) => rule.id)
  const globs = {
    anyOf: [
      {type: 'string', minLength: 1},
      {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}}
    ]
  }
  const strings = {type: 'array', items: {type: 'string'}}

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'fitlint configuration',
    description: `Configuration for fitlint, the linter for fitness and health writing. ${DOCS}`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: {type: 'string'},
      extends: {
        description: 'Presets (recommended, strict, publisher) or paths to other config files, applied in order.',
        anyOf: [{$ref: '#/definitions/extend'}, {type: 'array', items: {$ref: '#/definitions/extend'}}]
      },
      rules: {$ref: '#/definitions/rules'},
      settings: {$ref: '#/definitions/settings'},
      overrides: {
        description: 'Rules and settings for some files (globs relative to this config file).',
        type: 'array',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: {
            files: {...globs, description: 'Globs of the files this override applies to, e.g. "reviews/**".'},
            excludedFiles: {...globs, description: 'Globs of files to leave out.'},
            rules: {$ref: '#/definitions/rules'},
            settings: {$ref: '#/definitions/settings'}
          }
        }
      },
      phrases: {
        description: "Add to or remove from a rule's phrase data, per rule id.",
        type: 'object',
        propertyNames: {enum: phraseRules},
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            add: {type: 'object', description: 'Phrase group → phrases to add.', additionalProperties: strings},
            remove: {...strings, description: 'Phrases to remove (from any group).'}
          }
        }
      },
      accept: {...strings, description: 'Words and phrases that never trigger a message.'},
      customRules: {
        description: 'House rules: phrases or a pattern, and the message to show.',
        type: 'array',
        items: {$ref: '#/definitions/customRule'}
      }
    },
    definitions: {
      severity: {
        description: 'off, info, warn, error; "on" keeps the rule’s own severities. 0/1/2 as in ESLint.',
        anyOf: [{enum: SEVERITIES}, {enum: [0, 1, 2]}]
      },
      extend: {
        anyOf: [
          {enum: presets.flatMap((name) => [name, `fitlint:${name}`])},
          {type: 'string', pattern: '^(?:\\.{0,2}/|[a-zA-Z]:[\\\\/]|\\.fitlintrc)|\\.(?:json|ya?ml|c?js|mjs)$'}
        ]
      },
      rules: {
        description: 'Rule id → severity, or [severity, {options}].',
        type: 'object',
        properties: ruleProperties,
        propertyNames: {pattern: '^[a-z][a-z\\d]*(?:[-/][a-z\\d]+)*$'},
        // Custom rule ids.
        additionalProperties: ruleEntry({type: 'object', maxProperties: 0}, 'A custom rule (defined in customRules).')
      },
      settings: {
        description: 'Settings shared by all rules.',
        ...optionsSchema(settings)
      },
      customRule: {
        type: 'object',
        required: ['id', 'message'],
        anyOf: [{required: ['phrases']}, {required: ['pattern']}],
        additionalProperties: false,
        properties: {
          id: {type: 'string', pattern: '^[a-z][a-z\\d]*(?:[-/][a-z\\d]+)*$', description: 'Kebab-case id, e.g. "house/no-bro-science".'},
          phrases: {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}, description: 'Phrases (case-insensitive, whole words) that trigger it.'},
          pattern: {type: 'string', description: 'A regular expression (checked for safety) that triggers it.'},
          message: {type: 'string', minLength: 1, description: 'The message to show.'},
          note: {type: 'string', description: 'Why: shown with the message.'},
          replace: {...strings, description: 'Suggested replacements (quick fixes).'},
          severity: {enum: ['info', 'warn', 'warning', 'error'], description: 'Default: warn.'},
          unlessSectionMentions: {...strings, description: 'Only fire when the section does not mention one of these.'},
          unlessDocumentMentions: {...strings, description: 'Only fire when the document does not mention one of these.'},
          ifDocumentMentions: {...strings, description: 'Only fire when the document mentions one of these.'}
        }
      }
    }
  }
}

/** `package.json`: the same schema under the `fitlint` key. */
export function buildPackageSchema(schema) {
  const {definitions, $schema, ...config} = schema
  return {
    $schema,
    type: 'object',
    properties: {fitlint: {...config, description: `fitlint configuration. ${DOCS}`}},
    definitions
  }
}

export async function writeSchemas(folder) {
  const index = path.join(root, 'dist/src/index.js')
  const validate = path.join(root, 'dist/src/config/validate.js')
  const presets = path.join(root, 'dist/src/config/presets.js')
  if (![index, validate, presets].every((file) => fs.existsSync(file))) {
    console.warn('fitlint extension: root not built (npm run build at the root); keeping the committed schemas')
    return
  }

  const {builtinRules} = await import(pathToFileURL(index).href)
  const {SETTINGS_SPEC} = await import(pathToFileURL(validate).href)
  const {PRESETS} = await import(pathToFileURL(presets).href)
  const schema = buildSchema({rules: builtinRules, settings: SETTINGS_SPEC, presets: Object.keys(PRESETS)})
  fs.mkdirSync(folder, {recursive: true})
  fs.writeFileSync(path.join(folder, 'fitlintrc.schema.json'), JSON.stringify(schema, null, 2) + '\n')
  fs.writeFileSync(path.join(folder, 'package.schema.json'), JSON.stringify(buildPackageSchema(schema), null, 2) + '\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeSchemas(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schemas'))
}
