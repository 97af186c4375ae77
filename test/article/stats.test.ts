import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {computeStats, countWords} from '../../src/article/stats.ts'
import {referenceComputeStats, referenceCountWords} from './stats-reference.ts'

describe('countWords', () => {
  it('should count Korean words by spacing unit, not by syllable', () => {
    // A popular reading-time package counts each syllable: 12 here.
    assert.equal(countWords('북한과 러시아가 군사, 외교'), 4)
  })

  it('should count a longer Korean sentence', () => {
    assert.equal(countWords('오늘 서울의 날씨는 맑고, 기온은 영상 5도입니다.'), 7)
  })

  it('should count English words around punctuation', () => {
    assert.equal(countWords('Hello, world! How are you? (Fine.)'), 6)
  })

  it('should keep decimals and thousands separators in one word', () => {
    assert.equal(countWords('It costs 3.5 dollars, or 1,000 won.'), 7)
  })

  it('should split a comma between letters or after a number', () => {
    assert.equal(countWords('red,green 1, 2'), 4)
  })

  it('should keep times and dates together', () => {
    assert.equal(countWords('at 12:30 on 2024/01/02'), 4)
  })

  it('should count hyphenated words once', () => {
    assert.equal(countWords('a well-known, state-of-the-art tool'), 4)
  })

  it('should split at a double hyphen or a dash', () => {
    assert.equal(countWords('wait--what 1990–2000 yes — no'), 6)
  })

  it('should count words with apostrophes once', () => {
    assert.equal(countWords("don't can’t rock 'n' roll"), 5)
  })

  it('should count a URL as one word', () => {
    assert.equal(countWords('See https://example.com/a/b?q=1&x=y#top for more'), 4)
    assert.equal(countWords('Visit www.example.co.kr/path 오늘'), 3)
    assert.equal(countWords('HTTP://EXAMPLE.COM'), 1)
  })

  it('should count an e-mail address as one word', () => {
    assert.equal(countWords('mail me@example.com now'), 3)
  })

  it('should not count emoji as words', () => {
    assert.equal(countWords('🎉 party ❤️ 👨‍👩‍👧 👍🏽 🇰🇷'), 1)
    assert.equal(countWords('😀😀😀'), 0)
  })

  it('should keep Korean particles attached to Latin and numbers', () => {
    assert.equal(countWords('AI 기술이 GPT-4로'), 3)
    assert.equal(countWords('3월 5일에 iPhone을 샀다'), 4)
  })

  it('should count each Japanese character as a word', () => {
    assert.equal(countWords('日本語のテキスト'), 8)
  })

  it('should count the prolonged sound mark with Katakana but not Japanese punctuation', () => {
    assert.equal(countWords('コーヒー。'), 4)
    assert.equal(countWords('ｺｰﾋｰ、'), 4)
  })

  it('should count each Chinese character as a word', () => {
    assert.equal(countWords('我爱北京天安门。'), 7)
  })

  it('should count Latin runs next to Han or Kana separately', () => {
    assert.equal(countWords('AIの2024年'), 4)
  })

  it('should treat NBSP and other Unicode spaces as separators', () => {
    assert.equal(countWords('one\u00A0two\u2003three\u3000four\u202Ffive\u2009six'), 6)
    assert.equal(countWords('한국어\u00A0문장\u3000입니다'), 3)
  })

  it('should treat line breaks and tabs as separators', () => {
    assert.equal(countWords('one\ntwo\r\nthree\tfour\u2028five'), 5)
  })

  it('should count decomposed (NFD) Hangul as composed (NFC) Hangul', () => {
    const nfc = '북한과 러시아가 군사, 외교'
    const nfd = nfc.normalize('NFD')
    assert.notEqual(nfd.length, nfc.length)
    assert.equal(countWords(nfd), countWords(nfc))
  })

  it('should count Cyrillic and Greek words', () => {
    assert.equal(countWords('Привет, мир! Καλημέρα κόσμε'), 4)
  })

  it('should keep combining marks inside their word', () => {
    assert.equal(countWords('cafe\u0301 nai\u0308ve'), 2)
  })

  it('should return 0 for empty and white-space-only text', () => {
    assert.equal(countWords(''), 0)
    assert.equal(countWords(' \t\n\u00A0\u3000'), 0)
    assert.equal(countWords('... — !!'), 0)
  })

  it('should throw a TypeError for a non-string', () => {
    // @ts-expect-error: check how a non-string is handled
    assert.throws(() => countWords(42), TypeError)
  })

  // Speed on such input is the benchmark's business (its linearity rows); here only the count.
  it('should count long hostile input: hyphen chains, a long URL, a run of apostrophes', () => {
    const hostile = 'a-'.repeat(100_000) + 'https://' + 'x.'.repeat(100_000) + "'".repeat(100_000)
    assert.equal(countWords(hostile), 2)
  })
})

describe('computeStats', () => {
  it('should count characters, characters without spaces and words', () => {
    assert.deepEqual(computeStats('북한과 러시아가 군사, 외교'), {
      characters: 15,
      charactersWithoutSpaces: 12,
      words: 4,
      readingMinutes: 1
    })
  })

  it('should count code points, not UTF-16 units', () => {
    const stats = computeStats('😀 𝒜b')
    assert.equal(stats.characters, 4)
    assert.equal(stats.charactersWithoutSpaces, 3)
  })

  it('should count NFD Hangul like NFC Hangul', () => {
    const nfc = '한글 맞춤법'
    assert.deepEqual(computeStats(nfc.normalize('NFD')), computeStats(nfc))
    assert.equal(computeStats(nfc.normalize('NFD')).characters, 6)
  })

  it('should not count Unicode spaces as characters without spaces', () => {
    const stats = computeStats('a\u00A0b\u3000c\u2003d\uFEFF')
    assert.equal(stats.characters, 8)
    assert.equal(stats.charactersWithoutSpaces, 4)
  })

  it('should give 0 minutes for empty or white-space-only text', () => {
    assert.deepEqual(computeStats(''), {
      characters: 0,
      charactersWithoutSpaces: 0,
      words: 0,
      readingMinutes: 0
    })
    assert.deepEqual(computeStats('  \n\u00A0'), {
      characters: 4,
      charactersWithoutSpaces: 0,
      words: 0,
      readingMinutes: 0
    })
  })

  it('should give at least 1 minute when there is a word', () => {
    assert.equal(computeStats('hi').readingMinutes, 1)
  })

  it('should round up at 230 words per minute', () => {
    assert.equal(computeStats('word '.repeat(230)).readingMinutes, 1)
    assert.equal(computeStats('word '.repeat(231)).readingMinutes, 2)
    assert.equal(computeStats('word '.repeat(460)).readingMinutes, 2)
  })

  it('should read Han and Kana at 500 characters per minute', () => {
    assert.equal(computeStats('字'.repeat(500)).readingMinutes, 1)
    assert.equal(computeStats('字'.repeat(501)).readingMinutes, 2)
  })

  it('should add both rates for mixed text', () => {
    // 115 words (half a minute) + 250 characters (half a minute) = 1 minute.
    assert.equal(computeStats('word '.repeat(115) + 'か'.repeat(250)).readingMinutes, 1)
    assert.equal(computeStats('word '.repeat(116) + 'か'.repeat(250)).readingMinutes, 2)
  })

  it('should use the rates given in options', () => {
    const text = 'word '.repeat(100)
    assert.equal(computeStats(text, {wordsPerMinute: 50}).readingMinutes, 2)
    assert.equal(computeStats('字'.repeat(100), {cjkCharactersPerMinute: 30}).readingMinutes, 4)
    assert.equal(computeStats(text, {wordsPerMinute: null, cjkCharactersPerMinute: null}).readingMinutes, 1)
    assert.equal(computeStats(text, null).readingMinutes, 1)
  })

  it('should name the option and the value in a rate error, and the type in a text error', () => {
    assert.throws(() => computeStats('a', {wordsPerMinute: -2}), {name: 'RangeError', message: /`wordsPerMinute`.*`-2`/})
    assert.throws(() => computeStats('a', {cjkCharactersPerMinute: 0}), {name: 'RangeError', message: /`cjkCharactersPerMinute`.*`0`/})
    // @ts-expect-error: check how a string rate is handled
    assert.throws(() => computeStats('a', {wordsPerMinute: '5'}), {name: 'RangeError', message: /`wordsPerMinute`.*`5`/})
    // @ts-expect-error: check how a non-string is handled
    assert.throws(() => countWords(42), {name: 'TypeError', message: /`text`.*`number`/})
    // @ts-expect-error: check how a non-string is handled
    assert.throws(() => computeStats({normalize: () => 'a'}), {name: 'TypeError', message: /`text`.*`object`/})
  })

  it('should throw a RangeError for a rate that is not a positive number', () => {
    assert.throws(() => computeStats('a', {wordsPerMinute: 0}), RangeError)
    assert.throws(() => computeStats('a', {cjkCharactersPerMinute: -1}), RangeError)
    assert.throws(() => computeStats('a', {wordsPerMinute: Number.NaN}), RangeError)
    assert.throws(() => computeStats('a', {wordsPerMinute: Number.POSITIVE_INFINITY}), RangeError)
  })

  it('should throw a TypeError for a non-string', () => {
    // @ts-expect-error: check how `undefined` is handled
    assert.throws(() => computeStats(undefined), TypeError)
  })

  it('should agree with countWords', () => {
    const text = 'AI 기술이 GPT-4로 日本語のテキスト'
    assert.equal(computeStats(text).words, countWords(text))
    assert.equal(computeStats(text).words, 11)
  })
})

describe('properties', () => {
  // Pieces that exercise every branch: scripts, joiners, spaces, marks,
  // emoji, URL prefixes and lone surrogates.
  const piece = fc.constantFrom(
    '한', '글', '\u1100', '\u1161', '\u11A8', 'a', 'Z', 'é', 'e\u0301', 'я', 'λ', '3', '٣',
    '日', 'の', 'テ', 'ー', ' ', '\u00A0', '\u3000', '\n', '-', "'", '’', '.', ',', ':', '/',
    '@', '·', '😀', '❤️', '\u200D', '\uFE0F', 'https://', 'www.', '\uD800', '!'
  )
  const text = fc.oneof(
    fc.array(piece, {maxLength: 40}).map((pieces) => pieces.join('')),
    fc.string({unit: 'grapheme', maxLength: 40}),
    fc.string({unit: 'binary', maxLength: 40})
  )

  it('should never count more words than characters without spaces', () => {
    fc.assert(
      fc.property(text, (value) => {
        const stats = computeStats(value)
        assert.ok(stats.words <= stats.charactersWithoutSpaces)
        assert.ok(stats.charactersWithoutSpaces <= stats.characters)
        assert.equal(stats.readingMinutes === 0, stats.words === 0)
      })
    )
  })

  it('should give the same counts for NFC and NFD text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const stats = computeStats(value)
        assert.deepEqual(computeStats(value.normalize('NFC')), stats)
        assert.deepEqual(computeStats(value.normalize('NFD')), stats)
        assert.equal(countWords(value.normalize('NFD')), stats.words)
      })
    )
  })

  it('should count as white space exactly what `\s` matches, for every BMP character', () => {
    for (let code = 0; code <= 0xff_ff; code++) {
      if (code >= 0xd8_00 && code <= 0xdf_ff) continue
      const char = String.fromCodePoint(code)
      if (char.normalize('NFC') !== char) continue
      assert.equal(computeStats(char).charactersWithoutSpaces, /\s/u.test(char) ? 0 : 1, `U+${code.toString(16)}`)
    }
  })
})

describe('computeStats against the previous implementation', () => {
  // A fixed seed keeps CI reproducible; fast-check prints the seed and path of any failure to replay it
  // (FUZZ_SEED=… FUZZ_RUNS=… to search further, or to run fewer under mutation testing).
  const settings = {seed: Number(process.env['FUZZ_SEED'] ?? 20_261_125), numRuns: Number(process.env['FUZZ_RUNS'] ?? 3000)}
  // Every rule's cases: joiners between letters, digits and not, URLs (with emoji and CJK in and after
  // them), Hangul (NFC and NFD), CJK, marks, emoji and ZWJ sequences, every kind of white space, lone surrogates.
  const piece = fc.constantFrom(
    'a', 'Word', '3', '1', '한글', '\u1112\u1161\u11ab', '日本', 'テキスト', 'ー', 'ไทย', "'", '\u2019', '-', '\u2010', '.', '\u00b7', '_', '@', ',', ':', '/', '!',
    'https://', 'http://x.io/a', 'HTTP://', 'www.', 'Www.a', 'ftp://f', 'h', 'w', 'f', '\u0301', '\ufe0f', '❤', '😀', '👩\u200d💻', ' ', '  ', '\t', '\n', '\r',
    '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\ud800', '\udc00', '。', '١٢'
  )
  const text = fc.oneof(
    fc.array(piece, {maxLength: 16}).map((pieces) => pieces.join('')),
    fc.string({unit: 'binary', maxLength: 40}),
    fc.string({unit: 'grapheme', maxLength: 40})
  )

  it('should count exactly as before, for any text', () => {
    fc.assert(
      fc.property(text, (value) => {
        assert.deepEqual(computeStats(value), referenceComputeStats(value))
        assert.equal(countWords(value), referenceCountWords(value))
      }),
      settings
    )
  })

  it('should count exactly as before, with any reading rates', () => {
    fc.assert(
      fc.property(text, fc.double({min: 0.5, max: 2000, noNaN: true}), fc.integer({min: 1, max: 2000}), (value, words, cjk) => {
        const options = {wordsPerMinute: words, cjkCharactersPerMinute: cjk}
        assert.deepEqual(computeStats(value, options), referenceComputeStats(value, options))
      }),
      settings
    )
  })
})

describe('each code point, read by its Unicode properties', () => {
  // The documented rules written as Unicode properties: letters and numbers of any script but Han and Kana (by
  // Script_Extensions, so `ー` counts with Kana) make words, Han and Kana are a word each, marks extend a word, the
  // rest separates, but for the joiners between letters or numbers and `,` `:` `/` between digits.
  const wordLike = /[\p{L}\p{N}]/u
  const hanOrKana = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u
  const markLike = /^\p{M}$/u
  const joinsAny = "'’-‐‑.·_@"
  const joinsDigits = ',:/'
  const stable = (text: string): boolean => text.normalize('NFC') === text

  /** What the documentation says of one code point `c`: the words in `cc`, `aca`, `1c1` and `c,c`. */
  function expected(c: string): [number, number, number, number] {
    if (wordLike.test(c)) {
      if (hanOrKana.test(c)) return [2, 3, 3, 2]
      return [1, 1, 1, /\p{N}/u.test(c) ? 1 : 2]
    }
    const separate = joinsAny.includes(c) ? 1 : 2
    if (markLike.test(c)) return [0, 1, 1, 0]
    return [0, separate, joinsDigits.includes(c) ? 1 : separate, 0]
  }

  const forms = [(c: string) => c + c, (c: string) => `a${c}a`, (c: string) => `1${c}1`, (c: string) => `${c},${c}`]

  /**
   * Check code points a block of 256 at a time: each form of every one of them, joined by spaces (which join
   * nothing, so the counts add up), against the sum of what each should give; a block that differs is then
   * checked one code point at a time to name it.
   */
  function check(codes: number[]): void {
    for (let from = 0; from < codes.length; from += 256) {
      // Text that NFC changes is read after NFC, which the expectation above does not model.
      const block = codes.slice(from, from + 256).map((code) => String.fromCodePoint(code)).filter((c) => forms.every((form) => stable(form(c))))
      if (block.length === 0) continue
      const wanted = block.map(expected)
      for (const [index, form] of forms.entries()) {
        const text = block.map(form).join(' ')
        const total = wanted.reduce((sum, counts) => sum + counts[index]!, 0)
        if (stable(text) && countWords(text) === total) continue
        for (const [at, c] of block.entries()) assert.equal(countWords(form(c)), wanted[at]![index], `U+${c.codePointAt(0)!.toString(16)} in form ${index}`)
        assert.equal(countWords(text), total)
      }
      const stats = computeStats(block.map(forms[0]!).join(' '))
      assert.equal(stats.characters, block.length * 3 - 1)
      assert.equal(stats.charactersWithoutSpaces, block.filter((c) => !/\s/u.test(c)).length * 2)
    }
  }

  // Every code point up to U+30FF (the scripts with spaces, punctuation, Kana), the edges of the Hangul syllables'
  // shortcut and the specials; every 13th in the large blocks between (Han, Hangul, Yi, private use).
  const whole = [[0, 0x31_00], [0xac_00 - 0x100, 0xac_00 + 0x100], [0xd7_a4 - 0x100, 0xd8_00], [0xfe_00, 0x1_00_00]]

  it('should read the BMP’s code points as the rules say (the ASCII and Hangul shortcuts included)', () => {
    const codes = Array.from({length: 0x1_00_00}, (_, code) => code)
      .filter((code) => code < 0xd8_00 || code > 0xdf_ff)
      .filter((code) => code % 13 === 0 || whole.some(([from, to]) => code >= from! && code < to!))
    check(codes)
  })

  it('should read code points outside the BMP (every 13th in planes 1 and 2, a sample beyond) as one character each, by the same rules', () => {
    const codes: number[] = []
    for (let code = 0x1_00_00; code <= 0x10_ff_ff; code += code < 0x3_00_00 ? 13 : 0x1_01) codes.push(code)
    check(codes)
  })
})

describe('URLs and code points', () => {
  it('should read a URL from each prefix, in any case, as one word up to white space or Han and Kana', () => {
    for (const prefix of ['https://', 'http://', 'ftp://', 'www.']) {
      for (const written of [prefix, prefix.toUpperCase(), prefix[0]!.toUpperCase() + prefix.slice(1)]) {
        // Without the prefix these would be several words: `a-b,c!d` is three.
        assert.equal(countWords(`go ${written}a-b,c!d 끝`), 3, written)
        assert.equal(countWords(`${written}a-b,c!d日本`), 3, written)
        assert.equal(countWords(`${written.slice(0, -1)}a-b,c!d`) > 1, true, written)
      }
    }
  })

  it('should count the code points of a URL, surrogate pairs once and lone surrogates each', () => {
    const tails = ['\ud800\udc00', '\udbff\udfff', '\ud800\udfff', '\udbff\udc00', '\ud7ff\udc00', '\udc00\ud800', '\ud800', '😀x', 'x\ue000\uffff', '\u{10ffff}', '\ud800\ue000', '\udc00\udc00', '\ue000\udc00']
    for (const tail of tails) {
      for (const text of [`https://a${tail}`, `https://a${tail} b`, `https://${tail}/c 字`]) {
        const stats = computeStats(text)
        // The string iterator reads code points, a lone surrogate as one.
        assert.equal(stats.characters, [...text.normalize('NFC')].length, JSON.stringify(text))
        assert.equal(stats.words, text.endsWith('字') ? 2 : text.endsWith(' b') ? 2 : 1, JSON.stringify(text))
      }
    }
  })

  it('should join letters and digits with `,` `:` `/` only when both sides are digits', () => {
    for (const joiner of [',', ':', '/']) assert.deepEqual(['a', '1'].flatMap((x) => ['a', '1'].map((y) => countWords(x + joiner + y))), [2, 2, 2, 1], joiner)
  })

  it('should read U+FFFF as one code point, not the first half of a pair', () => {
    assert.deepEqual(computeStats('a\uffffb'), {characters: 3, charactersWithoutSpaces: 3, words: 2, readingMinutes: 1})
    assert.equal(computeStats('https://\uffffb').characters, 10)
  })
})
