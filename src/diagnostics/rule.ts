/** A diagnostic rule: how serious, and what to do about it. */
export interface Rule {
  fatal: boolean | undefined
  /** What to do about it. */
  note: string
}

/** The repository, as `repository` in package.json names it. */
export const repositoryUrl = 'https://github.com/article-kit/article-kit'

/**
 * Where a rule is documented: its section of `docs/rules.md` (a test checks
 * that every rule of the catalogue has one).
 *
 * @param ruleId - The rule.
 * @returns The URL of its section.
 */
export function ruleUrl(ruleId: string): string {
  return repositoryUrl + '/blob/main/docs/rules.md#' + ruleId
}
