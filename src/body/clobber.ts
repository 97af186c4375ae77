/**
 * DOM clobbering: an element with `id="location"` or `name="cookie"` shadows
 * `document.location` or a form's `submit`, which scripts on the page trust.
 * Like DOMPurify's SANITIZE_DOM, only such values are dropped, so ordinary
 * ids stay byte for byte and links to them keep working.
 */

// Properties of `document`, `window`, `HTMLFormElement` and `Element` that a named element could shadow.
const names = new Set(
  (
    'activeElement adoptedStyleSheets alinkColor all anchors append applets attributes baseURI bgColor body ' +
    'characterSet charset childElementCount childNodes children close compatMode contentType cookie ' +
    'createAttribute createComment createDocumentFragment createElement createElementNS createEvent ' +
    'createRange createTextNode currentScript defaultView designMode dir doctype documentElement documentURI ' +
    'domain elementFromPoint elements embeds evaluate execCommand fgColor firstChild firstElementChild fonts ' +
    'forms fullscreenElement getElementById getElementsByClassName getElementsByName getElementsByTagName ' +
    'getSelection hasFocus head hidden images implementation importNode inputEncoding lastChild ' +
    'lastElementChild lastModified linkColor links location nodeName nodeType nodeValue open origin ' +
    'ownerDocument parentElement parentNode plugins querySelector querySelectorAll readyState referrer ' +
    'scripts scrollingElement styleSheets textContent title URL visibilityState vlinkColor write writeln ' +
    'acceptCharset action autocomplete encoding enctype length method name noValidate rel relList reset ' +
    'requestSubmit submit target checkValidity reportValidity addEventListener removeEventListener ' +
    'dispatchEvent appendChild insertBefore removeChild replaceChild cloneNode contains innerHTML outerHTML ' +
    'innerText outerText id className classList style tagName namespaceURI prefix localName getAttribute ' +
    'setAttribute removeAttribute hasAttribute insertAdjacentHTML isConnected __proto__ constructor ' +
    'prototype toString valueOf hasOwnProperty alert confirm prompt fetch opener parent top self window ' +
    'frames frameElement navigator localStorage sessionStorage history postMessage eval'
  ).split(' ')
)

/**
 * Whether an `id` or `name` value would clobber a DOM property.
 *
 * @param value - The attribute value.
 * @returns True when it must be dropped.
 * @example
 * clobbers('location')
 * //=> true
 */
export function clobbers(value: string): boolean {
  return names.has(value.trim())
}
