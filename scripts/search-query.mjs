// Run sitegen's own search (Templates/assets/search.js, the code the browser runs) in Node
// on a built site, with fetch replaced by a reader of the site's files that counts what a
// browser would download. Each query starts cold, as the first search after opening the
// page: the manifest and the table (fetched with the page), the buckets and own files of
// its terms, and the documents of the first page of results.
//
//   node scripts/search-query.mjs PUBLIC_DIR QUERY...
// prints one JSON line per query: results (exact), similar, bytes, files, ms.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [site, ...queries] = process.argv.slice(2);
const root = path.resolve(site);
const manifestName = (await readdir(path.join(root, "search"))).find((f) => /^manifest-[0-9a-f]+\.json$/.test(f));
const code = await readFile(path.join(here, "../Templates/assets/search.js"), "utf8");
const context = vm.createContext({ TextDecoder, TextEncoder, URL, DecompressionStream, Promise, Math, JSON, Map, Set, Array, Uint8Array, Uint16Array, Int32Array, Error });
context.globalThis = context;
vm.runInContext(code, context);

for (const query of queries) {
  let bytes = 0, files = 0;
  const load = async (url) => {
    const data = await readFile(path.join(root, decodeURIComponent(new URL(url).pathname)));
    bytes += data.length; files += 1;
    return new Uint8Array(data.buffer, data.byteOffset, data.length);
  };
  const engine = context.sitegenSearch(`file:///search/${manifestName}`, load);
  const t0 = performance.now();
  const { hits, exact } = await engine.search(query);
  if (hits.length) await engine.facets();
  const shown = await Promise.all(hits.slice(0, engine.PAGE).map((h) => engine.document(h.doc)));
  const ms = performance.now() - t0;
  console.log(JSON.stringify({
    query, results: exact, similar: hits.length - exact, bytes, files, ms: +ms.toFixed(1),
    top: shown[0] ? shown[0].title : null,
  }));
}
