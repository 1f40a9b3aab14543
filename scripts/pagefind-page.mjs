// Pagefind's own search (its pagefind.js and WASM, through its documented API) in Node on
// a bundle, counting what a browser would download for one query from a cold start: the
// entry, WASM and metadata, the index chunks of the query, and the fragments of the first
// page of results (the same page size as sitegen's search page).
//
//   node scripts/pagefind-page.mjs BUNDLE_DIR PAGE QUERY
// prints one JSON line: results, bytes, files, ms, and bytes before the fragments.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [bundleDir, page, query] = process.argv.slice(2);
const bundle = path.resolve(bundleDir);
let bytes = 0, files = 0;
globalThis.fetch = async (url) => {
  const name = decodeURIComponent(new URL(url, "file:///").pathname).replace(/^.*\/pagefind\//, "");
  const data = await readFile(path.join(bundle, name));
  bytes += data.length; files += 1;
  return new Response(data);
};
// pagefind.js reads the page's language from <html lang>; sitegen's pages say zh-CN.
globalThis.document = { querySelector: () => ({ getAttribute: () => "zh-CN" }) };
globalThis.window = globalThis;
globalThis.location = new URL("http://localhost/");

const pagefind = await import(pathToFileURL(path.join(bundle, "pagefind.js")).href);
await pagefind.options({ basePath: "/pagefind/" });
const t0 = performance.now();
const found = await pagefind.search(query);
const beforeFragments = bytes;
await Promise.all(found.results.slice(0, Number(page)).map((r) => r.data()));
const ms = performance.now() - t0;
console.log(JSON.stringify({ query, results: found.results.length, bytes, files, ms: +ms.toFixed(1), index_bytes: beforeFragments }));
