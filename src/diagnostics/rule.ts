/** A diagnostic rule: how serious, and what to do about it. */
export interface Rule {
  fatal: boolean | undefined
  /** What to do about it. */
  note: string
}

/** Where each rule is documented. */
export const rulesUrl = 'https://github.com/article-kit/article-kit#messages'
