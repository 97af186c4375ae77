import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderPost, type Block, type CodeBlock} from '../../src/index.ts'

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
