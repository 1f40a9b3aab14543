// sitegen search: answers queries from the static index the build wrote under search/,
// fetching only the shards of the query's terms. The same logic as SearchIndex.swift:
// Han text is split into overlapping character pairs, and a phrase matches only where
// its pairs stand at consecutive positions, so results are exact.
"use strict";
(() => {
  const app = document.getElementById("search-app");
  if (!app || !app.dataset.manifest) return;
  const manifestURL = new URL(app.dataset.manifest, location.href);
  const rootURL = new URL(app.dataset.root || "./", location.href);
  const input = document.getElementById("q");
  const status = document.getElementById("search-status");
  const list = document.getElementById("results");
  const filters = app.querySelector(".search-filters");
  const provinceSelect = document.getElementById("f-province");
  const yearSelect = document.getElementById("f-year");
  const SHOWN = 20;

  let manifest = null, docs = null, fold = new Map();
  const files = new Map();   // url -> Promise of Map(term -> postings) or text

  const fetchOnce = (path, kind) => {
    const url = new URL(path, rootURL).href;
    if (!files.has(url)) {
      files.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return kind === "bin" ? r.arrayBuffer().then(decodeShard) : kind === "json" ? r.json() : r.text();
      }));
    }
    return files.get(url);
  };

  async function load() {
    if (manifest) return;
    manifest = await fetch(manifestURL).then((r) => r.json());
    const table = await fetchOnce(manifest.docs, "json");
    docs = table.documents;
    const [from, to] = table.fold.map((s) => Array.from(s));
    from.forEach((ch, i) => fold.set(ch, to[i]));
  }

  // LEB128 varints, as SearchIndexWriter.encode writes them.
  function decodeShard(buffer) {
    const bytes = new Uint8Array(buffer), terms = new Map(), utf8 = new TextDecoder();
    let at = 0;
    const varint = () => { let v = 0, shift = 0, b; do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
    while (at < bytes.length) {
      const length = varint();
      const term = utf8.decode(bytes.subarray(at, at + length));
      at += length;
      const postings = new Map();
      let doc = 0;
      for (let n = varint(); n > 0; n--) {
        doc += varint();
        const positions = new Set();
        let p = 0;
        for (let k = varint(); k > 0; k--) { p += varint(); positions.add(p); }
        postings.set(doc, positions);
      }
      terms.set(term, postings);
    }
    return terms;
  }

  const isHan = (c) => { const v = c.codePointAt(0); return (v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3400 && v <= 0x4dbf) || (v >= 0x20000 && v <= 0x2a6df) || (v >= 0xf900 && v <= 0xfaff); };
  const isWord = (c) => /^[a-z0-9]$/.test(c);
  const foldChar = (c) => (c >= "A" && c <= "Z" ? c.toLowerCase() : fold.get(c) || c);

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

  const termsOf = (part) => part.word ? [{ term: part.word, offset: 0 }]
    : part.phrase.slice(0, -1).map((c, i) => ({ term: c + part.phrase[i + 1], offset: i }));

  function fnv1a(term) {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(term)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h;
  }
  const fileOf = (term) => manifest.own[term] || manifest.shards[fnv1a(term) & (manifest.shards.length - 1)];
  const postingsOf = async (term) => (await fetchOnce(fileOf(term), "bin")).get(term) || new Map();

  // For each document, where the part occurs whole.
  async function starts(part) {
    const terms = termsOf(part);
    const lists = await Promise.all(terms.map((t) => postingsOf(t.term)));
    let rarest = 0;
    lists.forEach((l, i) => { if (l.size < lists[rarest].size) rarest = i; });
    const found = new Map();
    for (const [doc, positions] of lists[rarest]) {
      const sets = lists.map((l) => l.get(doc));
      if (sets.some((s) => !s)) continue;
      const hits = [];
      for (const p of positions) {
        const start = p - terms[rarest].offset;
        if (terms.every((t, i) => sets[i].has(start + t.offset))) hits.push(start);
      }
      if (hits.length) found.set(doc, hits.sort((a, b) => a - b));
    }
    return found;
  }

  function score(doc, all) {
    const [, , , , , titleEnd, campaignsEnd, regionsEnd] = docs[doc];
    let s = 0;
    for (const ps of all) {
      if (ps.some((p) => p < titleEnd)) s += 1000;
      if (ps.some((p) => p >= titleEnd && p < campaignsEnd)) s += 500;
      if (ps.some((p) => p >= campaignsEnd && p < regionsEnd)) s += 200;
      s += Math.min(ps.length, 20);
    }
    if (all.length > 1) {
      let closest = Infinity;
      for (const a of all[0].slice(0, 50)) for (const other of all.slice(1)) for (const b of other.slice(0, 50)) closest = Math.min(closest, Math.abs(a - b));
      if (closest < 30) s += 50 - closest;
    }
    return s;
  }

  async function searchParts(parts) {
    if (!parts.length) return [];
    const matches = [];
    for (const part of parts) {
      const found = await starts(part);
      if (!found.size) return [];
      matches.push(found);
    }
    const hits = [];
    for (const doc of matches[0].keys()) {
      if (!matches.every((m) => m.has(doc))) continue;
      const all = matches.map((m) => m.get(doc));
      hits.push({ doc, score: score(doc, all), first: all[0][0], exact: true });
    }
    return hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
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

  async function search(query) {
    const parts = parse(query);
    const exact = await searchParts(parts);
    if (parts.length !== 1 || !parts[0].phrase || parts[0].phrase.length < 3 || parts[0].phrase.length > 4) return { hits: exact, length: parts[0] ? (parts[0].phrase || parts[0].word).length : 0 };
    const seen = new Set(exact.map((h) => h.doc)), similar = [];
    for (const order of reorderings(parts[0].phrase)) {
      for (const hit of await searchParts([{ phrase: order }])) {
        if (seen.has(hit.doc)) continue;
        seen.add(hit.doc);
        similar.push({ ...hit, exact: false });
      }
    }
    similar.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return { hits: exact.concat(similar), length: parts[0].phrase.length };
  }

  // 2022-09-13 → 2022年9月13日, as every other list of the site writes dates.
  const chineseDate = (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${y}年${m}月${d}日`; };
  const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  async function snippet(hit, length) {
    const text = Array.from(await fetchOnce(docs[hit.doc][8], "text"));
    const [, , , , , titleEnd, , regionsEnd] = docs[hit.doc];
    let at = hit.first;
    if (at < regionsEnd) { // a match in the headline or the tags: show the start of the text instead
      return { html: escape(text.slice(regionsEnd, regionsEnd + 90).join("").replace(/\n/g, " ")) + "……", inTitle: at < titleEnd };
    }
    const from = Math.max(regionsEnd, at - 36), to = Math.min(text.length, at + length + 54);
    const before = text.slice(from, at).join(""), match = text.slice(at, at + length).join(""), after = text.slice(at + length, to).join("");
    return { html: (from > regionsEnd ? "……" : "") + escape(before) + "<mark>" + escape(match) + "</mark>" + escape(after) + (to < text.length ? "……" : ""), inTitle: false };
  }

  function highlightTitle(title, query) {
    const t = Array.from(title), q = parse(query).flatMap((p) => p.phrase ? [p.phrase.join("")] : []);
    const folded = t.map(foldChar).join("");
    for (const phrase of q) {
      const i = folded.indexOf(phrase);
      if (i >= 0) { const n = Array.from(phrase).length; const pre = Array.from(folded.slice(0, i)).length;
        return escape(t.slice(0, pre).join("")) + "<mark>" + escape(t.slice(pre, pre + n).join("")) + "</mark>" + escape(t.slice(pre + n).join("")); }
    }
    return escape(title);
  }

  function fillFilter(select, values, current) {
    select.length = 1;
    for (const [value, count] of values) select.add(new Option(`${value}（${count}）`, value, false, value === current));
  }

  let generation = 0;
  async function run() {
    const query = input.value.trim();
    const mine = ++generation;
    const params = new URLSearchParams(location.search);
    if (query) params.set("q", query); else params.delete("q");
    history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
    if (Array.from(query).length < 2) {
      list.replaceChildren(); status.textContent = query ? "请输入至少两个字。" : ""; filters.hidden = true;
      return;
    }
    const started = performance.now();
    await load();
    const { hits, length } = await search(query);
    if (mine !== generation) return;
    const province = provinceSelect.value, year = yearSelect.value;
    const count = (key) => { const m = new Map(); for (const h of hits) { const k = key(docs[h.doc]); if (k) m.set(k, (m.get(k) || 0) + 1); } return [...m].sort((a, b) => b[1] - a[1]); };
    fillFilter(provinceSelect, count((d) => d[3]), province);
    fillFilter(yearSelect, count((d) => d[2].slice(0, 4)).sort((a, b) => b[0].localeCompare(a[0])), year);
    filters.hidden = hits.length === 0;
    const shown = hits.filter((h) => (!province || docs[h.doc][3] === province) && (!year || docs[h.doc][2].startsWith(year)));
    const exactCount = shown.filter((h) => h.exact).length;
    const items = await Promise.all(shown.slice(0, SHOWN).map(async (hit) => {
      const [title, url, date, , place] = docs[hit.doc];
      const s = await snippet(hit, length);
      const li = document.createElement("li");
      li.className = "card result";
      li.innerHTML = `<h3><a href="${escape(new URL(url, rootURL).href)}">${highlightTitle(title, query)}</a></h3>`
        + `<p class="meta"><time datetime="${date}">${chineseDate(date)}</time>${place ? `<span class="place">${escape(place)}</span>` : ""}`
        + `${hit.exact ? "" : '<span class="tag plain">相近说法</span>'}</p><p class="summary">${s.html}</p>`;
      return li;
    }));
    if (mine !== generation) return;
    list.replaceChildren(...items);
    const ms = Math.round(performance.now() - started);
    status.textContent = shown.length
      ? `找到 ${exactCount} 篇包含“${query}”的文章${shown.length > exactCount ? `，另有 ${shown.length - exactCount} 篇说法相近` : ""}（${ms} 毫秒）${shown.length > SHOWN ? `，显示前 ${SHOWN} 篇` : ""}。`
      : `没有找到包含“${query}”的文章。`;
    app.dataset.results = String(shown.length);
    app.dataset.exact = String(exactCount);
    app.dataset.ms = String(ms);
  }

  // Opened from disk, the browser will not let a page fetch the index: say so.
  const guarded = () => run().catch(() => {
    status.textContent = location.protocol === "file:"
      ? "从本地文件打开时浏览器不允许加载搜索索引。请通过网站服务器访问（如 sitegen serve），或按地区、创建模式浏览。"
      : "搜索索引加载失败，请稍后再试。";
  });
  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(guarded, 60); });
  app.querySelector("form").addEventListener("submit", (e) => { e.preventDefault(); guarded(); });
  provinceSelect.addEventListener("change", guarded);
  yearSelect.addEventListener("change", guarded);
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; guarded(); }
  input.focus();
})();
