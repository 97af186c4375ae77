import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import type {CodeBlock} from '../../types.ts'
import {findElement, stringProperty, textOf, type Context} from '../hast.ts'

/**
 * `<pre>`, with the language its highlighter left on it or on its `<code>`
 * (see {@link languageOf}), and without a line-number gutter.
 */
export function code(_context: Context, node: Element): Omit<CodeBlock, 'position' | 'source'> {
  const code = codeText(node)
  return {type: 'code', text: code, code, language: languageIn(node)}
}

/**
 * A code figure: Octopress's `figure.code` and Jekyll's `figure.highlight`
 * (a caption, then a table of a line-number gutter and the code). The code
 * block's `code` has neither caption nor gutter; its `text` starts with the
 * caption, on a line of its own, when there is one.
 *
 * @returns The code block, or undefined when the figure is not one.
 */
export function codeFigure(node: Element): Omit<CodeBlock, 'position' | 'source'> | undefined {
  if (!hasClass(node, 'code') && !hasClass(node, 'highlight')) return undefined
  const pre = findElement(node, 'pre')
  if (!pre || findElement(node, 'img')) return undefined
  // Without a gutter table the code is the `<pre>`'s: the figure's own text holds the caption and the white space around.
  const code = codeText(findBy(node, isCodeCell) ? node : pre)
  const figcaption = findElement(node, 'figcaption')
  // Octopress writes the file name and its link side by side (`<span>a.rb</span><a>link</a>`): one space between.
  const caption = figcaption ? figcaption.children.map((child) => textOf(child)).filter(Boolean).join(' ') : ''
  return {type: 'code', text: caption ? `${caption}\n${code}` : code, code, language: languageIn(node)}
}

/** The language of a code block: on the element itself, then on the `<pre>` and `<code>` inside it, or null. */
function languageIn(node: Element): string | null {
  const candidates = [node]
  const codeCell = findBy(node, isCodeCell)
  for (const scope of codeCell ? [codeCell, node] : [node]) {
    const pre = scope.tagName === 'pre' ? undefined : findElement(scope, 'pre')
    if (pre) candidates.push(pre)
    const inner = findElement(pre ?? scope, 'code')
    if (inner) candidates.push(inner)
  }
  for (const candidate of candidates) {
    const language = languageOf(candidate)
    if (language !== undefined) return language
  }
  return null
}

/**
 * The language an element's attributes name, lower case: `data-ke-language`
 * (Tistory), `data-lang` (Jekyll, Hugo), `data-language`, then its classes:
 * `language-x` (HTML's own convention, Prism, highlight.js, markdown-it),
 * `lang-x` (Prettify, marked), `highlight-source-x` (GitHub),
 * `brush: x;` (SyntaxHighlighter), or a bare class that is a language name
 * (`class="bash"`, `class="hljs java"`). Classes that only style
 * (`highlight`, `hljs`, `prettyprint`, `line-numbers`, …) name none, and
 * neither do `none`, `nohighlight` and `no-highlight`.
 *
 * @returns The language, null when the element says there is none, undefined when it does not say.
 */
export function languageOf(node: Element): string | null | undefined {
  for (const key of ['dataKeLanguage', 'dataLang', 'dataLanguage']) {
    const value = clean(stringProperty(node, key))
    if (value !== undefined) return value
  }
  const value = node.properties['className']
  const classes = Array.isArray(value) ? value.map(String).filter(Boolean) : []
  if (classes.length === 0) return undefined
  const brush = /(?:^|[\s;])brush\s*:\s*([^\s;]+)/i.exec(classes.join(' '))
  if (brush) return clean(brush[1])
  for (const name of classes) {
    const match = /^(?:language|lang|highlight-source)-(.+)$/i.exec(name) ?? /^highlight-text-([a-z0-9]+)/i.exec(name)
    if (match) return clean(match[1])
  }
  for (const name of classes) {
    const lower = name.toLowerCase()
    if (none.has(lower)) return null
    if (languages.has(lower)) return lower
  }
  return undefined
}

/** A language name as read: lower case, or null for "no language", or undefined when it is no name at all. */
function clean(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined
  const lower = value.trim().toLowerCase()
  if (lower === '') return undefined
  if (none.has(lower)) return null
  return /^[a-z0-9_][\w#+.-]*$/.test(lower) ? lower : undefined
}

const none = new Set(['none', 'nohighlight', 'no-highlight'])

/**
 * Language names and aliases of highlight.js, Prism, Rouge, Pygments and
 * SyntaxHighlighter that are taken from a bare class. Only names that are
 * no common styling class are here.
 */
const languages = new Set(
  (
    'abap actionscript as3 ada apache apacheconf applescript arduino armasm asciidoc asm aspx autohotkey awk ' +
    'bash basic bat batch bf brainfuck c c# c++ cc cfg clj clojure cmake cmd cobol coffee coffeescript conf console cpp cr crystal cs csharp css csv cxx ' +
    'd dart delphi diff django docker dockerfile dos dotnet elisp elixir elm erb erl erlang ex exs f# fish fortran fs fsharp ' +
    'gherkin glsl go golang gradle graphql groovy h haml handlebars haskell hbs hcl hpp hs html http ini jade java javascript jinja jl js json json5 jsonc jsx julia ' +
    'kotlin kt latex less lisp liquid lua makefile markdown matlab md mysql nasm nginx nim nix objc objectivec obj-c ocaml octave pas pascal patch perl pgsql php pl plaintext plsql postgresql powershell prolog proto protobuf ps ps1 psql pug puppet py python python3 ' +
    'r racket rb reasonml rs rst ruby rust sass scala scheme scss sh shell shellsession smalltalk sol solidity sql stylus svelte swift tcl terraform tex tf toml ts tsx twig txt typescript ' +
    'vb vbnet vbscript verilog vhdl vim viml vue wasm x86asm xhtml xml xquery yaml yml zig zsh'
  ).split(' ')
)

/** The code, as text: the code cell of a gutter table when there is one, so line numbers stay out. */
function codeText(node: Element): string {
  const cell = findBy(node, isCodeCell)
  if (cell) return toText(findElement(cell, 'pre') ?? cell, {whitespace: 'pre'})
  return toText(node, {whitespace: 'pre'})
}

/** The code column of a highlighter's gutter table (`td.code` in Octopress and Rouge, `td.rouge-code`, Pygments' `td.code`). */
function isCodeCell(node: Element): boolean {
  return node.tagName === 'td' && (hasClass(node, 'code') || hasClass(node, 'rouge-code'))
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties['className']
  return Array.isArray(value) && value.includes(name)
}

/** The first descendant element that passes a test (breadth-first, iterative). */
function findBy(node: Element, test: (element: Element) => boolean): Element | undefined {
  const queue: Element[] = [node]
  for (let index = 0; index < queue.length; index++) {
    for (const child of queue[index]!.children) {
      if (child.type !== 'element') continue
      if (test(child)) return child
      queue.push(child)
    }
  }
  return undefined
}
