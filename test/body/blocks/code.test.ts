import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import {code, codeFigure, languageOf} from '../../../src/body/blocks/code.ts'
import type {Context} from '../../../src/body/hast.ts'
import {parsePost, renderPost, type Block, type CodeBlock} from '../../../src/index.ts'
import {element} from './read.ts'

function blocksOf(body: string): Block[] {
  return parsePost(`---\ntitle: Code\n---\n${body}`).lead
}

function codeOf(body: string): CodeBlock {
  const block = blocksOf(body).find((item) => item.type === 'code')
  assert.ok(block, `no code block in ${body}`)
  return block as CodeBlock
}

describe('code blocks: the language', () => {
  const cases: Array<[string, string | null]> = [
    ['<pre class="bash">ls -la</pre>', 'bash'],
    ['<pre class="Erlang">io:format("hi").</pre>', 'erlang'],
    ['<pre class="brush: java;">class A {}</pre>', 'java'],
    ['<pre class="brush:js; gutter: false">let a</pre>', 'js'],
    ['<pre class="brush: C#; toolbar: false;">var a;</pre>', 'c#'],
    ['<pre><code class="language-python">print(1)</code></pre>', 'python'],
    ['<pre class="line-numbers language-TypeScript"><code>let a: number</code></pre>', 'typescript'],
    ['<pre class="prettyprint lang-go">package main</pre>', 'go'],
    ['<div class="highlight highlight-source-shell"><pre>echo hi</pre></div>', null],
    ['<pre class="highlight-source-shell">echo hi</pre>', 'shell'],
    ['<pre><code class="hljs rust">fn main() {}</code></pre>', 'rust'],
    ['<pre><code class="sql hljs">select 1</code></pre>', 'sql'],
    ['<pre><code data-lang="ruby">puts 1</code></pre>', 'ruby'],
    ['<pre data-ke-type="codeblock" data-ke-language="Kotlin"><code>val a = 1</code></pre>', 'kotlin'],
    ['<pre class="highlight"><code>plain</code></pre>', null],
    ['<pre class="hljs prettyprint notranslate"><code class="code">plain</code></pre>', null],
    ['<pre class="language-none">raw</pre>', null],
    ['<pre><code class="nohighlight bash">raw</code></pre>', null],
    ['<pre class="brush: x<y;">z</pre>', null],
    ['<pre>no class</pre>', null]
  ]
  for (const [body, language] of cases) {
    it(`should read ${JSON.stringify(language)} from ${body}`, () => {
      assert.equal(codeOf(body).language, language)
    })
  }

  it('should prefer the <pre>’s own marker to its <code>’s', () => {
    assert.equal(codeOf('<pre class="lang-c"><code class="language-cpp">int a;</code></pre>').language, 'c')
  })
})

describe('code figures (Octopress, Jekyll)', () => {
  const octopress =
    '<figure class="code"><figcaption><span>greet.rb</span><a href="https://example.com/greet.rb">link</a></figcaption>' +
    '<div class="highlight"><table><tr><td class="gutter"><pre class="line-numbers"><span class="line-number">1</span>\n<span class="line-number">2</span>\n</pre></td>' +
    "<td class=\"code\"><pre><code class=\"ruby\"><span class=\"line\"><span class=\"k\">def</span> greet</span>\n<span class=\"line\">  puts 'hi'</span>\n</code></pre></td></tr></table></div></figure>"

  it('should read an Octopress figure.code as code with its language, without the gutter', () => {
    const block = codeOf(octopress)
    assert.equal(block.language, 'ruby')
    assert.equal(block.code, "def greet\n  puts 'hi'\n")
    assert.equal(block.text, "greet.rb link\ndef greet\n  puts 'hi'\n")
    assert.doesNotMatch(block.code, /^1/)
  })

  it('should read a Jekyll figure.highlight with a Rouge gutter table', () => {
    const block = codeOf(
      '<figure class="highlight"><pre><code class="language-js" data-lang="js"><table class="rouge-table"><tbody><tr>' +
        '<td class="gutter gl"><pre class="lineno">1\n2\n</pre></td><td class="code"><pre>let a = 1\nlet b = 2\n</pre></td></tr></tbody></table></code></pre></figure>'
    )
    assert.equal(block.language, 'js')
    assert.equal(block.code, 'let a = 1\nlet b = 2\n')
    assert.equal(block.text, block.code)
  })

  it('should keep an image figure with a class a figure', () => {
    const article = parsePost('---\ntitle: Code\n---\n<h2>A</h2><p>a</p><figure class="highlight"><img src="a.png" alt="a"><figcaption>A</figcaption></figure>')
    assert.equal(article.sections[0]?.blocks[1]?.type, 'figure')
    assert.equal(blocksOf('<figure class="code"><figcaption>No code</figcaption></figure>')[0]?.type, 'figure')
  })

  it('should round-trip the figure byte for byte', () => {
    const raw = `---\ntitle: Code\n---\n${octopress}\n`
    assert.equal(renderPost(parsePost(raw)), raw)
  })
})

describe('code blocks: rendering the language', () => {
  for (const language of ['python', 'c++', 'c#', 'objectivec']) {
    it(`should render a hand-built ${language} block and read it back`, () => {
      const article = parsePost('---\ntitle: Code\n---\n<p>a</p>\n')
      article.lead.push({type: 'code', text: 'x = 1', code: 'x = 1', language})
      const html = renderPost(article)
      assert.match(html, new RegExp(`<code class="language-${language.replace(/[+]/g, '\\+')}">`))
      const again = parsePost(html).lead.find((block) => block.type === 'code') as CodeBlock
      assert.equal(again.language, language)
      assert.equal(again.code, 'x = 1')
    })
  }

  it('should render no class for a block without a language', () => {
    const article = parsePost('---\ntitle: Code\n---\n<p>a</p>\n')
    article.lead.push({type: 'code', text: 'x', code: 'x', language: null})
    assert.match(renderPost(article), /<pre data-ke-type="codeblock"><code>x<\/code><\/pre>/)
  })
})

/** The first element of a body as the parser reads it, with positions. */
const context: Context = {body: '', isDirty: () => false}

describe('languageOf', () => {
  const of = (body: string) => languageOf(element(body))

  it('should read data-ke-language, then data-lang, then data-language, before any class', () => {
    assert.equal(of('<pre data-ke-language="A" data-lang="b" data-language="c" class="language-d">'), 'a')
    assert.equal(of('<pre data-lang="B" data-language="c" class="language-d">'), 'b')
    assert.equal(of('<pre data-language=" C " class="language-d">'), 'c')
  })

  it('should pass over an attribute that names no language to the next one', () => {
    assert.equal(of('<pre data-ke-language="" data-lang="go">'), 'go')
    assert.equal(of('<pre data-ke-language="  " data-language="go">'), 'go')
    assert.equal(of('<pre data-lang="a b" class="lang-go">'), 'go')
    assert.equal(of('<pre data-lang="-x" class="bash">'), 'bash')
  })

  it('should read none, nohighlight and no-highlight as no language, in any case', () => {
    for (const name of ['none', 'NoHighlight', 'no-highlight']) {
      assert.equal(of(`<pre data-lang="${name}" class="bash">`), null, name)
      assert.equal(of(`<pre class="${name}">`), null, name)
      assert.equal(of(`<pre class="language-${name}">`), null, name)
      assert.equal(of(`<pre class="brush: ${name}">`), null, name)
    }
  })

  it('should say nothing for an element without attributes or classes', () => {
    assert.equal(of('<pre>'), undefined)
    assert.equal(of('<pre class="">'), undefined)
    assert.equal(of('<pre class="highlight hljs prettyprint line-numbers code">'), undefined)
    assert.equal(of('<pre class="language-">'), undefined)
  })

  it('should read SyntaxHighlighter’s brush at the start, after white space or a semicolon, in any case', () => {
    assert.equal(of('<pre class="brush:js">'), 'js')
    assert.equal(of('<pre class="BRUSH : PHP ; gutter: false">'), 'php')
    assert.equal(of('<pre class="toolbar:false;brush:ruby">'), 'ruby')
    assert.equal(of('<pre class="gutter:false; brush:\tperl">'), 'perl')
    assert.equal(of('<pre class="brush: go;">'), 'go')
    assert.equal(of('<pre class="brush : foo">'), 'foo', 'white space before the colon, a name no bare class would give')
  })

  it('should not read a brush inside another word, and then read the classes', () => {
    assert.equal(of('<pre class="hairbrush:js">'), undefined)
    assert.equal(of('<pre class="xbrush:js lang-go">'), 'go')
  })

  it('should read the brush before language- and bare classes', () => {
    assert.equal(of('<pre class="lang-go brush:js">'), 'js')
    assert.equal(of('<pre class="bash brush:js">'), 'js')
  })

  it('should read language-, lang- and highlight-source- classes in any case, the first that matches', () => {
    assert.equal(of('<pre class="Language-Python">'), 'python')
    assert.equal(of('<pre class="LANG-GO">'), 'go')
    assert.equal(of('<pre class="highlight-source-js">'), 'js')
    assert.equal(of('<pre class="x lang-go language-c">'), 'go')
    assert.equal(of('<pre class="bash lang-go">'), 'go', 'a prefixed class before a bare one')
  })

  it('should read GitHub’s highlight-text- classes by their first word', () => {
    assert.equal(of('<pre class="highlight-text-html-basic">'), 'html')
    assert.equal(of('<pre class="HIGHLIGHT-TEXT-XML">'), 'xml')
    assert.equal(of('<pre class="x-highlight-text-xml">'), undefined)
  })

  it('should not read a prefix in the middle of a class', () => {
    assert.equal(of('<pre class="mylanguage-go">'), undefined)
    assert.equal(of('<pre class="x-lang-go">'), undefined)
  })

  it('should take a bare class only when it is a language name, in any case', () => {
    for (const name of ['abap', 'bash', 'C++', 'c#', 'Python3', 'zsh', 'yml', 'objectivec', 'x86asm']) {
      assert.equal(of(`<pre class="${name}">`), name.toLowerCase(), name)
    }
    assert.equal(of('<pre class="wrapper highlight">'), undefined)
    assert.equal(of('<pre class="hljs java">'), 'java')
  })

  it('should read a language name of letters, digits and _ # + . -, not starting with a sign', () => {
    assert.equal(of('<pre class="language-objective-c">'), 'objective-c')
    assert.equal(of('<pre class="lang-f#">'), 'f#')
    assert.equal(of('<pre class="lang-c++">'), 'c++')
    assert.equal(of('<pre class="lang-asp.net">'), 'asp.net')
    assert.equal(of('<pre class="lang-_x">'), '_x')
    assert.equal(of('<pre class="lang-9x">'), '9x')
    assert.equal(of('<pre class="lang-a_b">'), 'a_b')
    assert.equal(of('<pre class="lang-.x">'), undefined)
    assert.equal(of('<pre class="lang-#x">'), undefined)
    assert.equal(of('<pre class="lang-x/y">'), undefined)
    assert.equal(of('<pre class="lang-x<y">'), undefined)
    assert.equal(of('<pre data-lang="x y">'), undefined)
    assert.equal(of('<pre data-lang="x\ny">'), undefined)
  })

  it('should read a class list that is not an array as no class (a hand-built element)', () => {
    // Cast: hast types `className` as a list; a hand-built element may hold a string.
    const node = {type: 'element', tagName: 'pre', properties: {className: 'bash'}, children: []} as unknown as Element
    assert.equal(languageOf(node), undefined)
  })

  it('should read the classes as strings, leaving empty ones out', () => {
    const node: Element = {type: 'element', tagName: 'pre', properties: {className: ['', 'bash']}, children: []}
    assert.equal(languageOf(node), 'bash')
    const numbers: Element = {type: 'element', tagName: 'pre', properties: {className: [0, 5] as unknown as string[]}, children: []}
    assert.equal(languageOf(numbers), undefined)
  })
})

describe('code', () => {
  it('should read a <pre> as code, white space kept, with its language', () => {
    const node = element('<pre class="lang-py">  a\n\tb  \n</pre>')
    assert.deepEqual(code(context, node), {type: 'code', text: '  a\n\tb  \n', code: '  a\n\tb  \n', language: 'py'})
  })

  it('should take the language from the <pre> itself, then its <code>', () => {
    assert.equal(code(context, element('<pre><code class="language-go">x</code></pre>')).language, 'go')
    assert.equal(code(context, element('<pre class="lang-c"><code class="language-go">x</code></pre>')).language, 'c')
    assert.equal(code(context, element('<pre><span><code class="language-go">x</code></span></pre>')).language, 'go')
    assert.equal(code(context, element('<pre><code>x</code></pre>')).language, null)
  })

  it('should read a <pre>’s language on its own <code>, not on a <pre> nested deeper', () => {
    assert.equal(code(context, element('<pre><code class="lang-a">x</code><div><pre class="lang-b">y</pre></div></pre>')).language, 'a')
    assert.equal(code(context, element('<pre>x<div><pre><code class="lang-b">y</code></pre></div></pre>')).language, 'b', 'the first <code> inside it, however deep')
  })

  it('should let the <pre> say there is no language before its <code> says one', () => {
    assert.equal(code(context, element('<pre class="nohighlight"><code class="language-go">x</code></pre>')).language, null)
  })

  it('should read only the code cell of a gutter table, and its language first', () => {
    const body =
      '<pre><table><tbody><tr><td class="gutter"><pre>1\n2</pre></td>' +
      '<td class="rouge-code"><pre class="lang-b"><code class="language-c">x\ny</code></pre></td></tr></tbody></table></pre>'
    assert.deepEqual(code(context, element(body)), {type: 'code', text: 'x\ny', code: 'x\ny', language: 'b'})
  })

  it('should keep the white space of a code cell without a <pre>', () => {
    const body = '<pre><table><tbody><tr><td class="code"><code>a  b\n  c</code></td></tr></tbody></table></pre>'
    assert.equal(code(context, element(body)).code, 'a  b\n  c')
  })

  it('should read the <pre> of the code cell, not what lies beside it', () => {
    const body = '<pre><table><tbody><tr><td class="code">note<pre>x</pre></td></tr></tbody></table></pre>'
    assert.equal(code(context, element(body)).code, 'x')
  })

  it('should read a code cell without a <pre> as its own text, and the <code> inside it', () => {
    const body = '<pre><table><tbody><tr><td class="gutter">1</td><td class="code"><code class="language-c">x y</code></td></tr></tbody></table></pre>'
    assert.deepEqual(code(context, element(body)), {type: 'code', text: 'x y', code: 'x y', language: 'c'})
  })

  it('should take the element’s own language first, then the code cell’s, then its <pre>’s', () => {
    const cell = '<table><tbody><tr><td class="code"><pre class="lang-b">x</pre></td></tr></tbody></table>'
    assert.equal(code(context, element(`<pre class="lang-a">${cell}</pre>`)).language, 'a')
    assert.equal(code(context, element(`<div><pre class="lang-z">${cell}</pre></div>`)).language, 'b')
  })

  it('should fall back to the element’s own <pre> and <code> when the code cell names no language', () => {
    const body = '<div class="x"><pre class="lang-z"><table><tbody><tr><td class="code"><pre>x</pre></td></tr></tbody></table></pre></div>'
    assert.deepEqual(code(context, element(body)), {type: 'code', text: 'x', code: 'x', language: 'z'})
  })

  it('should not take a <th> or a cell of another class for the code cell', () => {
    const body = '<pre><table><tbody><tr><th class="code">h</th><td class="gutter">1</td><td class="x">y</td></tr></tbody></table></pre>'
    const node = element(body)
    assert.equal(code(context, node).code, toText(node, {whitespace: 'pre'}))
  })

  it('should take the first code cell, breadth first', () => {
    const body =
      '<pre><table><tbody><tr><td class="x"><table><tbody><tr><td class="code">deep</td></tr></tbody></table></td></tr>' +
      '<tr><td class="code">near</td></tr></tbody></table></pre>'
    // Breadth first: the outer table's second row is at depth 4, the nested cell at depth 7.
    assert.equal(code(context, element(body)).code, 'near')
  })

  it('should look past comments and texts while searching for the code cell', () => {
    const body = '<pre>a<!--c--><table><tbody><tr><td class="code">x</td></tr></tbody></table></pre>'
    assert.equal(code(context, element(body)).code, 'x')
  })
})

describe('codeFigure', () => {
  it('should read figure.code and figure.highlight, nothing else', () => {
    const inner = '<pre><code class="language-js">let a</code></pre>'
    assert.deepEqual(codeFigure(element(`<figure class="code">${inner}</figure>`)), {type: 'code', text: 'let a', code: 'let a', language: 'js'})
    assert.deepEqual(codeFigure(element(`<figure class="x highlight">${inner}</figure>`)), {type: 'code', text: 'let a', code: 'let a', language: 'js'})
    assert.equal(codeFigure(element(`<figure class="highlighted">${inner}</figure>`)), undefined)
    assert.equal(codeFigure(element(`<figure>${inner}</figure>`)), undefined)
  })

  it('should refuse a figure without a <pre>, or with an image', () => {
    assert.equal(codeFigure(element('<figure class="code"><code>x</code></figure>')), undefined)
    assert.equal(codeFigure(element('<figure class="code"><pre>x</pre><p><img src="a.png"></p></figure>')), undefined)
  })

  it('should put the caption on a line of its own before the code, its parts one space apart', () => {
    const block = codeFigure(element('<figure class="code"><figcaption><span>a.rb</span><span> </span><a href="x">link</a></figcaption><pre>x</pre></figure>'))
    assert.deepEqual(block, {type: 'code', text: 'a.rb link\nx', code: 'x', language: null})
  })

  it('should read the code of the <pre> alone when there is no gutter table: no caption, no white space around it', () => {
    const block = codeFigure(element('<figure class="code">\n<figcaption><span>a.rb</span></figcaption>\n<pre>x\n</pre>\n</figure>'))
    assert.deepEqual(block, {type: 'code', text: 'a.rb\nx\n', code: 'x\n', language: null})
    const jekyll = codeFigure(element('<figure class="highlight">\n<pre><code class="language-js">x</code></pre>\n</figure>'))
    assert.deepEqual(jekyll, {type: 'code', text: 'x', code: 'x', language: 'js'})
  })

  it('should read an empty caption as none', () => {
    const block = codeFigure(element('<figure class="code"><figcaption> </figcaption><pre>x</pre></figure>'))
    assert.deepEqual(block, {type: 'code', text: 'x', code: 'x', language: null})
  })

  it('should read the language from the figure, then the code cell, then the <pre>', () => {
    assert.equal(codeFigure(element('<figure class="code" data-lang="a"><pre class="lang-b">x</pre></figure>'))?.language, 'a')
    assert.equal(codeFigure(element('<figure class="code"><div><pre class="lang-b"><code class="lang-c">x</code></pre></div></figure>'))?.language, 'b')
    assert.equal(codeFigure(element('<figure class="code"><div><pre><code class="lang-c">x</code></pre></div></figure>'))?.language, 'c')
  })
})
