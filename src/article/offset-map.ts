/**
 * Map offsets in extracted prose text back to the source file.
 *
 * A block's text is stitched together from pieces (text nodes, inline code,
 * link text...). Each piece knows the source range it came from. When the
 * piece's value is exactly the source slice, mapping is linear; when it is not
 * (character references like `&amp;`, backslash escapes, collapsed white
 * space), we align value and source character by character so positions stay
 * on the right word instead of drifting.
 */

export interface Piece {
  /** Offset of the piece in the block text. */
  textStart: number
  length: number
  /** Source range the piece came from. */
  sourceStart: number
  sourceEnd: number
  /** Per-character source offsets when the mapping is not linear. */
  offsets?: Int32Array
}

/** Longest stretch of source we skip over while looking for the next character. */
const LOOKAHEAD = 12

/**
 * Create a piece for `value` that came from `source.slice(start, end)`.
 */
export function createPiece(
  source: string,
  value: string,
  textStart: number,
  start: number,
  end: number
): Piece {
  const piece: Piece = {
    textStart,
    length: value.length,
    sourceStart: start,
    sourceEnd: end
  }

  if (end - start === value.length && source.startsWith(value, start)) {
    return piece
  }

  piece.offsets = align(source, value, start, end)
  return piece
}

/**
 * Align `value` against `source[start, end)`: for each character of `value`,
 * the source offset it most likely came from.
 */
function align(
  source: string,
  value: string,
  start: number,
  end: number
): Int32Array {
  const offsets = new Int32Array(value.length)
  let pointer = start

  for (let index = 0; index < value.length; index++) {
    const char = value.charCodeAt(index)
    let found = -1
    const limit = Math.min(end, pointer + LOOKAHEAD)

    for (let probe = pointer; probe < limit; probe++) {
      if (sameChar(source.charCodeAt(probe), char)) {
        found = probe
        break
      }
    }

    if (found === -1) {
      // A decoded character reference (`&middot;` → `·`): skip the reference.
      offsets[index] = Math.min(pointer, Math.max(start, end - 1))
      if (source.charCodeAt(pointer) === 38 /* & */) {
        const semi = source.indexOf(';', pointer)
        pointer = semi !== -1 && semi - pointer < 12 ? semi + 1 : pointer + 1
      } else {
        pointer++
      }
    } else {
      offsets[index] = found
      pointer = found + 1
    }

    if (pointer > end) pointer = end
  }

  return offsets
}

function sameChar(a: number, b: number): boolean {
  if (a === b) return true
  // White space may have been collapsed or normalised.
  return isSpace(a) && isSpace(b)
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 160
  )
}

/**
 * Map an exclusive end offset: the character before it, plus one, so a range
 * ending at a piece boundary does not swallow the markup after it.
 */
export function mapEndOffset(pieces: Piece[], textEnd: number): number {
  if (textEnd <= 0) return mapOffset(pieces, 0)
  return mapOffset(pieces, textEnd - 1) + 1
}

/**
 * Map an offset in the text built from `pieces` to a source offset.
 * `pieces` are sorted by `textStart`. Offsets between pieces (synthetic
 * separators) map to the end of the previous piece.
 */
export function mapOffset(pieces: Piece[], textOffset: number): number {
  if (pieces.length === 0) return 0
  let low = 0
  let high = pieces.length - 1

  // Last piece whose textStart <= textOffset.
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (pieces[mid].textStart <= textOffset) low = mid
    else high = mid - 1
  }

  const piece = pieces[low]
  const delta = textOffset - piece.textStart

  if (delta < 0) return piece.sourceStart
  if (delta >= piece.length) {
    // At or past the end of the piece (a synthetic separator): its end.
    return endOf(piece)
  }

  if (piece.offsets) return piece.offsets[delta]
  return piece.sourceStart + delta
}

function endOf(piece: Piece): number {
  if (piece.offsets && piece.length > 0) {
    return Math.min(piece.sourceEnd, piece.offsets[piece.length - 1] + 1)
  }

  return piece.sourceStart + piece.length
}
