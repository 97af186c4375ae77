/**
 * The words of a summary row or heading that say what it is about, for
 * matching a row to a heading by the words they share.
 */

/**
 * The content words of a row or heading, as match keys: split at spaces and
 * punctuation, each Korean word without the particle or ending it carries
 * ("용의자의" → "용의자", "정치적" → "정치", "소통하며" → "소통"), and without
 * the words that say nothing of what a section is about ("내용", "과정", "관련").
 * A word keeps two syllables at least, so "목적" is not read as "목" + "적";
 * Latin words lose a Korean particle written onto them ("YBM의" → "ybm").
 *
 * @param value - A summary row or a heading, as written.
 * @returns The words, in order, repeats kept.
 * @example
 * contentWords('국민과의 소통과 통일 정책 과정')
 * //=> ['국민', '소통', '통일', '정책']
 */
export function contentWords(value: string): string[] {
  const words: string[] = []
  for (const token of value.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    // Asked as written first: a listed word may end in what reads as an ending ("중요한" is not "중요").
    if (stopWords.has(token)) continue
    const word = stem(token)
    if (word.length >= 2 && !stopWords.has(word)) words.push(word)
  }
  return words
}

/** Particles and endings, longest first; one is taken off a Korean word when two syllables or more remain. */
const endings = [
  '으로부터', '했습니다', '하겠다는', '에서는', '에게는', '에서의', '으로의', '으로는', '으로서', '으로써', '이라는', '합니다', '됩니다', '입니다',
  '에서', '에게', '으로', '까지', '부터', '처럼', '보다', '과의', '와의', '에는', '에도', '이나', '이며', '이고', '이다', '라는', '만이', '하며', '하고',
  '하는', '하여', '해야', '했다', '한다', '하다', '되어', '되는', '적인', '적으로', '의', '과', '와', '은', '는', '이', '가', '을', '를', '에', '로', '도',
  '만', '된', '한', '함', '됨', '적', '할'
].sort((a, b) => b.length - a.length)

function stem(token: string): string {
  const hangul = /^[\uac00-\ud7a3]+$/.test(token)
  for (const ending of endings) {
    if (token.length - ending.length < 2 || !token.endsWith(ending)) continue
    const rest = token.slice(0, -ending.length)
    // A particle after Latin letters or digits ("YBM의") goes too; a Hangul syllable before it would make it part of a word.
    if (hangul || !/[\uac00-\ud7a3]$/.test(rest)) return rest
  }
  return token
}

/** Words that name no subject, whatever the post: connectives, the summary's own words, "what is said about it". */
const stopWords = new Set([
  '내용', '과정', '관련', '대한', '대해', '위한', '위해', '통한', '따른', '주요', '중요한', '이번', '현재', '있는', '있음', '없는', '그리고',
  '문제', '사항', '요약', '목차', '개요', '정리', '포인트', '핵심', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'a', 'an'
])
