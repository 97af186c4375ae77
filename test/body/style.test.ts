import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import * as api from '../../src/body/style.ts'
import {defaultStyleProperties, isSafeStyle, sanitizeStyle} from '../../src/body/style.ts'
import type {StyleRemoval} from '../../src/body/style.ts'

/** The reasons (and properties) of what `sanitizeStyle` removed. */
function reasons(value: string): Array<[string, StyleRemoval['reason']]> {
  return sanitizeStyle(value).removed.map((removal) => [removal.property, removal.reason])
}

/** Assert `value` is kept byte for byte by both functions. */
function assertKept(value: string, options?: api.StyleOptions | null): void {
  assert.deepEqual(sanitizeStyle(value, options), {value, removed: []})
  assert.equal(isSafeStyle(value, options), true)
}

describe('style module', () => {
  it('should expose the public api', () => {
    assert.deepEqual(Object.keys(api).sort(), ['defaultStyleProperties', 'isSafeStyle', 'sanitizeStyle'])
  })
})

describe('defaultStyleProperties', () => {
  it('should be frozen and lower case', () => {
    assert.ok(Object.isFrozen(defaultStyleProperties))
    for (const name of defaultStyleProperties) assert.equal(name, name.toLowerCase())
  })

  it('should be exactly the documented allow-list, each one kept with a plain value', () => {
    // The allow-list is a security boundary: any change to it must show up here.
    const sides = ['top', 'right', 'bottom', 'left'].flatMap((side) => [`border-${side}-width`, `border-${side}-style`, `border-${side}-color`])
    const expected = [
      'color', 'background-color', 'background', 'text-align', 'text-decoration', 'text-decoration-line',
      'text-decoration-color', 'text-decoration-style', 'text-decoration-thickness', 'text-indent', 'text-transform',
      'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-stretch', 'font-variant', 'font-variant-caps',
      'font-variant-east-asian', 'font-variant-ligatures', 'font-variant-numeric', 'line-height', 'letter-spacing',
      'word-spacing', 'word-break', 'word-wrap', 'overflow-wrap', 'white-space', 'vertical-align',
      'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height',
      'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
      'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
      'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-width', 'border-style', 'border-color',
      ...sides,
      'border-collapse', 'border-spacing', 'border-radius', 'border-top-left-radius', 'border-top-right-radius',
      'border-bottom-right-radius', 'border-bottom-left-radius', 'list-style-type', 'float', 'clear', 'display',
      'box-sizing', 'direction', 'overflow', 'overflow-x', 'overflow-y', 'list-style', 'list-style-position',
      'table-layout', 'orphans', 'widows', 'text-autospace', '-webkit-text-stroke', '-webkit-text-stroke-width',
      '-webkit-text-stroke-color', 'background-attachment', 'background-clip', 'background-image', 'background-origin',
      'background-position', 'background-repeat', 'background-size', 'position', 'visibility'
    ]
    assert.deepEqual([...defaultStyleProperties].sort(), [...expected].sort())
    assert.equal(new Set(defaultStyleProperties).size, defaultStyleProperties.length)
    const only: Record<string, string> = {display: 'block', position: 'static', visibility: 'visible'}
    for (const name of expected) assertKept(`${name}: ${only[name] ?? 'inherit'}`)
  })

  it('should contain what real posts use and nothing that can overlay the page', () => {
    for (const name of ['color', 'background-color', 'text-align', 'height', 'width', 'border',
      'border-collapse', 'margin', 'font-size', 'font-family', 'line-height', 'font-weight', 'box-sizing', 'padding']) {
      assert.ok(defaultStyleProperties.includes(name), name)
    }

    for (const name of ['z-index', 'content', 'opacity', 'top', 'left', 'inset', 'cursor', 'transform', 'list-style-image']) {
      assert.ok(!defaultStyleProperties.includes(name), name)
    }
  })
})

describe('sanitizeStyle', () => {
  describe('real posts', () => {
    for (const value of [
      'text-align: center; height: 17px;',
      'color: #333333;',
      'background-color: rgb(255, 255, 255);',
      'width: 100%; border-collapse: collapse; border: 1px solid #000000;',
      'border: 0px; height: 1px; margin: 0px;',
      'font-family: "libre baskerville", serif; font-weight: normal; line-height: 1.4; margin: 0.2rem 0px 0.5rem; padding: 0px;',
      "font-family: 'Noto Serif KR';",
      'padding: 0 6px; white-space: pre; line-height: 130%;',
      'background-color: #21538527;',
      'margin: 0; padding: 0; word-break: normal; text-align: right; color: #666; font-family: Consolas, \'Liberation Mono\', Menlo, Courier, monospace !important; line-height: 130%;',
      'text-align: right; margin-top: -13px; margin-right: 5px; font-size: 9px; font-style: italic;',
      'font-size: 11pt; line-height: normal; margin: 0in 0in 0.0001pt;',
      'background-color: white; color: #999999; font-family: "varela round" , sans-serif;',
      'width:425px;text-align:left',
      'white-space: pre-wrap; word-wrap: break-word;',
      'clear: left; float: left; margin-bottom: 1em; margin-right: 1em;',
      'color: #0066B3; font-weight:  bold; line-height: 180%; text-decoration: underline;',
      'font-size: 9px; word-break: normal; background-color: #e5e5e5; color: white; border-radius: 10px; padding: 1px;'
    ]) {
      it(`should keep \`${value.slice(0, 60)}\` byte for byte`, () => {
        assertKept(value)
      })
    }
  })

  describe('values', () => {
    it('should keep `!important` on a safe declaration', () => {
      assertKept('color: red !important')
      assertKept('color:red!important;')
      assertKept('color: red ! IMPORTANT ;')
    })

    it('should keep allowed functions, including nested `calc()`', () => {
      assertKept('width: calc(100% - (2 * 10px)); color: hsla(120, 50%, 50%, .5); background: rgb(0 0 0 / 50%)')
    })

    it('should keep `font` shorthands with a slash and quoted names', () => {
      assertKept('font: italic bold 12px/1.5 "Helvetica Neue", Arial, sans-serif')
    })

    it('should keep non-ASCII font names, quoted or not', () => {
      assertKept('font-family: "맑은 고딕", 나눔고딕, sans-serif')
    })

    it('should keep plain `background` colours and keywords', () => {
      assertKept('background: transparent; background: #fff no-repeat')
    })

    it('should keep flow `display` values only', () => {
      assertKept('display: inline-block; display: TABLE-CELL !important')
      assert.deepEqual(reasons('display: none'), [['display', 'value']])
      assert.deepEqual(reasons('display: flex'), [['display', 'value']])
    })

    it('should drop `url()` in `background`', () => {
      assert.deepEqual(sanitizeStyle('background:url(javascript:alert(1))'), {
        value: '',
        removed: [{property: 'background', declaration: 'background:url(javascript:alert(1))', reason: 'value', offset: 0}]
      })
    })

    it('should drop `url()` with white space before the parenthesis, or in a property that is no background', () => {
      assert.deepEqual(reasons('background: url (x.png); border: Url("x"); color: URL(x.png)'), [
        ['background', 'value'], ['border', 'value'], ['color', 'value']
      ])
    })

    describe('an image `url()` in `background` and `background-image` (the image rule)', () => {
      it('should keep one http(s), protocol-relative, relative or empty URL, quoted or not, in any case', () => {
        assertKept("background-image: url('https://scrap.kakaocdn.net/dn/a/img.png'); background-image: url()")
        assertKept('background:url(http://picasaweb.google.com/f/img/transparent.gif) no-repeat; background: URL( "//cdn.example/a.png" )')
        assertKept('background: rgb(1, 2, 3) url(../a.png) no-repeat 0 0 !important; background-image: url("")')
      })

      it('should drop other schemes, as `<img src>` does: `javascript:`, `data:`, `vbscript:`', () => {
        assert.deepEqual(reasons('background: url(javascript:alert(1)); background-image: url("javascript:alert(1)"); background: url(data:image/png,AAAA); background: url(vbscript:x); background: url( java\tscript:x)'), [
          ['background', 'value'], ['background-image', 'value'], ['background', 'value'], ['background', 'value'], ['background', 'value']
        ])
      })

      it('should drop a second `url()`, a nested one, one inside another function, and `image-set()`', () => {
        assert.deepEqual(reasons('background: url(a.png), url(b.png); background: url(a.png) url(b.png); background: url(url(a)); background: calc(url(a)); background: image-set(url(a.png) 1x)'), [
          ['background', 'value'], ['background', 'value'], ['background', 'value'], ['background', 'value'], ['background', 'value']
        ])
      })

      it('should drop escapes, unbalanced quotes, white space, parentheses or `;` inside, and `expression()` beside', () => {
        assert.deepEqual(reasons('background: url(a\\29 b)'), [['background', 'syntax']])
        assert.deepEqual(reasons("background: url('a.png\")"), [['background', 'syntax']])
        assert.deepEqual(reasons('background: url("a.png\')'), [['background', 'syntax']])
        assert.deepEqual(reasons('background: url(a b.png); background: url("a(b).png"); background: url("a;b"); background: url(a.png) expression(alert(1))'), [
          ['background', 'value'], ['background', 'value'], ['background', 'value'], ['background', 'value']
        ])
      })

      it('should keep only the background when a declaration after it would overlay the page', () => {
        assert.deepEqual(sanitizeStyle('background: url("x" ) ; position:fixed'), {
          value: 'background: url("x" )',
          removed: [{property: 'position', declaration: 'position:fixed', reason: 'value', offset: 24}]
        })
      })

      it('should drop `url()` in every other property that loads or runs', () => {
        assert.deepEqual(reasons('list-style-image: url(a.png); list-style: url(a.png); cursor: url(a.png), auto; content: url(a.png); mask: url(a.png); border-image: url(a.png); filter: url(#a); behavior: url(a.htc); background-color: url(a.png)').map(([property, reason]) => `${property}:${reason}`), [
          'list-style-image:property', 'list-style:value', 'cursor:property', 'content:property', 'mask:property', 'border-image:property', 'filter:property', 'behavior:property', 'background-color:value'
        ])
      })
    })

    it('should drop IE `expression()`', () => {
      assert.deepEqual(reasons('width: expression(alert(1)); width: EXPRESSION (alert(1))'), [['width', 'value'], ['width', 'value']])
    })

    it('should drop functions outside the allow-list', () => {
      assert.deepEqual(reasons(
        'color: var(--x); width: attr(x); background: image-set("a.png" 1x); background: -webkit-image-set(a 1x); ' +
        'background: element(#a); background: linear-gradient(red, blue); width: calc(var(--x))'
      ), [
        ['color', 'value'], ['width', 'value'], ['background', 'value'], ['background', 'value'],
        ['background', 'value'], ['background', 'value'], ['width', 'value']
      ])
    })

    it('should drop `@import`, `javascript:`, angle brackets and binding words in values', () => {
      assert.deepEqual(reasons('color: @import; color: javascript:x; font-family: "</style><script>"; color: behavior; color: -moz-binding'), [
        ['color', 'value'], ['color', 'value'], ['font-family', 'value'], ['color', 'value'], ['color', 'value']
      ])
    })

    it('should allow quoted strings only in `font` and `font-family`', () => {
      assert.deepEqual(reasons('color: "red"; list-style-type: "→"'), [['color', 'value'], ['list-style-type', 'value']])
    })

    it('should drop full-width look-alikes and other non-ASCII words outside font names', () => {
      assert.deepEqual(reasons('background: ｕｒｌ（x）; color: rеd'), [['background', 'value'], ['color', 'value']])
    })

    it('should keep malformed but inert colours (the browser drops them, nothing loads)', () => {
      // A hash token that is no colour, and two declarations missing their `;`: invalid, so ignored by the browser.
      assertKept('color: #12345; color: #e5e5e5text-decoration:none; border: 1px solid #ee2323;')
    })

    it('should drop empty values and misplaced `!important`', () => {
      assert.deepEqual(reasons('color: ; color: !important; color: red !important blue; color: #'), [
        ['color', 'value'], ['color', 'value'], ['color', 'value'], ['color', 'value']
      ])
    })

    it('should keep a run of plain words without a colon, which is no declaration', () => {
      assertKept('ee2323;')
      assertKept('ee2323;color:#ee2323;')
      assert.deepEqual(reasons('ee2323 url(x); "a"; a(b)'), [['', 'syntax'], ['', 'syntax'], ['', 'syntax']])
      // The whole text must be plain words, not only its end or start.
      assert.deepEqual(reasons('(x) red; "a" b; red (x); colé'), [['', 'syntax'], ['', 'syntax'], ['', 'syntax'], ['', 'syntax']])
    })

    it('should keep every flow `display` value', () => {
      for (const value of ['inline', 'block', 'inline-block', 'list-item', 'table', 'inline-table', 'table-row',
        'table-cell', 'table-caption', 'table-column', 'table-column-group', 'table-header-group',
        'table-footer-group', 'table-row-group']) assertKept(`display: ${value}`)
      assert.deepEqual(reasons('display: contents; display: inline-flex; display: grid'), [['display', 'value'], ['display', 'value'], ['display', 'value']])
    })

    it('should keep each allowed function: `rgb`, `rgba`, `hsl`, `hsla`, `calc` (with `+`)', () => {
      assertKept('color: rgb(1, 2, 3); color: rgba(1, 2, 3, .5); color: hsl(1, 2%, 3%); color: hsla(1, 2%, 3%, 0.5); width: calc(1px + 2px)')
    })

    it('should read numbers: signs, fractions, exponents, units and percentages', () => {
      assertKept('margin: +1px -2px .5em 0.25in; width: 1e3%; width: 1E3%; width: 1e-3%; width: 1e+3%; width: 9px')
      // `1.` and `1.em` are no numbers: a digit must follow the dot; in `1e%` the `e` is a unit, and no unit takes `%`.
      assert.deepEqual(reasons('width: 1.; width: 1.em; width: 1e%'), [['width', 'value'], ['width', 'value'], ['width', 'value']])
    })

    it('should keep identifiers starting with any letter, `_`, a vendor prefix or `--`', () => {
      assertKept('text-align: -webkit-center; font-family: Zapfino, _x, Arial, auto; color: --x')
    })

    it('should drop a `#` or a string inside a function, and a colon before any token or inside a function', () => {
      assert.deepEqual(reasons('color: rgb(#fff); font-family: rgb("a"); color:: red; color: rgb(1:2)'), [
        ['color', 'value'], ['font-family', 'value'], ['color', 'value'], ['color', 'value']
      ])
    })

    it('should drop binding words and `javascript:` in the background properties too', () => {
      assert.deepEqual(reasons('background: behavior; background: -moz-binding; background-image: javascript:x'), [
        ['background', 'value'], ['background', 'value'], ['background-image', 'value']
      ])
    })

    it('should drop `!` before anything but `important`, and `important` after anything but `!`', () => {
      assert.deepEqual(reasons('color: red &important; color: red !imp; color: red !importantx'), [['color', 'value'], ['color', 'value'], ['color', 'value']])
    })

    it('should drop punctuation inside font names (`^`, `|`, `~` start no name)', () => {
      assert.deepEqual(reasons('font-family: x^y; font-family: a|b; font-family: a~b'), [['font-family', 'value'], ['font-family', 'value'], ['font-family', 'value']])
    })

    it('should drop a `url()` holding brackets or braces', () => {
      assert.deepEqual(reasons('background: url([a]); background: url({a})'), [['background', 'value'], ['background', 'value']])
    })

    it('should drop stray punctuation and brackets', () => {
      assert.deepEqual(reasons('color: red + blue; width: [1px]; width: {1px}; color: red & blue'), [
        ['color', 'value'], ['width', 'value'], ['width', 'value'], ['color', 'value']
      ])
    })
  })

  describe('properties', () => {
    it('should drop IE `behavior` and Firefox `-moz-binding`', () => {
      assert.deepEqual(reasons('behavior: url(x.htc); -moz-binding: url(http://x/x.xml#x)'), [
        ['behavior', 'property'], ['-moz-binding', 'property']
      ])
    })

    it('should drop positioning and keep the rest', () => {
      assert.deepEqual(sanitizeStyle('position: fixed; top:0; color: red'), {
        value: 'color: red',
        removed: [
          {property: 'position', declaration: 'position: fixed', reason: 'value', offset: 0},
          {property: 'top', declaration: 'top:0', reason: 'property', offset: 17}
        ]
      })
    })

    it('should drop `z-index`, `content`, `background-image`, `opacity`, `filter` and friends', () => {
      assert.deepEqual(reasons(
        'z-index: 9999; content: "x"; background-image: url(javascript:a); opacity: 0; filter: blur(2px); ' +
        'transform: scale(9); clip-path: none; mask: none; inset: 0; cursor: pointer; pointer-events: none'
      ).map(([property, reason]) => `${property}:${reason}`), [
        'z-index:property', 'content:property', 'background-image:value', 'opacity:property', 'filter:property',
        'transform:property', 'clip-path:property', 'mask:property', 'inset:property', 'cursor:property', 'pointer-events:property'
      ])
    })

    it('should drop custom properties', () => {
      assert.deepEqual(reasons('--x: url(a.png); --Y: red'), [['--x', 'property'], ['--y', 'property']])
    })

    it('should keep `position` only as `static` or `relative`, which stay in the flow', () => {
      assertKept('position: relative !important; overflow: auto; position: static')
      assert.deepEqual(reasons('position: absolute; position: fixed; position: sticky; position: -webkit-sticky'), [
        ['position', 'value'], ['position', 'value'], ['position', 'value'], ['position', 'value']
      ])
    })

    it('should keep `visibility: visible` and drop what hides content', () => {
      assertKept('visibility: visible')
      assert.deepEqual(reasons('visibility: hidden; visibility: collapse'), [['visibility', 'value'], ['visibility', 'value']])
    })

    it('should keep inert layout properties and Office\'s own', () => {
      assertKept('overflow: auto; overflow-x: hidden; list-style: none; list-style-position: inside; table-layout: fixed')
      assertKept('mso-layout-grid-align: none; text-autospace: none; orphans: 2; widows: 2; -webkit-text-stroke-width: 0px')
      assertKept('background-attachment: initial; background-clip: initial; background-image: initial; background-position: initial; background-repeat: initial; background-size: initial')
    })

    it('should drop images in list markers and generated backgrounds by their value', () => {
      assert.deepEqual(reasons('list-style: square url(https://evil.invalid/a.png); background-image: url(data:image/png,a); background-image: linear-gradient(red, blue); background-image: image-set("a.png" 1x)'), [
        ['list-style', 'value'], ['background-image', 'value'], ['background-image', 'value'], ['background-image', 'value']
      ])
    })

    it('should drop unknown properties', () => {
      assert.deepEqual(reasons('calendar-color: #ee2323; length: 2px; msox: 1'), [['calendar-color', 'property'], ['length', 'property'], ['msox', 'property']])
    })

    it('should match property names ASCII case-insensitively', () => {
      assertKept('COLOR: Red; Text-Align: CENTER')
      assert.deepEqual(reasons('POSITION: FIXED'), [['position', 'value']])
    })

    it('should not let a Kelvin sign pass for a `k`', () => {
      // `'\u212A'.toLowerCase()` is `k`, but CSS compares ASCII only.
      assert.deepEqual(reasons('bac\u212Aground-color: red'), [['bac\u212Aground-color', 'property']])
    })
  })

  describe('syntax', () => {
    it('should drop escapes wholesale', () => {
      assert.deepEqual(reasons('background: \\75 rl(x.png); b\\61 ckground: red; color: re\\d'), [
        ['background', 'syntax'], ['', 'syntax'], ['color', 'syntax']
      ])
    })

    it('should skip the escaped character, so an escaped `;` splits nothing and the next declaration stays', () => {
      assert.deepEqual(sanitizeStyle('color: re\\d; width: 1px').value, 'width: 1px')
      assert.deepEqual(sanitizeStyle('color: red\\; width: 1px'), {
        value: '',
        removed: [{property: 'color', declaration: 'color: red\\; width: 1px', reason: 'syntax', offset: 0}]
      })
    })

    it('should drop declarations holding a comment', () => {
      const value = 'color: red; width: expr/**/ession(alert(1)); /* x */; height: 1px'
      assert.deepEqual(sanitizeStyle(value), {
        value: 'color: red; height: 1px',
        removed: [
          {property: 'width', declaration: 'width: expr/**/ession(alert(1))', reason: 'syntax', offset: 12},
          {property: '', declaration: '/* x */', reason: 'syntax', offset: value.indexOf('/* x')}
        ]
      })
    })

    it('should not split inside a comment, as CSS does not', () => {
      assert.deepEqual(reasons('color: red /* ; */; width: 1px'), [['color', 'syntax']])
      assert.deepEqual(sanitizeStyle('color: red /* x; */; width: 1px'), {
        value: 'width: 1px',
        removed: [{property: 'color', declaration: 'color: red /* x; */', reason: 'syntax', offset: 0}]
      })
      // `/*/` opens a comment and does not close it.
      assert.deepEqual(sanitizeStyle('color: red /*/; width: 1px').value, '')
    })

    it('should drop a string holding `/*`, but split after it (inside a string it is text)', () => {
      assert.deepEqual(sanitizeStyle('font-family: "a/*"; color: red'), {
        value: 'color: red',
        removed: [{property: 'font-family', declaration: 'font-family: "a/*"', reason: 'syntax', offset: 0}]
      })
    })

    it('should drop NUL and control characters', () => {
      assert.deepEqual(reasons('color: red\u0000; color: r\u0008ed; color: red\u0085; width: 1px'), [
        ['color', 'syntax'], ['color', 'syntax'], ['color', 'syntax']
      ])
      // DEL and the last C1 control are controls; a no-break space is a name character.
      assert.deepEqual(reasons('color: red\u007f; color: red\u009f; color: red\u00a0'), [
        ['color', 'syntax'], ['color', 'syntax'], ['color', 'value']
      ])
      assertKept('font-family: a\u00a0b')
    })

    it('should take tab, line feed, carriage return and form feed as white space', () => {
      assertKept('color:\fred;\r\nwidth:\t1px;\t\f')
      assert.deepEqual(sanitizeStyle(' \t\r\n\fposition: fixed \f\r\n\t; color: red '), {
        value: 'color: red',
        removed: [{property: 'position', declaration: 'position: fixed', reason: 'value', offset: 5}]
      })
    })

    it('should drop declarations without a colon or with a bad name', () => {
      assert.deepEqual(reasons('@import url(x.css); color url(x); 1color: red; "color": red; : red; font size: 1px; -1x: red'), [
        ['', 'syntax'], ['', 'syntax'], ['', 'syntax'], ['', 'syntax'], ['', 'syntax'], ['', 'syntax'], ['', 'syntax']
      ])
    })

    it('should drop an unclosed parenthesis or string with everything after it', () => {
      assert.deepEqual(reasons('color: red; width: calc(1px; color: blue'), [['width', 'syntax']])
      assert.deepEqual(reasons('color: red; font-family: "a; color: blue'), [['font-family', 'syntax']])
      assert.deepEqual(reasons('color: red)'), [['color', 'syntax']])
      // A stray `)` breaks its own declaration only: the next `;` still splits.
      assert.deepEqual(sanitizeStyle('color: red); width: 1px').value, 'width: 1px')
    })

    it('should end a string at a newline, as CSS does, and drop it as a bad string', () => {
      for (const newline of ['\n', '\r', '\f']) {
        assert.deepEqual(sanitizeStyle(`font-family: "a${newline}; color: red`), {
          value: 'color: red',
          removed: [{property: 'font-family', declaration: `font-family: "a`, reason: 'syntax', offset: 0}]
        })
      }
    })

    it('should not split at a `;` inside a string or parentheses', () => {
      assertKept('font-family: "a;b", serif; color: rgb(1, 2, 3)')
      assertKept("font-family: 'a;b', serif")
      assert.deepEqual(reasons('background: url(a;b); color: red'), [['background', 'value']])
    })
  })

  describe('output', () => {
    it('should keep empty declarations and white space when nothing is removed', () => {
      assertKept('')
      assertKept(' ;; color: red ;\n\t;  ')
    })

    it('should join kept declarations with `; ` and keep a final `;`', () => {
      assert.equal(sanitizeStyle('color:red;;position:fixed;\n  width : 1px ;').value, 'color:red; width : 1px;')
      assert.equal(sanitizeStyle('color:red;position:fixed').value, 'color:red')
    })

    it('should return an empty value when everything is removed', () => {
      assert.equal(sanitizeStyle('position: fixed;').value, '')
    })

    it('should report UTF-16 offsets of the trimmed declaration', () => {
      const value = '🙂 font-family: 가; \n  position: absolute'
      const [removal] = sanitizeStyle(value).removed.slice(-1)
      assert.ok(removal)
      assert.equal(removal.offset, value.indexOf('position'))
      assert.equal(value.slice(removal.offset, removal.offset + removal.declaration.length), 'position: absolute')
    })

    it('should not return the removed text or anything after it', () => {
      const {value} = sanitizeStyle('color: red; background: url(javascript:x); font-family: "x"')
      assert.equal(value, 'color: red; font-family: "x"')
    })
  })

  describe('options', () => {
    it('should merge `allowProperties` over the defaults', () => {
      assert.deepEqual(reasons('text-shadow: 1px 1px red'), [['text-shadow', 'property']])
      assertKept('text-shadow: 1px 1px red; color: red', {allowProperties: ['text-shadow']})
      assertKept('Text-Shadow: 1px 1px red', {allowProperties: ['TEXT-SHADOW']})
    })

    it('should treat `null` and an empty list as the defaults', () => {
      assertKept('color: red', {allowProperties: null})
      assertKept('color: red', {allowProperties: []})
      assertKept('color: red', null)
    })

    it('should never allow denied properties, even when asked', () => {
      const options = {allowProperties: ['top', 'z-index', '--x', '-webkit-transform', 'mask-image']}
      const result = sanitizeStyle('top: 0; z-index: 1; --x: 1; -webkit-transform: none; mask-image: none', options)
      assert.deepEqual(result.removed.map((removal) => removal.reason), ['property', 'property', 'property', 'property', 'property'])
    })

    it('should never allow any denied name, prefix or vendor-prefixed form, even when asked', () => {
      const names = [
        'z-index', 'content', 'behavior', '-moz-binding', 'binding', 'filter', 'clip', 'clip-path', 'transform',
        'opacity', 'cursor', 'pointer-events', 'top', 'left', 'right', 'bottom', 'list-style-image', 'border-image',
        'border-image-source', '--a', 'mask', 'mask-size', 'inset', 'inset-inline', '-webkit-mask-image',
        '-moz-opacity', '-ms-filter', '-o-transform', '-webkit-inset-block'
      ]
      const value = names.map((name) => `${name}: none`).join('; ')
      const result = sanitizeStyle(value, {allowProperties: names})
      assert.deepEqual(result.removed.map((removal) => `${removal.property}:${removal.reason}`), names.map((name) => `${name}:property`))
      assert.equal(result.value, '')
    })

    it('should read a vendor prefix only at the start of a name', () => {
      // `cl-o-ip` is no `clip`: only a leading `-o-` is a vendor prefix.
      assertKept('cl-o-ip: none; x-webkit-opacity: 1', {allowProperties: ['cl-o-ip', 'x-webkit-opacity']})
      // Denied prefixes are prefixes: a name ending in one is not denied.
      assertKept('x-mask: none; x-inset: 0', {allowProperties: ['x-mask', 'x-inset']})
    })

    it('should still check values of extra properties', () => {
      assert.deepEqual(
        sanitizeStyle('list-style: url(x.png)', {allowProperties: ['list-style']}).removed.map((removal) => removal.reason),
        ['value']
      )
    })

    it('should not change the options or the defaults', () => {
      const allowProperties = Object.freeze(['table-layout'])
      const before = [...defaultStyleProperties]
      sanitizeStyle('table-layout: auto', {allowProperties})
      assert.deepEqual(allowProperties, ['table-layout'])
      assert.deepEqual(defaultStyleProperties, before)
    })
  })

  describe('input', () => {
    it('should throw a TypeError for a non-string', () => {
      // @ts-expect-error: check how a non-string is handled.
      assert.throws(() => sanitizeStyle(null), {name: 'TypeError', message: /string/})
      // @ts-expect-error: check how a non-string is handled.
      assert.throws(() => isSafeStyle(1), {name: 'TypeError', message: /string/})
    })
  })
})

describe('isSafeStyle', () => {
  it('should accept safe values and reject unsafe ones', () => {
    assert.equal(isSafeStyle('width: 100%; border-collapse: collapse;'), true)
    assert.equal(isSafeStyle('background: url(x.png)'), true)
    assert.equal(isSafeStyle('background: url(javascript:x)'), false)
    assert.equal(isSafeStyle('color: red; position: absolute'), false)
  })

  it('should accept extra properties from options', () => {
    assert.equal(isSafeStyle('text-shadow: 1px 1px red', {allowProperties: ['text-shadow']}), true)
  })

  // Fragments that meet each other in interesting ways.
  const fragment = fc.constantFrom(
    'color', 'position', 'font-family', 'display', 'background', 'width', '--x', 'table-layout',
    ':', ';', ' ', '\n', ',', '/', '(', ')', '"', "'", '\\', '/*', '*/', '!important', '!',
    'red', 'block', 'none', '#fff', '#12', '1px', '-2.5e3%', 'url(', 'calc(', 'rgb(', 'var(',
    '\u0000', 'é', '가', '\u212A', '+', '*', '[', '{', '}', '<'
  )
  const style = fc.oneof(fc.array(fragment, {maxLength: 24}).map((parts) => parts.join('')), fc.string({maxLength: 40}))
  const options = fc.constantFrom(undefined, {allowProperties: ['table-layout', 'position']})

  it('should agree with `sanitizeStyle`', () => {
    fc.assert(fc.property(style, options, (value, settings) => {
      assert.equal(isSafeStyle(value, settings), sanitizeStyle(value, settings).removed.length === 0)
    }), {numRuns: 1000})
  })

  it('should make `sanitizeStyle` a fixpoint that reports faithful removals', () => {
    fc.assert(fc.property(style, options, (value, settings) => {
      const result = sanitizeStyle(value, settings)
      if (result.removed.length === 0) assert.equal(result.value, value)
      assert.equal(isSafeStyle(result.value, settings), true)
      assert.deepEqual(sanitizeStyle(result.value, settings), {value: result.value, removed: []})
      for (const removal of result.removed) {
        assert.equal(value.slice(removal.offset, removal.offset + removal.declaration.length), removal.declaration)
      }
    }), {numRuns: 1000})
  })
})
