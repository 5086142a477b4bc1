#!/usr/bin/env node
// Score fitlint against labeled corpora: precision, recall and F1 per rule,
// document-level confusion, and the list of misses and false alarms.
//
//   npm run bench:accuracy                      # ../shared/corpus/dev and ../shared/corpus/seed
//   node scripts/accuracy.mjs corpus/holdout    # any folders of *.labels.json + articles
//   node scripts/accuracy.mjs --json out.json --quiet DIR...
import fs from 'node:fs'
import path from 'node:path'
import {createResolver, lint} from '../dist/src/index.js'
import {scoreFile, summarize, SENTENCE_RULES, DOCUMENT_RULES} from '../dist/src/accuracy/score.js'

const args = process.argv.slice(2)
const quiet = args.includes('--quiet')
const jsonIndex = args.indexOf('--json')
const jsonPath = jsonIndex === -1 ? undefined : args[jsonIndex + 1]
const folders = args.filter((arg, index) => !arg.startsWith('--') && (jsonIndex === -1 || index !== jsonIndex + 1))
if (folders.length === 0) folders.push('../shared/corpus/dev', '../shared/corpus/seed')

const resolver = createResolver({noConfig: true})
const pct = (value) => (value * 100).toFixed(1).padStart(5) + '%'
const report = {corpora: {}}
const allScores = []

for (const folder of folders) {
  if (!fs.existsSync(folder)) {
    console.log(`(skipping ${folder}: not found)`)
    continue
  }

  const scores = []
  for (const labelFile of fs.readdirSync(folder).filter((name) => name.endsWith('.labels.json')).sort()) {
    const base = labelFile.slice(0, -'.labels.json'.length)
    const article = fs.readdirSync(folder).find((name) => name.startsWith(base + '.') && !name.endsWith('.labels.json'))
    if (!article) continue
    const filePath = path.join(folder, article)
    const text = fs.readFileSync(filePath, 'utf8')
    const labels = JSON.parse(fs.readFileSync(path.join(folder, labelFile), 'utf8'))
    const file = await lint(text, {filePath: path.resolve(filePath), resolver})
    const findings = file.messages
      .filter((message) => message.ruleId)
      .map((message) => ({
        rule: message.ruleId,
        start: message.place?.start?.offset ?? 0,
        end: message.place?.end?.offset ?? 0,
        reason: message.reason,
        actual: message.actual
      }))
    scores.push(scoreFile(filePath, text, labels, findings))
  }

  allScores.push(...scores)
  const summary = summarize(scores)
  report.corpora[folder] = {summary, files: scores}
  print(folder, summary, scores)
}

if (folders.length > 1) {
  const summary = summarize(allScores)
  report.all = summary
  print('all corpora', summary, [])
}

if (jsonPath) fs.writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n')

function print(name, summary, scores) {
  console.log(`\n## ${name} (${scores.length || '—'} files)\n`)
  if (!quiet) {
    for (const score of scores) {
      for (const problem of score.problems) console.log(`  ! ${path.basename(score.file)}: ${problem}`)
      for (const miss of score.misses) console.log(`  miss  ${path.basename(score.file)} ${miss.rule}: ${miss.quote}`)
      for (const alarm of score.falseAlarms) console.log(`  false ${path.basename(score.file)} ${alarm.rule}: ${alarm.text.replace(/\s+/g, ' ').slice(0, 160)}${alarm.actual ? `  [${alarm.actual}]` : ''}`)
      for (const rule of DOCUMENT_RULES) {
        const {expected, fired} = score.documents[rule]
        if (expected !== fired) console.log(`  ${fired ? 'false' : 'miss '} ${path.basename(score.file)} ${rule} (document)`)
      }
    }
  }

  console.log('\n| rule | labels | TP | FP | FN | precision | recall | F1 |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const rule of SENTENCE_RULES) {
    const r = summary.rules[rule]
    console.log(`| ${rule} | ${r.labels} | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} |`)
  }

  for (const rule of DOCUMENT_RULES) {
    const r = summary.documents[rule]
    console.log(`| ${rule} (doc) | ${r.tp + r.fn} | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} |`)
  }
}
