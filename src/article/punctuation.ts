/**
 * Where the punctuation of posts comes from, beyond ASCII: the blocks of
 * Latin-1, general and CJK punctuation (`·`, `–`, `“”`, `…`, `「」`).
 *
 * Slugs (`slug.ts`) and match keys (`summary-table.ts`) both skip Unicode
 * normalisation on text made of ASCII, Hangul syllables and such
 * punctuation. They look in the same ranges but keep different characters,
 * because their slow paths differ: a slug keeps what NFC and lower-casing
 * leave alone and github-slugger drops, a match key what NFKC makes neither
 * a letter, a digit nor a mark. Each asks its own question of each
 * character here, once, instead of keeping a list by hand.
 */

/** Latin-1 punctuation and symbols, general punctuation, CJK symbols and punctuation. */
export const punctuationRanges: ReadonlyArray<readonly [number, number]> = [[0xa0, 0xbf], [0x20_10, 0x20_5e], [0x30_01, 0x30_3f]]

/**
 * The characters of `punctuationRanges` that `keep` accepts and that
 * compose with nothing before them under `form`, as the body of a regular
 * expression's character class (`\uXXXX` escapes).
 *
 * @param form - The normalisation the slow path would apply.
 * @param keep - Whether the fast path may treat the character as its slow path does.
 * @returns The class body; `''` when no character is kept.
 * @example
 * new RegExp('[' + punctuationClass('NFKC', (character) => character === '·') + ']').test('군사·외교')
 * //=> true
 */
export function punctuationClass(form: 'NFC' | 'NFKC', keep: (character: string) => boolean): string {
  let characters = ''
  for (const [from, to] of punctuationRanges) {
    for (let code = from; code <= to; code++) {
      const character = String.fromCharCode(code)
      // A character that changes what comes before it ("a" + U+0301 is "á") cannot be handled one at a time.
      if (('a' + character).normalize(form) !== 'a' + character.normalize(form) || !keep(character)) continue
      characters += '\\u' + code.toString(16).padStart(4, '0')
    }
  }
  return characters
}
