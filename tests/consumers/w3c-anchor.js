// w3c-anchor.js EXPORT.json TEXTS.json: anchor every annotation of a W3C
// export in a DOM holding its document's text, with the libraries annotation
// clients use: dom-anchor-text-quote (bitap search over the quote and its
// context) and dom-anchor-text-position (UTF-16 offsets, so the export must
// be made with --offsets=utf16). Prints one line per failure, then a summary
// line "N anchored, M failed"; exits 1 on any failure.
'use strict';
const fs = require('fs');
const { JSDOM } = require('jsdom');
const textQuote = require('dom-anchor-text-quote');
const textPosition = require('dom-anchor-text-position');

const collection = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const texts = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
let anchored = 0;
let failed = 0;

function fail(id, why) {
  failed++;
  console.log(`not anchored: ${id}: ${why}`);
}

for (const item of collection.first.items) {
  if (item.motivation !== 'tagging')
    continue;
  const text = texts[item.target.source];
  const dom = new JSDOM('<!DOCTYPE html><body></body>');
  const body = dom.window.document.body;
  body.appendChild(dom.window.document.createTextNode(text));
  global.document = dom.window.document;
  const [position, quote] = item.target.selector;
  try {
    const byQuote = textQuote.toRange(body, quote);
    const byPosition = textPosition.toRange(body, position);
    if (byQuote === null)
      fail(item.id, 'the quote selector finds nothing');
    else if (byQuote.toString() !== quote.exact)
      fail(item.id, `the quote selector finds "${byQuote.toString()}"`);
    else if (byPosition.toString() !== quote.exact)
      fail(item.id, `the position selector finds "${byPosition.toString()}"`);
    else
      anchored++;
  } catch (e) {
    fail(item.id, e.message);
  }
}
console.log(`${anchored} anchored, ${failed} failed`);
process.exit(failed === 0 && anchored > 0 ? 0 : 1);
