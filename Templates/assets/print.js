/* plansite: the "In" (print) buttons. A button marked data-print is hidden until this script
 * runs (so that it never shows when script is off) and then prints the page. No library. */
(function () {
  'use strict';
  function start() {
    var buttons = document.querySelectorAll('button[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function () {
        window.print();
      });
      buttons[i].hidden = false;
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
