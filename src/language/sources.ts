/**
 * Named sources: "according to the Cleveland Clinic", "a 2015 study in The
 * Journal of Physiology", "the FDA cites…", "guidelines written by …".
 * A named source counts as a citation for `uncited-claim`.
 */
import {listPattern} from './lexicon-patterns.js'
import {firstMatch, type PhraseMatch} from './phrases.js'

const ACCORDING = /\b[Aa]ccording to (?:a |an |the |that |this |those |these )?(?:(?:\d{4}|recent|new|large|small|systematic|same|latest|official|most recent)\s+){0,3}\p{Lu}[\p{L}&.'’-]*(?:[\s,]+(?:of|for|on|and|&|the|in|\p{Lu}[\p{L}&.'’-]*)){0,12}/u
const GENERIC_ACCORDING = /\baccording to (?:(?:some|many|most|recent|new|the latest)\s+)?(?:research|science|experts|studies|doctors|scientists|trainers|coaches|nutritionists|the (?:research|science|experts|data|evidence))\b(?!\s+(?:at|from|in|by)\s+\p{Lu})/iu
const STUDY_IN =
  /\b(?:[Ss]tudy|[Ss]tudies|[Rr]eview|[Tt]rial|[Ss]urvey|[Mm]eta-analysis|[Aa]nalysis|[Pp]aper|[Pp]osition stand|[Gg]uidelines?|[Rr]eport|[Ss]tatement|[Cc]onsensus|[Rr]esearch|[Dd]ata)\s+(?:published\s+)?(?:in|from|by|at|written by|led by|conducted by|authored by|out of)\s+(?:the\s+)?(?:journal\s+|magazine\s+|UK\s+|US\s+|Australian\s+|Canadian\s+|(?:sports\s+|team\s+|lead\s+)?(?:physician|doctor|professor|researcher|cardiologist|surgeon|physiologist|physiotherapist|dietitian)\s+)?(?:\p{Lu}|physiotherapists|researchers|scientists|doctors)/u
const SAYS_AFTER =
  /^(?:\s+(?:and|&|of|the|for|\p{Lu}[\p{L}.&-]*)){0,6}(?:['’]s\b[^.;]{0,50}?)?[\s,]*(?:which\s+|that\s+)?(?:has\s+|have\s+|also\s+|now\s+)*(?:says|said|notes|noted|reports|reported|recommends|recommended|advises|advised|cites|cited|warns|warned|found|finds|classifies|classified|estimates|estimated|states|stated|concluded|concludes|suggests|suggested|lists|listed|defines|explains|explained|points out|puts|sets|adds|added|mentions|describes|describe)\b/iu
const POSSESSIVE_SOURCE = /\p{Lu}[\p{L}.&-]+(?:\s+\p{Lu}[\p{L}.&-]+){0,8}['’]s\s+(?:\w+\s+){0,3}(?:position stand|guidelines?|review|recommendations?|statement|report|fact sheet|study|survey|agency)/u

/** A named body not in the organisation list: "The American Thyroid Association", "the University of Innsbruck". */
const NAMED_BODY =
  /\b(?:(?:\p{Lu}[\p{L}'’.&-]*|of|for|and|on|the)\s+){0,6}?(?:\p{Lu}[\p{L}'’.&-]*\s+)(?:Association|Society|College|Academy|Institute|Foundation|Council|Agency|Department|Ministry|Clinic|Hospital|Federation|Organi[sz]ation|Centre|Center|Service|Board|Commission|Coalition|Alliance|Trust)\b(?:\s+(?:of|for)(?:\s+(?:the\s+)?\p{Lu}[\p{L}'’.&-]*)+)?|\bUniversity of(?:\s+\p{Lu}[\p{L}'’.&-]*)+|\b\p{Lu}[\p{L}'’.&-]*\s+University\b/u

/** Journals named by a common word: a source only as "in Science", "the journal Nature". */
const AMBIGUOUS_JOURNAL = /^(?:Science|Nature|Cell|Sports Medicine|Medicine|Evidence|Research|Pain|Gut|Brain|Heart|Thorax|Obesity|Sleep|Appetite|Nutrients)$/

/** A specific named source in the sentence, if any. */
export function namedSource(text: string): PhraseMatch | undefined {
  if (!GENERIC_ACCORDING.test(text)) {
    const according = ACCORDING.exec(text)
    if (according) return {start: according.index, end: according.index + according[0].length, text: according[0]}
  }

  // "A NASA study from 1980 found…": an agency's own study, named by its acronym.
  const acronymStudy = /\b(?:[Aa]n?|[Tt]he)\s+(?:\d{4}\s+)?\p{Lu}{2,}(?:\/\p{Lu}{2,})?\s+(?:study|trial|review|survey|report|analysis|paper)\b/u.exec(text)
  if (acronymStudy) return {start: acronymStudy.index, end: acronymStudy.index + acronymStudy[0].length, text: acronymStudy[0]}
  const studyIn = STUDY_IN.exec(text)
  if (studyIn) return {start: studyIn.index, end: studyIn.index + studyIn[0].length, text: studyIn[0]}
  const possessive = POSSESSIVE_SOURCE.exec(text)
  if (possessive && firstMatch(listPattern('organisation', 'u'), possessive[0])) {
    return {start: possessive.index, end: possessive.index + possessive[0].length, text: possessive[0]}
  }

  let organisation = firstMatch(listPattern('organisation', 'u'), text)
  // "Science says…", "Nature intended…": a journal whose name is an ordinary
  // word counts only when the sentence says it is the journal ("in Science").
  if (organisation && AMBIGUOUS_JOURNAL.test(organisation.text) && !/\b(?:in|journal|published in|the journal)\s+$/i.test(text.slice(Math.max(0, organisation.start - 20), organisation.start))) {
    organisation = undefined
  }

  if (organisation) {
    // The organisation must be the one saying it, not just a mention.
    const after = text.slice(organisation.end, organisation.end + 80)
    const before = text.slice(Math.max(0, organisation.start - 40), organisation.start)
    if (SAYS_AFTER.test(after) || /\b(?:by|from|per|says?|said)\s+(?:the\s+)?$/iu.test(before)) {
      return organisation
    }
  }

  const body = NAMED_BODY.exec(text)
  if (body) {
    const after = text.slice(body.index + body[0].length, body.index + body[0].length + 80)
    const before = text.slice(Math.max(0, body.index - 40), body.index)
    if (SAYS_AFTER.test(after) || /\b(?:by|from|per|says?|said|at|of)\s+(?:the\s+)?$/iu.test(before)) {
      return {start: body.index, end: body.index + body[0].length, text: body[0]}
    }
  }

  return undefined
}
