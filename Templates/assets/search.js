/* plansite search. Our own small script: no library, no CDN.
 *
 * The index is JavaScript data files that call window.__plansiteSearch.push({...}): a catalog
 * (tim-kiem/chi-muc/danh-muc.js) and one shard per plan (tim-kiem/chi-muc/ke-hoach/<slug>.js).
 * They are loaded with <script src>, never fetch(), so that the page works from a web server
 * and from a folder opened as file:// alike.
 *
 * Matching uses the same folding as plansite's Swift code (SearchKey.key): NFD, combining marks
 * removed, đ/Đ → d, lower case, everything but a–z and 0–9 as a space. "noi vu" finds "Nội vụ".
 *
 * The pure functions (fold, key, parseQuery, score, shardOrder, searchShard, searchDepartments,
 * searchAll) are exported under Node for plansite's tests.
 */
(function (global) {
  'use strict';

  var MARKS = (function () {
    try {
      return new RegExp('\\p{M}', 'gu');
    } catch (e) {
      return /[\u0300-\u036f]/g;
    }
  })();

  /** Lower case, no diacritics, đ → d, white space collapsed (VietnameseText.fold). */
  function fold(text) {
    return String(text == null ? '' : text)
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** The search key: folded, every character but a–z and 0–9 as one space (SearchKey.key). */
  function key(text) {
    return fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
  }

  function parseQuery(text) {
    var k = key(text);
    var terms = [];
    if (k) {
      k.split(' ').forEach(function (term) {
        if (terms.indexOf(term) < 0) terms.push(term);
      });
    }
    return { key: k, terms: terms };
  }

  /** Plans first, then departments, criteria and tasks, when they match equally well. */
  var KIND_WEIGHT = { p: 4, d: 3, c: 2, n: 1 };
  var KIND_LABEL = { p: 'Kế hoạch', d: 'Đơn vị', c: 'Tiêu chí', n: 'Nhiệm vụ' };

  /**
   * How well an entry matches: 0 unless every term occurs in its key. Then, in order of
   * weight: the whole query in the title (8), the share of terms in the title (up to 4), the
   * whole query anywhere (3), terms at word starts and as whole words (up to 2), the kind of
   * entry (1 to 4), and how much of the title the query covers (up to 1).
   */
  function score(entry, query) {
    var terms = query.terms;
    if (!terms.length) return 0;
    var f = entry.f;
    var i;
    for (i = 0; i < terms.length; i++) {
      if (f.indexOf(terms[i]) < 0) return 0;
    }
    if (entry._t === undefined) entry._t = key(entry.t);
    var title = entry._t;
    var s = KIND_WEIGHT[entry.k] || 0;
    if (title.indexOf(query.key) >= 0) {
      s += 8;
    } else {
      var inTitle = 0;
      for (i = 0; i < terms.length; i++) if (title.indexOf(terms[i]) >= 0) inTitle++;
      s += (4 * inTitle) / terms.length;
    }
    if (f.indexOf(query.key) >= 0) s += 3;
    var padded = ' ' + f + ' ';
    var words = 0;
    for (i = 0; i < terms.length; i++) {
      if (padded.indexOf(' ' + terms[i]) >= 0) words++;
      if (padded.indexOf(' ' + terms[i] + ' ') >= 0) words++;
    }
    s += words / terms.length;
    s += query.key.length / Math.max(title.length, query.key.length);
    return s;
  }

  function departmentPositions(catalog) {
    if (!catalog._positions) {
      catalog._positions = {};
      catalog.departments.forEach(function (department, position) {
        catalog._positions[department.id] = position;
      });
    }
    return catalog._positions;
  }

  /** The departments a catalog shard names, as a set of positions (the file has runs). */
  function shardDepartments(shard) {
    if (!shard._d) {
      var set = {};
      for (var i = 0; i + 1 < shard.d.length; i += 2) {
        for (var position = shard.d[i]; position < shard.d[i] + shard.d[i + 1]; position++) set[position] = true;
      }
      shard._d = set;
    }
    return shard._d;
  }

  /** Whether a shard of the catalog can hold results for the filters. */
  function shardPasses(catalog, shard, filters) {
    if (filters.year && String(shard.y) !== String(filters.year)) return false;
    if (filters.index && shard.i.indexOf(filters.index) < 0) return false;
    if (filters.locality) {
      var locality = catalog.localities[shard.l];
      if (!locality || locality[0] !== filters.locality) return false;
    }
    if (filters.department) {
      var position = departmentPositions(catalog)[filters.department];
      if (position === undefined || !shardDepartments(shard)[position]) return false;
    }
    return true;
  }

  /**
   * The shards to search, best first: those whose plan (title, reference, issuer, locality)
   * holds more of the terms, then those naming a department that matches the query, then the
   * catalog's order (newest plan first). Each item: {id, order}.
   */
  function shardOrder(catalog, query, filters) {
    var matching = {};
    catalog.departments.forEach(function (department, position) {
      for (var i = 0; i < query.terms.length; i++) {
        if (department.f.indexOf(query.terms[i]) < 0) return;
      }
      matching[position] = true;
    });
    var list = [];
    catalog.shards.forEach(function (shard, order) {
      if (!shardPasses(catalog, shard, filters)) return;
      var priority = 0;
      for (var i = 0; i < query.terms.length; i++) if (shard.f.indexOf(query.terms[i]) >= 0) priority += 2;
      var named = shardDepartments(shard);
      for (var position in named) {
        if (matching[position]) {
          priority += 1;
          break;
        }
      }
      list.push({ id: shard.id, order: order, priority: priority });
    });
    list.sort(function (a, b) {
      return b.priority - a.priority || a.order - b.order;
    });
    return list.map(function (item) {
      return { id: item.id, order: item.order };
    });
  }

  function entryPasses(entry, shard, filters) {
    if (filters.index) {
      var indices = entry.i ? [entry.i] : shard.i;
      if (indices.indexOf(filters.index) < 0) return false;
    }
    if (filters.department && (!entry.d || entry.d.indexOf(filters.department) < 0)) return false;
    return true;
  }

  /** Results of one shard: {score, rank: [order, position], entry, shard}. */
  function searchShard(shard, order, query, filters) {
    var results = [];
    shard.e.forEach(function (entry, position) {
      if (!entryPasses(entry, shard, filters)) return;
      var s = score(entry, query);
      if (s > 0) results.push({ score: s, rank: [order, position], entry: entry, shard: shard });
    });
    return results;
  }

  /** Department entries of the catalog; none when the index or year is filtered. */
  function searchDepartments(catalog, query, filters) {
    if (filters.index || filters.year) return [];
    var results = [];
    catalog.departments.forEach(function (department, position) {
      if (filters.department && department.id !== filters.department) return;
      if (filters.locality && (catalog.localities[department.l] || [])[0] !== filters.locality) return;
      var entry = department._entry;
      if (!entry) {
        entry = department._entry = {
          k: 'd',
          t: department.n,
          x: (catalog.localities[department.l] || ['', ''])[1],
          u: catalog.departmentPath.replace('{id}', department.id),
          f: department.f,
        };
      }
      var s = score(entry, query);
      if (s > 0) results.push({ score: s, rank: [-1, position], entry: entry, shard: null });
    });
    return results;
  }

  /**
   * Where the query's terms occur in a text, as [start, end) ranges of the original text
   * (indices into the string), merged and in order. A text is folded one character at a time, as
   * key() folds it, so "so noi vu" marks "Sở Nội vụ" as written. A term is marked where a word
   * starts with it; where no word does, wherever it occurs (search matches inside words too).
   */
  function highlightRanges(text, terms) {
    text = String(text == null ? '' : text);
    var folded = '';
    var from = []; // folded position → original start index
    var to = []; // folded position → original end index
    var index = 0;
    Array.from(text).forEach(function (character) {
      var piece = character.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
      piece = piece.replace(/[^a-z0-9]/g, ' ');
      if (!piece && folded) {
        // a combining mark written apart: it belongs to the letter before it
        to[folded.length - 1] = index + character.length;
      }
      for (var i = 0; i < piece.length; i++) {
        from.push(index);
        to.push(index + character.length);
      }
      folded += piece;
      index += character.length;
    });
    var ranges = [];
    (terms || []).forEach(function (term) {
      if (!term) return;
      var found = [];
      var anywhere = [];
      var at = folded.indexOf(term);
      while (at >= 0) {
        var range = [from[at], to[at + term.length - 1]];
        anywhere.push(range);
        if (at === 0 || folded.charAt(at - 1) === ' ') found.push(range);
        at = folded.indexOf(term, at + 1);
      }
      ranges = ranges.concat(found.length ? found : anywhere);
    });
    ranges.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1];
    });
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([range[0], range[1]]);
    });
    return merged;
  }

  /** The pages of a result list: page numbers to show, with null for a gap ("…"). */
  function pageNumbers(current, count) {
    var pages = [];
    for (var page = 1; page <= count; page++) {
      if (page === 1 || page === count || Math.abs(page - current) <= 2) pages.push(page);
      else if (pages[pages.length - 1] !== null) pages.push(null);
    }
    return pages;
  }

  function compare(a, b) {
    return b.score - a.score || a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1];
  }

  /** Every result, best first, over the shards given as {id: shard}. */
  function searchAll(catalog, shards, text, filters) {
    var query = parseQuery(text);
    filters = filters || {};
    if (!query.terms.length) return [];
    var results = searchDepartments(catalog, query, filters);
    shardOrder(catalog, query, filters).forEach(function (item) {
      var shard = shards[item.id];
      if (shard) results = results.concat(searchShard(shard, item.order, query, filters));
    });
    return results.sort(compare);
  }

  var api = {
    fold: fold,
    key: key,
    parseQuery: parseQuery,
    score: score,
    shardOrder: shardOrder,
    searchShard: searchShard,
    searchDepartments: searchDepartments,
    searchAll: searchAll,
    compare: compare,
    highlightRanges: highlightRanges,
    pageNumbers: pageNumbers,
  };

  if (typeof module === 'object' && module && module.exports) {
    module.exports = api;
    return;
  }
  global.plansiteSearch = api;

  // ---- The page ------------------------------------------------------------------------------

  var SHOWN = 50; // results per page
  var STEP = 60; // shards loaded per step before asking to go on
  var PARALLEL = 3; // shard files loading at once

  var state = { catalog: null, shards: {}, loading: {}, waiting: {}, generation: 0, limit: STEP, page: 1 };
  var form, input, selects, status, list, more, root, zone, pager;

  function receive(data) {
    if (!data) return;
    if (data.type === 'catalog') state.catalog = data;
    if (data.type === 'shard') state.shards[data.id] = data;
  }

  var early = global.__plansiteSearch;
  global.__plansiteSearch = { push: receive };
  if (early && early.length) early.forEach(receive);

  function load(path, done) {
    var script = document.createElement('script');
    script.src = root + path;
    script.async = true;
    script.onload = function () {
      done(true);
    };
    script.onerror = function () {
      done(false);
    };
    document.head.appendChild(script);
  }

  function loadShard(id, done) {
    if (state.shards[id]) return done();
    if (state.waiting[id]) return state.waiting[id].push(done);
    state.waiting[id] = [done];
    load(state.catalog.shardPath.replace('{id}', id), function () {
      var callbacks = state.waiting[id];
      delete state.waiting[id];
      if (!state.shards[id]) state.shards[id] = { id: id, e: [], i: [], failed: true };
      callbacks.forEach(function (callback) {
        callback();
      });
    });
  }

  function readFilters() {
    return {
      index: selects.index.value,
      year: selects.year.value,
      locality: selects.locality.value,
      department: selects.department.value,
    };
  }

  var HASH_KEYS = { q: null, 'chi-so': 'index', nam: 'year', 'dia-phuong': 'locality', 'don-vi': 'department', trang: null };

  function readHash() {
    var values = {};
    var hash = global.location.hash.replace(/^#/, '');
    hash.split('&').forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf('=');
      var name = at < 0 ? pair : pair.slice(0, at);
      var value = at < 0 ? '' : pair.slice(at + 1);
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch (e) {
        /* keep as written */
      }
      if (Object.prototype.hasOwnProperty.call(HASH_KEYS, name)) values[name] = value;
    });
    return values;
  }

  /** The address of this search on a page of results: "#q=so%20noi%20vu&trang=2". */
  function hashFor(page) {
    var parts = [];
    if (input.value) parts.push('q=' + encodeURIComponent(input.value));
    Object.keys(HASH_KEYS).forEach(function (name) {
      var filter = HASH_KEYS[name];
      if (filter && selects[filter].value) parts.push(name + '=' + encodeURIComponent(selects[filter].value));
    });
    if (page > 1) parts.push('trang=' + page);
    return parts.length ? '#' + parts.join('&') : '';
  }

  function writeHash() {
    var hash = hashFor(state.page);
    if (hash === global.location.hash || (!hash && !global.location.hash)) return;
    try {
      global.history.replaceState(null, '', hash || global.location.pathname + global.location.search);
    } catch (e) {
      /* file:// in some browsers: the address simply does not follow */
    }
  }

  function option(value, label) {
    var element = document.createElement('option');
    element.value = value;
    element.textContent = label;
    return element;
  }

  function fillFilters() {
    var catalog = state.catalog;
    var years = [];
    var localities = {};
    var named = {};
    catalog.shards.forEach(function (shard) {
      if (years.indexOf(shard.y) < 0) years.push(shard.y);
      localities[shard.l] = true;
      for (var position in shardDepartments(shard)) named[position] = true;
    });
    years.sort(function (a, b) {
      return b - a;
    });
    catalog.indices.forEach(function (index) {
      selects.index.appendChild(option(index[0], index[1]));
    });
    years.forEach(function (year) {
      selects.year.appendChild(option(String(year), String(year)));
    });
    catalog.localities.forEach(function (locality, position) {
      if (localities[position]) selects.locality.appendChild(option(locality[0], locality[1]));
    });
    fillDepartments(named);
  }

  function fillDepartments(named) {
    var catalog = state.catalog;
    var select = selects.department;
    var chosen = select.value || select.getAttribute('data-wanted') || '';
    var locality = selects.locality.value;
    while (select.options.length > 1) select.remove(1);
    while (select.lastElementChild && select.lastElementChild.tagName === 'OPTGROUP') {
      select.removeChild(select.lastElementChild);
    }
    named = named || state.named;
    state.named = named;
    var groups = {};
    catalog.departments.forEach(function (department, position) {
      if (!named[position]) return;
      var place = catalog.localities[department.l] || ['', ''];
      if (locality && place[0] !== locality) return;
      if (!groups[department.l]) {
        groups[department.l] = document.createElement('optgroup');
        groups[department.l].label = place[1];
        select.appendChild(groups[department.l]);
      }
      groups[department.l].appendChild(option(department.id, department.s || department.n));
    });
    select.value = chosen;
    if (select.value !== chosen) select.value = '';
    select.removeAttribute('data-wanted');
  }

  function applyHash() {
    var values = readHash();
    input.value = values.q || '';
    var page = parseInt(values.trang || '1', 10);
    state.page = page > 0 ? page : 1;
    Object.keys(HASH_KEYS).forEach(function (name) {
      var filter = HASH_KEYS[name];
      if (!filter) return;
      selects[filter].value = values[name] || '';
      if (filter === 'department' && values[name] && selects.department.value !== values[name]) {
        selects.department.setAttribute('data-wanted', values[name]);
      }
    });
  }

  function describe(result) {
    var entry = result.entry;
    var parts = [];
    if (entry.x) parts.push(entry.x);
    if (result.shard && entry.k !== 'p') parts.push(result.shard.r + ' (' + result.shard.y + ')');
    if (entry.d && entry.l) {
      var positions = departmentPositions(state.catalog);
      var names = entry.d.slice(0, entry.l).map(function (id) {
        var department = state.catalog.departments[positions[id]];
        return department ? department.s || department.n : id;
      });
      parts.push('Chủ trì: ' + names.join('; '));
    }
    return parts.join(' · ');
  }

  /** Appends text to an element, the query's terms in <mark>: DOM nodes only, never markup. */
  function appendMarked(element, text, terms) {
    var at = 0;
    highlightRanges(text, terms).forEach(function (range) {
      if (range[0] > at) element.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(range[0], range[1]);
      element.appendChild(mark);
      at = range[1];
    });
    if (at < text.length) element.appendChild(document.createTextNode(text.slice(at)));
  }

  function pageLink(page, label, current) {
    var item = document.createElement('li');
    var link;
    if (page === current) {
      link = document.createElement('span');
      link.setAttribute('aria-current', 'page');
    } else {
      link = document.createElement('a');
      link.href = hashFor(page) || '#';
      link.setAttribute('data-page', String(page));
    }
    link.textContent = label;
    if (label !== String(page)) link.setAttribute('aria-label', label + ' (trang ' + page + ')');
    else link.setAttribute('aria-label', 'Trang ' + page);
    item.appendChild(link);
    return item;
  }

  function renderPager(current, count) {
    var signature = count > 1 ? hashFor(current) + '|' + count : '';
    if (pager.getAttribute('data-signature') === signature) return;
    pager.setAttribute('data-signature', signature);
    pager.textContent = '';
    pager.hidden = count < 2;
    if (count < 2) return;
    var items = document.createElement('ul');
    if (current > 1) items.appendChild(pageLink(current - 1, '‹ Trang trước', current));
    pageNumbers(current, count).forEach(function (page) {
      if (page === null) {
        var gap = document.createElement('li');
        var dots = document.createElement('span');
        dots.className = 'gap';
        dots.textContent = '…';
        gap.appendChild(dots);
        items.appendChild(gap);
      } else {
        items.appendChild(pageLink(page, String(page), current));
      }
    });
    if (current < count) items.appendChild(pageLink(current + 1, 'Trang sau ›', current));
    pager.appendChild(items);
  }

  function render(results, searched, total, busy, terms) {
    list.textContent = '';
    var pages = Math.max(1, Math.ceil(results.length / SHOWN));
    var page = Math.min(state.page, pages);
    var first = (page - 1) * SHOWN;
    results.slice(first, first + SHOWN).forEach(function (result) {
      var item = document.createElement('li');
      item.className = 'plan-item search-result';
      var title = document.createElement('p');
      title.className = 'plan-title';
      var kind = document.createElement('span');
      kind.className = 'tag';
      kind.textContent = KIND_LABEL[result.entry.k] || '';
      var link = document.createElement('a');
      link.href = root + result.entry.u;
      appendMarked(link, String(result.entry.t), terms);
      title.appendChild(kind);
      title.appendChild(document.createTextNode(' '));
      title.appendChild(link);
      item.appendChild(title);
      var meta = describe(result);
      if (meta) {
        var line = document.createElement('p');
        line.className = 'plan-meta';
        appendMarked(line, meta, terms);
        item.appendChild(line);
      }
      list.appendChild(item);
    });
    var text;
    if (!results.length) {
      text = busy ? 'Đang tìm…' : 'Không tìm thấy kết quả.';
    } else {
      text = 'Tìm thấy ' + results.length + ' kết quả';
      if (results.length > SHOWN) {
        text +=
          ', trang ' + page + '/' + pages + ' (kết quả ' + (first + 1) + '–' +
          Math.min(first + SHOWN, results.length) + ')';
      }
      text += '.';
    }
    if (total) text += ' Đã tìm trong ' + searched + '/' + total + ' kế hoạch' + (busy ? ', đang tải thêm…' : '.');
    status.textContent = text;
    renderPager(page, results.length ? pages : 0);
    zone.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  function run() {
    if (!state.catalog) return;
    var generation = ++state.generation;
    writeHash();
    var query = parseQuery(input.value);
    var filters = readFilters();
    more.hidden = true;
    if (!query.terms.length) {
      list.textContent = '';
      renderPager(1, 0);
      status.textContent = 'Nhập từ khóa để tìm, có dấu hoặc không dấu.';
      zone.setAttribute('aria-busy', 'false');
      return;
    }
    var order = shardOrder(state.catalog, query, filters);
    var wanted = order.slice(0, state.limit);
    var results = searchDepartments(state.catalog, query, filters);
    var searched = 0;
    var queue = [];
    wanted.forEach(function (item) {
      var shard = state.shards[item.id];
      if (shard) {
        results = results.concat(searchShard(shard, item.order, query, filters));
        searched++;
      } else {
        queue.push(item);
      }
    });
    results.sort(compare);
    var running = 0;
    function finish() {
      if (order.length > wanted.length) {
        more.hidden = false;
        more.textContent = 'Tìm tiếp trong ' + (order.length - wanted.length) + ' kế hoạch còn lại';
      }
    }
    function next() {
      while (running < PARALLEL && queue.length) {
        var item = queue.shift();
        running++;
        loadShard(item.id, arrived(item));
      }
      if (!running && !queue.length) {
        render(results, searched, order.length, false, query.terms);
        finish();
      }
    }
    function arrived(item) {
      return function () {
        running--;
        if (generation !== state.generation) return;
        searched++;
        results = results.concat(searchShard(state.shards[item.id], item.order, query, filters)).sort(compare);
        render(results, searched, order.length, running > 0 || queue.length > 0, query.terms);
        next();
      };
    }
    render(results, searched, order.length, queue.length > 0, query.terms);
    next();
  }

  var timer = null;
  function soon() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, 200);
  }

  function start() {
    form = document.getElementById('tim-kiem');
    if (!form) return;
    root = form.getAttribute('data-root') || '';
    input = document.getElementById('tu-khoa');
    zone = document.getElementById('ket-qua');
    status = document.getElementById('trang-thai-tim-kiem');
    list = document.getElementById('danh-sach-ket-qua');
    more = document.getElementById('tim-tiep');
    pager = document.getElementById('phan-trang');
    selects = {
      index: document.getElementById('loc-chi-so'),
      year: document.getElementById('loc-nam'),
      locality: document.getElementById('loc-dia-phuong'),
      department: document.getElementById('loc-don-vi'),
    };
    form.hidden = false;
    status.textContent = 'Đang tải chỉ mục tìm kiếm…';
    load('tim-kiem/chi-muc/danh-muc.js', function (ok) {
      if (!ok || !state.catalog) {
        status.textContent = 'Không tải được chỉ mục tìm kiếm.';
        return;
      }
      fillFilters();
      applyHash();
      fillDepartments();
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        state.page = 1;
        run();
      });
      input.addEventListener('input', function () {
        state.limit = STEP;
        state.page = 1;
        soon();
      });
      Object.keys(selects).forEach(function (name) {
        selects[name].addEventListener('change', function () {
          if (name === 'locality') fillDepartments();
          state.limit = STEP;
          state.page = 1;
          run();
        });
      });
      // A page link is an ordinary link to the search's address on that page (bookmarkable, and
      // works with the keyboard); after it, the list of results is read from its start.
      pager.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('a[data-page]') : null;
        if (!link) return;
        event.preventDefault();
        state.page = parseInt(link.getAttribute('data-page'), 10) || 1;
        run();
        status.focus();
        if (status.scrollIntoView) status.scrollIntoView({ block: 'start' });
      });
      more.addEventListener('click', function () {
        state.limit += STEP;
        run();
      });
      global.addEventListener('hashchange', function () {
        applyHash();
        fillDepartments();
        run();
      });
      run();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})(typeof window !== 'undefined' ? window : this);
