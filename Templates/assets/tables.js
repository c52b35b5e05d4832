/* plansite: sorting and filtering of long tables, for readers whose browser runs script.
 * Without script the table is complete and in the portal's order; nothing here is needed to
 * read it. No library, no module: it works from file:// and on an intranet.
 *
 * <table data-sortable>            each column header becomes a button that sorts the rows
 *                                  (again: the other way); aria-sort says the order.
 * <div data-filter="Lọc …">       a search box is put first in the element (or before a table
 *                                  so marked): the rows of its tables whose text does not hold
 *                                  every typed word are hidden; accents and đ are ignored
 *                                  ("so noi vu" finds "Sở Nội vụ"). An element inside marked
 *                                  data-filter-group is hidden while none of its rows is shown.
 * A table with rowspan or colspan cells is left alone (its rows cannot be moved one by one). */
(function () {
  'use strict';

  /* Lower case, no tone or vowel marks, đ as d: what a reader types without a Vietnamese keyboard. */
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
  }

  /* "1,5", "86,50%", "38,97 điểm", "12/63" → the number the cell starts with; NaN when it does
   * not start with one ("Kế hoạch số 474/KH-UBND" is text, not 474). */
  function number(text) {
    var match = /^\s*-?\d+(?:[.\u00a0 ]\d{3})*(?:,\d+)?/.exec(text);
    if (!match) { return NaN; }
    return parseFloat(match[0].replace(/[.\u00a0 ]/g, '').replace(',', '.'));
  }

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : '';
  }

  function simple(table) {
    return !table.querySelector('[rowspan]:not([rowspan="1"]), [colspan]:not([colspan="1"])');
  }

  function sortable(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body || !head.rows.length) { return; }
    var headers = head.rows[head.rows.length - 1].cells;
    var original = Array.prototype.slice.call(body.rows);
    Array.prototype.forEach.call(headers, function (header, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = original.every(function (row) {
          var text = cellText(row, column);
          return text === '' || text === '—' || !isNaN(number(text));
        });
        var rows = original.slice().sort(function (a, b) {
          var x = cellText(a, column);
          var y = cellText(b, column);
          var order;
          if (numeric) {
            var nx = number(x);
            var ny = number(y);
            /* Blank cells last, whichever the direction. */
            if (isNaN(nx) || isNaN(ny)) { return isNaN(nx) === isNaN(ny) ? 0 : (isNaN(nx) ? 1 : -1); }
            order = nx - ny;
          } else {
            order = x.localeCompare(y, 'vi');
          }
          if (order === 0) { return original.indexOf(a) - original.indexOf(b); }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  var filters = 0;

  function filterable(scope) {
    var rows = Array.prototype.slice.call(scope.querySelectorAll('tbody tr'));
    if (!rows.length) { return; }
    filters += 1;
    var id = 'loc-bang-' + filters;
    var box = document.createElement('div');
    box.className = 'table-filter';
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = scope.getAttribute('data-filter');
    var input = document.createElement('input');
    input.type = 'search';
    input.id = id;
    input.autocomplete = 'off';
    var status = document.createElement('p');
    status.className = 'table-filter-status';
    status.setAttribute('aria-live', 'polite');
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    if (scope.tagName === 'TABLE') {
      var anchor = scope.closest('.table-scroll') || scope;
      anchor.parentNode.insertBefore(box, anchor);
    } else {
      scope.insertBefore(box, scope.firstChild);
    }
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var groups = Array.prototype.slice.call(scope.querySelectorAll('[data-filter-group]'));
    input.addEventListener('input', function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      groups.forEach(function (group) {
        group.hidden = !Array.prototype.some.call(group.querySelectorAll('tbody tr'), function (row) {
          return !row.hidden;
        });
      });
      status.textContent = words.length ? 'Hiển thị ' + shown + ' trong ' + rows.length + ' dòng.' : '';
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-filter]'), filterable);
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), function (table) {
      if (simple(table)) { sortable(table); }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
