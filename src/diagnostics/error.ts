import type {Message, Position} from '../types.ts'

/**
 * The only error article-kit throws (besides `TypeError` for a non-string
 * argument): carries the first fatal message's fields, every message so
 * far, and the dependency error, if any, in `cause`.
 *
 * @example
 * try {
 *   parsePost('---\ntitle: "open\n---\n', {strict: true})
 * } catch (error) {
 *   if (error instanceof ArticleError) console.log(error.code, error.line)
 *   //=> 'front-matter-yaml' 2
 * }
 */
export class ArticleError extends Error {
  override name = 'ArticleError'
  /** Stable code: the `ruleId` of the message that caused it. */
  readonly code: string
  readonly ruleId: string
  readonly reason: string
  readonly line: number
  readonly column: number
  readonly place: Position
  readonly source = 'article-kit' as const
  readonly fatal = true
  readonly note: string | undefined
  readonly url: string | undefined
  /** Every message collected before the error was thrown, this one included. */
  readonly messages: Message[]

  /**
   * @param message - The fatal message.
   * @param messages - All messages so far.
   * @param cause - The dependency error behind it, if any.
   */
  constructor(message: Message, messages: Message[], cause?: unknown) {
    super(`${message.line}:${message.column}: ${message.reason} [${message.ruleId}]`, cause === undefined ? undefined : {cause})
    this.code = message.ruleId
    this.ruleId = message.ruleId
    this.reason = message.reason
    this.line = message.line
    this.column = message.column
    this.place = message.place
    this.note = message.note
    this.url = message.url
    this.messages = messages
  }
}
