// sitegen search: answers queries from the static index the build wrote under search/
// (see SearchIndexWriter.swift), fetching only the buckets of the query's terms and the
// documents of the results shown. The same logic as SearchIndex.swift: Han text is split
// into overlapping character pairs, and a phrase matches only where its pairs stand at
// consecutive positions, so results are exact.
"use strict";

// The search itself, without the page: `load(url)` returns a file's bytes as fetched.
// scripts/bench-search runs this same function in Node on a built site.
globalThis.sitegenSearch = (manifestURL, load) => {
  const cache = new Map();
  let manifest = null, layout = null, table = null, fold = null, ready = null;

  const utf8 = new TextDecoder(), utf16 = new TextDecoder("utf-16le");
  // Raw DEFLATE, as Deflate.swift writes it. Written to the stream directly: through a
  // Blob, each file took a round trip to the browser process (30 ms for a first query).
  async function inflate(bytes) {
    const stream = new DecompressionStream("deflate-raw"), writer = stream.writable.getWriter();
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    const reader = stream.readable.getReader(), parts = [];
    for (let part = await reader.read(); !part.done; part = await reader.read()) parts.push(part.value);
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  }
  // Each file once; `parse` turns its (inflated) bytes into what is kept.
  const file = (name, parse) => {
    const url = new URL(name, manifestURL).href;
    if (!cache.has(url)) cache.set(url, load(url).then(inflate).then(parse));
    return cache.get(url);
  };
  const reader = (bytes, at = 0) => ({
    bytes, at,
    get end() { return this.at >= this.bytes.length; },
    next() { let v = 0, shift = 0, b; do { b = this.bytes[this.at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; },
    take(n) { const s = this.bytes.subarray(this.at, this.at + n); this.at += n; return s; },
  });
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

  // The manifest, then the table: names of buckets and of groups of documents, province and year.
  function init() {
    ready = ready || load(manifestURL).then((bytes) => {
      manifest = JSON.parse(utf8.decode(bytes));
      const [campaignsBase, regionsBase, bodyBase] = manifest.layout;
      layout = { campaignsBase, regionsBase, bodyBase };
      return file(manifest.table, decodeTable);
    }).then((t) => { table = t; });
    return ready;
  }
  function decodeTable(bytes) {
    const r = reader(bytes), buckets = r.take(6 * r.next()), groups = r.take(4 * Math.ceil(manifest.count / manifest.group)), names = [""];
    for (let n = r.next(); n > 0; n--) names.push(utf8.decode(r.take(r.next())));
    const firstYear = r.next(), province = new Uint16Array(manifest.count), year = new Uint16Array(manifest.count);
    for (let i = 0; i < manifest.count; i++) province[i] = r.next();
    for (let i = 0; i < manifest.count; i++) year[i] = firstYear + r.next();
    // Terms with postings in a file of their own: the term's hash (as gaps) -> the file.
    const ownCount = r.next(), ownHashes = new Map();
    for (let i = 0, h = 0; i < ownCount; i++) { h += r.next(); ownHashes.set(h, i); }
    const ownNames = r.take(4 * ownCount);
    return {
      bucket: (term) => `b-${hex(buckets.subarray(...slot(fnv1a(term) & (buckets.length / 6 - 1), 6)))}.bin`,
      own: (term) => { const h = fnv1a(term), i = ownHashes.get(h); return i === undefined ? null : ownName(h, ownNames.subarray(...slot(i, 4))); },
      // A document is named by its number and its group's hash (SearchIndexWriter.documentFileName).
      document: (doc) => `d-${doc}-${hex(groups.subarray(...slot(Math.floor(doc / manifest.group), 4)))}.bin`,
      facets: { province: (doc) => names[province[doc]], year: (doc) => String(year[doc]) },
    };
  }
  const slot = (i, size) => [i * size, i * size + size];
  // A file of postings of its own: its term's hash and 4 bytes of its own (SearchIndexWriter.ownFileName).
  const ownName = (termHash, bytes) => `t-${termHash.toString(16).padStart(8, "0")}-${hex(bytes)}.bin`;

  // A bucket: term -> { payload } inline, or { own: name, size } in a file of its own.
  function decodeBucket(bytes) {
    const r = reader(bytes), terms = new Map();
    while (!r.end) {
      const term = utf8.decode(r.take(r.next()));
      if (r.next() === 1) { const own = ownName(fnv1a(term), r.take(4)); terms.set(term, { own, size: r.next() }); }
      else terms.set(term, { payload: r.take(r.next()), size: 0 });
    }
    return terms;
  }
  // Columns of varints, as SearchPostings.swift writes them.
  function decodePostings(bytes) {
    const r = reader(bytes), n = r.next();
    const docs = new Int32Array(n), ends = new Int32Array(n);
    for (let i = 0, d = 0; i < n; i++) { d += r.next(); docs[i] = d; }
    for (let i = 0, e = 0; i < n; i++) { e += r.next() + 1; ends[i] = e; }
    const positions = new Int32Array(n ? ends[n - 1] : 0);
    // Each first position: one byte in one column, what follows it in the next.
    const more = reader(bytes, r.at + n);
    for (let i = 0; i < n; i++) {
      const b = bytes[r.at++];
      positions[i === 0 ? 0 : ends[i - 1]] = (b & 0x7f) + (b & 0x80 ? more.next() * 128 : 0);
    }
    r.at = more.at;
    for (let i = 0; i < n; i++) {
      const start = i === 0 ? 0 : ends[i - 1];
      for (let k = start + 1, p = positions[start]; k < ends[i]; k++) { p += r.next(); positions[k] = p; }
    }
    return { docs, ends, positions };
  }
  function fnv1a(term) {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(term)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h;
  }
  // A file of its own: its term, then the postings.
  function decodeOwn(bytes) {
    const r = reader(bytes), term = utf8.decode(r.take(r.next()));
    return { term, postings: decodePostings(bytes.subarray(r.at)) };
  }
  // A term's postings, null when the index lacks it: from the file of its own the table
  // names (when that file is this term's, not another's with the same hash), else from
  // its bucket — which costs a round of fetches more when the postings are in a file.
  const postingsCache = new Map();
  function postings(term) {
    if (!postingsCache.has(term)) postingsCache.set(term, lookUp(term));
    return postingsCache.get(term);
  }
  async function lookUp(term) {
    const own = table.own(term);
    if (own) { const found = await file(own, decodeOwn); if (found.term === term) return found.postings; }
    const e = (await file(table.bucket(term), decodeBucket)).get(term);
    if (!e) return null;
    return e.own ? (await file(e.own, decodeOwn)).postings : decodePostings(e.payload);
  }

  const isHan = (c) => { const v = c.codePointAt(0); return (v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3400 && v <= 0x4dbf) || (v >= 0x20000 && v <= 0x2a6df) || (v >= 0xf900 && v <= 0xfaff); };
  const isWord = (c) => /^[a-z0-9]$/.test(c);
  const foldChar = (c) => (c >= "A" && c <= "Z" ? c.toLowerCase() : (fold && fold.get(c)) || c);

  // The parts that must all match: Han phrases of two or more characters, and words.
  function parse(query) {
    const chars = Array.from(query).map(foldChar), parts = [];
    for (let i = 0; i < chars.length;) {
      let end = i;
      if (isHan(chars[i])) {
        while (end < chars.length && isHan(chars[end])) end++;
        if (end - i >= 2) parts.push({ phrase: chars.slice(i, end) });
      } else if (isWord(chars[i])) {
        while (end < chars.length && isWord(chars[end])) end++;
        parts.push({ word: chars.slice(i, end).join("") });
      } else end = i + 1;
      i = end;
    }
    return parts;
  }
  // Every other pair of a phrase and the last (百场 and 万人 for 百场万人): they cover each
  // character, and where they stand in a row the phrase is there whole.
  function termsOf(part) {
    if (part.word) return [{ term: part.word, offset: 0 }];
    const p = part.phrase, offsets = [];
    for (let i = 0; i < p.length - 2; i += 2) offsets.push(i);
    offsets.push(p.length - 2);
    return offsets.map((i) => ({ term: p[i] + p[i + 1], offset: i }));
  }
  const lengthOf = (part) => (part.word ? Array.from(part.word).length : part.phrase.length);

  // For each document, where the part occurs whole, in order: { docs, ends, positions },
  // shaped as postings. Flat arrays, not an array a document: a first query allocated
  // enough of those to spend more time collecting garbage than searching.
  async function starts(part) {
    const terms = termsOf(part), lists = await Promise.all(terms.map((t) => postings(t.term)));
    return lists.some((l) => !l) ? null : matches(terms, lists);
  }
  // The same from the part's terms (with offsets) and their postings.
  function matches(terms, lists) {
    // One term at offset 0 (a word, two characters): its postings are the matches.
    if (lists.length === 1) return lists[0];
    let a = 0;
    lists.forEach((l, i) => { if (l.docs.length < lists[a].docs.length) a = i; });
    const anchor = lists[a], rows = new Int32Array(lists.length), at = new Int32Array(lists.length);
    const docs = [], ends = [], positions = [];
    for (let i = 0; i < anchor.docs.length; i++) {
      const doc = anchor.docs[i];
      let all = true;
      for (let j = 0; j < lists.length && all; j++) {
        const l = lists[j];
        while (rows[j] < l.docs.length && l.docs[rows[j]] < doc) rows[j]++;
        all = rows[j] < l.docs.length && l.docs[rows[j]] === doc;
      }
      if (!all) continue;
      for (let j = 0; j < lists.length; j++) at[j] = rows[j] === 0 ? 0 : lists[j].ends[rows[j] - 1];
      const before = positions.length;
      for (let k = i === 0 ? 0 : anchor.ends[i - 1]; k < anchor.ends[i]; k++) {
        const start = anchor.positions[k] - terms[a].offset;
        let ok = true;
        for (let j = 0; j < lists.length && ok; j++) {
          if (j === a) continue;
          const l = lists[j], want = start + terms[j].offset, end = l.ends[rows[j]];
          while (at[j] < end && l.positions[at[j]] < want) at[j]++;
          ok = at[j] < end && l.positions[at[j]] === want;
        }
        if (ok) positions.push(start);
      }
      if (positions.length > before) { docs.push(doc); ends.push(positions.length); }
    }
    return { docs, ends, positions };
  }

  // The score of row `rows[j]` of each part's matches `m[j]`.
  function score(m, rows) {
    const { campaignsBase, regionsBase, bodyBase } = layout;
    const from = (j) => (rows[j] === 0 ? 0 : m[j].ends[rows[j] - 1]), to = (j) => m[j].ends[rows[j]];
    let s = 0;
    for (let j = 0; j < m.length; j++) {
      // Positions ascend, and the fields come before the text: only their few are read.
      const ps = m[j].positions, end = to(j);
      let i = from(j);
      if (ps[i] < campaignsBase) s += 1000;
      while (i < end && ps[i] < campaignsBase) i++;
      if (i < end && ps[i] < regionsBase) s += 500;
      while (i < end && ps[i] < regionsBase) i++;
      if (i < end && ps[i] < bodyBase) s += 200;
      s += Math.min(end - from(j), 20);
    }
    if (m.length > 1) {
      let closest = Infinity;
      for (let x = from(0); x < Math.min(to(0), from(0) + 50); x++) {
        for (let j = 1; j < m.length; j++) {
          for (let y = from(j); y < Math.min(to(j), from(j) + 50); y++) closest = Math.min(closest, Math.abs(m[0].positions[x] - m[j].positions[y]));
        }
      }
      if (closest < 30) s += 50 - closest;
    }
    return s;
  }
  // Best first: by score, then newest. One number a hit sorts without a comparator.
  function ranked(hits) {
    const keys = new Float64Array(hits.length), byDoc = new Map();
    hits.forEach((h, i) => { keys[i] = h.score * 2 ** 24 + h.doc; byDoc.set(h.doc, h); });
    keys.sort().reverse();
    return Array.from(keys, (k) => byDoc.get(k % 2 ** 24));
  }

  async function searchParts(parts) {
    return parts.length ? hitsOf(await Promise.all(parts.map(starts))) : [];
  }
  // The documents where every part matches (`m`: each part's matches), ranked.
  function hitsOf(m) {
    if (m.some((found) => !found || !found.docs.length)) return [];
    const rows = new Int32Array(m.length), hits = [];
    for (let i = 0; i < m[0].docs.length; i++) {
      const doc = m[0].docs[i];
      let all = true;
      for (let j = 1; j < m.length && all; j++) {
        while (rows[j] < m[j].docs.length && m[j].docs[rows[j]] < doc) rows[j]++;
        all = rows[j] < m[j].docs.length && m[j].docs[rows[j]] === doc;
      }
      if (!all) continue;
      rows[0] = i;
      hits.push({ doc, score: score(m, rows), first: m[0].positions[i === 0 ? 0 : m[0].ends[i - 1]], exact: true });
    }
    return ranked(hits);
  }

  function reorderings(phrase) {
    const out = [], key = phrase.join("");
    const permute = (prefix, rest) => {
      if (!rest.length) { const k = prefix.join(""); if (k !== key && !out.some((o) => o.join("") === k)) out.push(prefix); return; }
      rest.forEach((c, i) => permute(prefix.concat(c), rest.slice(0, i).concat(rest.slice(i + 1))));
    };
    permute([], phrase);
    return out;
  }

  // Every term of an index is folded; a query term the index lacks may be Traditional.
  async function folded(query) {
    let parts = parse(query);
    if (fold) return parts;
    const present = await Promise.all(parts.flatMap(termsOf).map((t) => postings(t.term)));
    if (present.every(Boolean)) return parts;
    fold = await file(manifest.fold, (bytes) => {
      const [from, to] = utf8.decode(bytes).split("\n").map((s) => Array.from(s));
      return new Map(from.map((c, i) => [c, to[i]]));
    });
    return parse(query);
  }

  // { hits, length, exact }: hits best first, the exact ones before the other orders.
  async function search(query) {
    await init();
    const parts = await folded(query);
    const exact = await searchParts(parts);
    const length = parts.length ? lengthOf(parts[0]) : 0;
    const phrase = parts.length === 1 && parts[0].phrase;
    if (!phrase || phrase.length < 3 || phrase.length > 4 || exact.length >= FEW_EXACT_MATCHES) return { hits: exact, length, exact: exact.length };
    const seen = new Set(exact.map((h) => h.doc)), similar = [];
    for (const order of reorderings(phrase)) {
      for (const hit of await searchParts([{ phrase: order }])) {
        if (seen.has(hit.doc)) continue;
        seen.add(hit.doc);
        similar.push({ ...hit, exact: false });
      }
    }
    return { hits: exact.concat(ranked(similar)), length, exact: exact.length };
  }

  // Province and year of every article, for the filters.
  async function facetsOf() {
    await init();
    return table.facets;
  }

  // The first query of a page ran its decoding and ranking cold, in the interpreter: about
  // 20 ms more than the same work warm on the 10,000-article bench site. While the visitor
  // types, the same functions run once on made-up postings (two terms in 3,000 documents).
  async function warmUp() {
    await init();
    // Postings of `docs` as SearchPostings.swift writes them, each with positions at `gaps`
    // from its first (in the title for some documents, in the text for the others).
    const encode = (docs, gaps) => {
      const head = [], firsts = [], more = [], rest = [];
      const varint = (v, out) => { for (; v >= 0x80; v = Math.floor(v / 0x80)) out.push((v & 0x7f) | 0x80); out.push(v); };
      varint(docs.length, head);
      docs.forEach((d, i) => varint(i ? d - docs[i - 1] : d, head));
      docs.forEach(() => varint(gaps.length, head));
      for (const d of docs) {
        const first = d % 3 ? layout.bodyBase + d : d % 40;
        if (first < 0x80) firsts.push(first);
        else { firsts.push((first & 0x7f) | 0x80); varint(Math.floor(first / 0x80), more); }
        for (const gap of gaps) varint(gap, rest);
      }
      return Uint8Array.from(head.concat(firsts, more, rest));
    };
    const docs = Array.from({ length: 3000 }, (_, i) => i * 3);
    const a = decodePostings(encode(docs, [2, 7])), b = decodePostings(encode(docs.filter((d) => d % 2), [2, 7]));
    hitsOf([a]);
    hitsOf([matches([{ offset: 0 }, { offset: 2 }], [a, b])]);
    hitsOf([a, b]);
  }

  // What a result shows: address (from the slug), date, place, title, and the text.
  // Positions count characters: a text without surrogate pairs (almost every one) is
  // indexed as it is, not split into an array of characters (48,000 strings a page).
  const characters = (text) => (/[\uD800-\uDFFF]/.test(text) ? Array.from(text) : text);
  // Once the table is there, the fetch starts at the call, not a turn of the event loop later.
  function documentOf(doc) {
    if (!table) return init().then(() => documentOf(doc));
    return file(table.document(doc), (bytes) => {
      const lines = utf16.decode(bytes).split("\n");
      return { url: manifest.article[0] + lines[0] + manifest.article[1], date: lines[1], place: lines[2], title: lines[3], body: characters(lines.slice(4).join("\n")) };
    });
  }

  // Results shown at once; the next ones are fetched when the visitor asks for them, MORE
  // at a time. Each result is a file of its own, and a browser opens at most six
  // connections to a server speaking HTTP/1.1: six results come in one round of fetches
  // (a screenful on a phone, most of one on a laptop), ten took two (on the 10,000-article
  // bench site, 10-15 ms more of a first query).
  const PAGE = 6, MORE = 12;
  // The other orders of a phrase are looked for only when it has fewer exact matches than
  // this (SearchIndex.fewExactMatches).
  const FEW_EXACT_MATCHES = 20;
  return { search, facets: facetsOf, document: documentOf, layout: () => layout, warmUp, PAGE, MORE };
};

(() => {
  if (typeof document === "undefined") return;
  const app = document.getElementById("search-app");
  if (!app || !app.dataset.manifest) return;
  const rootURL = new URL(app.dataset.root || "./", location.href);
  const engine = globalThis.sitegenSearch(new URL(app.dataset.manifest, location.href).href, async (url) => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  });
  const input = document.getElementById("q");
  const status = document.getElementById("search-status");
  const list = document.getElementById("results");
  const filters = app.querySelector(".search-filters");
  const provinceSelect = document.getElementById("f-province");
  const yearSelect = document.getElementById("f-year");
  const more = document.getElementById("more");

  // 2022-09-13 → 2022年9月13日, as every other list of the site writes dates.
  const chineseDate = (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${y}年${m}月${d}日`; };
  const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  // `chars`: a string, or an array of characters (see `characters`).
  const joined = (chars) => (typeof chars === "string" ? chars : chars.join(""));
  const marked = (chars, from, to) => escape(joined(chars.slice(0, from))) + "<mark>" + escape(joined(chars.slice(from, to))) + "</mark>" + escape(joined(chars.slice(to)));

  // The positions of the index say where the match is: in the title, the tags or the text.
  function render(hit, length, d) {
    const { campaignsBase, bodyBase } = engine.layout(), text = d.body;
    const title = Array.from(d.title);
    const titleHTML = hit.first < campaignsBase ? marked(title, hit.first, hit.first + length) : escape(d.title);
    let snippet;
    if (hit.first < bodyBase) { // a match in the headline or the tags: show the start of the text instead
      snippet = escape(joined(text.slice(0, 90)).replace(/\n/g, " ")) + (text.length > 90 ? "……" : "");
    } else {
      const at = hit.first - bodyBase, from = Math.max(0, at - 36), to = Math.min(text.length, at + length + 54);
      snippet = (from > 0 ? "……" : "") + marked(text.slice(from, to), at - from, at - from + length).replace(/\n/g, " ") + (to < text.length ? "……" : "");
    }
    const li = document.createElement("li");
    li.className = "card result";
    li.innerHTML = `<h3><a href="${escape(new URL(d.url, rootURL).href)}">${titleHTML}</a></h3>`
      + `<p class="meta"><time datetime="${d.date}">${chineseDate(d.date)}</time>${d.place ? `<span class="place">${escape(d.place)}</span>` : ""}`
      + `${hit.exact ? "" : '<span class="tag plain">相近说法</span>'}</p><p class="summary">${snippet}</p>`;
    return li;
  }

  function fillFilter(select, values, current) {
    select.length = 1;
    for (const [value, count] of values) select.add(new Option(`${value}（${count}）`, value, false, value === current));
  }

  let generation = 0;
  // The results of the current query not shown yet, for the button that shows more.
  let rest = [], restLength = 0;
  // `since`: when the visitor asked (the input event's time), where the measured time starts.
  async function run(since = performance.now()) {
    const query = input.value.trim();
    const mine = ++generation;
    if (Array.from(query).length < 2) {
      list.replaceChildren(); status.textContent = query ? "请输入至少两个字。" : ""; filters.hidden = true; more.hidden = true;
      keepInAddress(query);
      return;
    }
    const [{ hits, length }, facets] = await Promise.all([engine.search(query), engine.facets()]);
    if (mine !== generation) return;
    const province = provinceSelect.value, year = yearSelect.value;
    const shown = hits.filter((h) => (!province || facets.province(h.doc) === province) && (!year || facets.year(h.doc) === year));
    const exactCount = shown.filter((h) => h.exact).length;
    const page = await rendered(shown.slice(0, engine.PAGE), length);
    if (mine !== generation) return;
    list.replaceChildren(...page);
    [rest, restLength] = [shown.slice(engine.PAGE), length];
    showMore();
    const ms = Math.round(performance.now() - since);
    status.textContent = shown.length
      ? `找到 ${exactCount} 篇包含“${query}”的文章${shown.length > exactCount ? `，另有 ${shown.length - exactCount} 篇说法相近` : ""}（${ms} 毫秒）。`
      : `没有找到包含“${query}”的文章。`;
    app.dataset.results = String(shown.length);
    app.dataset.exact = String(exactCount);
    app.dataset.ms = String(ms);
    app.dataset.query = query;
    // The address after the results: done before them, it held a first query up by up to 8 ms.
    keepInAddress(query);
    // The filters after the results: counting a common word's thousands of hits by
    // province and year, and filling the lists, held up the results' documents by 4–15 ms.
    const count = (key) => { const m = new Map(); for (const h of hits) { const k = key(h.doc); if (k) m.set(k, (m.get(k) || 0) + 1); } return [...m].sort((a, b) => b[1] - a[1]); };
    fillFilter(provinceSelect, count(facets.province), province);
    // Years newest first; by number, as localeCompare's first call loads a collation (30 ms).
    fillFilter(yearSelect, count(facets.year).sort((a, b) => b[0] - a[0]), year);
    filters.hidden = hits.length === 0;
  }

  // The query in the address (?q=…), so that a search can be shared.
  function keepInAddress(query) {
    const params = new URLSearchParams(location.search);
    if (query) params.set("q", query); else params.delete("q");
    history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  }

  // The list items of `hits`, once their documents are fetched.
  async function rendered(hits, length) {
    const documents = await Promise.all(hits.map((hit) => engine.document(hit.doc)));
    return hits.map((hit, i) => render(hit, length, documents[i]));
  }

  function showMore() {
    more.hidden = rest.length === 0;
    more.textContent = `显示更多结果（还有 ${rest.length} 篇）`;
  }

  // The next page of the same results, added below the others.
  more.addEventListener("click", async () => {
    const mine = generation, page = rest.slice(0, engine.MORE);
    more.disabled = true;
    try {
      const items = await rendered(page, restLength);
      if (mine !== generation) return;
      list.append(...items);
      rest = rest.slice(page.length);
      showMore();
      items[0].querySelector("a").focus({ preventScroll: true });
    } catch {
      status.textContent = "搜索索引加载失败，请稍后再试。";
    } finally {
      more.disabled = false;
    }
  });

  // Opened from disk, the browser will not let a page fetch the index: say so.
  const guarded = (event) => run(event && event.timeStamp).catch(() => {
    status.textContent = location.protocol === "file:"
      ? "从本地文件打开时浏览器不允许加载搜索索引。请通过网站服务器访问（如 sitegen serve），或按地区、创建模式浏览。"
      : "搜索索引加载失败，请稍后再试。";
  });
  // No delay: a query whose answer comes after a newer one's is dropped (generation).
  input.addEventListener("input", guarded);
  app.querySelector("form").addEventListener("submit", (e) => { e.preventDefault(); guarded(); });
  provinceSelect.addEventListener("change", guarded);
  yearSelect.addEventListener("change", guarded);
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; guarded(); }
  // The manifest and the table (49 KB for 10,000 articles) serve every query: fetch them,
  // and warm up the code of a first query, while the visitor starts typing.
  // (`data-ready` says when that is done; the browser test waits for it, as a visitor is
  // still reading the page by then.)
  else engine.warmUp().then(() => { app.dataset.ready = "true"; }, () => {});
  input.focus();
})();
