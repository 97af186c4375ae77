/**
 * Elements the HTML parser never leaves open: the start tag is the whole
 * element, nothing nests in it and no end tag is needed (`<image>` becomes
 * `<img>`; `<frame>` outside a frameset is dropped). hast-util-to-html
 * keeps its own list for writing (with `command`).
 */
export const voidElements: ReadonlySet<string> = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])
