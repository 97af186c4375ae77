import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {embedHost, isSafeUrl} from '../../src/body/url.ts'

const web = ['http', 'https', 'mailto']

describe('isSafeUrl', () => {
  it('should allow relative URLs', () => {
    for (const url of ['', 'a.html', '/a', './a:b', '../x', '?q=a:b', '#a:b', '//host/a', 'a/b:c', 'a?b:c', 'a#b:c', '  ']) {
      assert.equal(isSafeUrl(url, web), true, url)
    }
  })

  it('should allow the listed schemes in any case, and only those', () => {
    assert.equal(isSafeUrl('https://a.example/', web), true)
    assert.equal(isSafeUrl('HTTP://a.example/', web), true)
    assert.equal(isSafeUrl('MailTo:a@b.c', web), true)
    assert.equal(isSafeUrl('ftp://a.example/', web), false)
    assert.equal(isSafeUrl('https://a.example/', ['http']), false)
    assert.equal(isSafeUrl('data:text/html,x', web), false)
    assert.equal(isSafeUrl('a:b/c', web), false)
    assert.equal(isSafeUrl(':x', web), false)
  })

  it('should read the scheme as a browser does', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:x', 'java\nscript:x', 'java\rscript:x', '\u0000javascript:x', '\u0001 javascript:x', 'javascript:x\u0000', '\t\n javascript:x', 'javascript\t:x']) {
      assert.equal(isSafeUrl(url, web), false, JSON.stringify(url))
    }
    // A colon after `/`, `?` or `#` is no scheme's, even with `/` removed around it.
    assert.equal(isSafeUrl('java/script:x', web), true)
    assert.equal(isSafeUrl('javascript:x/', web), false)
    assert.equal(isSafeUrl('javascript:x?', web), false)
    assert.equal(isSafeUrl('javascript:x#', web), false)
  })

  it('should keep characters browsers keep', () => {
    // Only ASCII tab and newlines go inside, and only C0 controls and space at the ends.
    assert.equal(isSafeUrl('java\u000bscript:x', ['javascript']), false)
    assert.equal(isSafeUrl('\u00a0javascript:x', ['javascript']), false)
    assert.equal(isSafeUrl('\u0020javascript:x\u0020', ['javascript']), true)
    assert.equal(isSafeUrl('\u001fjavascript:x', ['javascript']), true)
    assert.equal(isSafeUrl('\u0021javascript:x', ['!javascript']), true)
    assert.equal(isSafeUrl('java script:x', ['javascript']), false)
  })

  it('should read an allowed scheme through what browsers remove', () => {
    assert.equal(isSafeUrl('  \u0001https://a.example/', ['https']), true)
    assert.equal(isSafeUrl('ht\ttp\ns://a.example/', ['https']), true)
    assert.equal(isSafeUrl('https://a.example/ \u0000 ', ['https']), true)
  })
})

describe('embedHost', () => {
  it('should give the host of an http(s) or protocol-relative URL, lower case', () => {
    assert.equal(embedHost('https://www.YouTube.com/embed/x'), 'www.youtube.com')
    assert.equal(embedHost('http://a.example'), 'a.example')
    assert.equal(embedHost('HTTPS://a.example?x'), 'a.example')
    assert.equal(embedHost('//a.example#x'), 'a.example')
    assert.equal(embedHost('//a.example:8080/x'), 'a.example')
    assert.equal(embedHost(' \t//a.\nexample/x '), 'a.example')
    assert.equal(embedHost('  //a.example  '), 'a.example')
  })

  it('should give nothing for anything else', () => {
    for (const url of ['', '/a', 'a.example/x', 'ftp://a.example/', 'javascript://a.example/', '///a.example', 'https://user@a.example/', 'https://a.example:x/', 'https://a b/', 'xhttps://a.example/', 'https:/a.example']) {
      assert.equal(embedHost(url), undefined, url)
    }
  })
})
