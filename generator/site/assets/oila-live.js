// oila serve: reload the page when a rebuild is published, and show the problems of sources that do not build.
// Added to every page `oila serve` sends, never to the site a build writes.
(function () {
  "use strict";
  var STATE = "/__oila__/state";
  var PAUSE_MS = 1000;
  var seen = null;
  var said = "";

  function banner(problems) {
    var shown = document.getElementById("oila-live-problems");
    if (!problems.length) {
      if (shown) shown.remove();
      return;
    }
    if (!shown) {
      shown = document.createElement("div");
      shown.id = "oila-live-problems";
      shown.setAttribute("role", "alert");
      shown.style.cssText =
        "position:fixed;top:0;left:0;right:0;z-index:10000;max-height:50vh;overflow:auto;margin:0;" +
        "padding:.8em 1em;background:#fdecea;color:#5f2120;border-bottom:3px solid #d32f2f;" +
        "font:14px/1.4 monospace;white-space:pre-wrap;box-shadow:0 2px 6px rgba(0,0,0,.3)";
      document.body.appendChild(shown);
    }
    shown.textContent = problems.join("\n");
  }

  // The server answers when what it says changes (a new build, problems found or fixed), or after a while.
  function ask() {
    fetch(STATE + "?seen=" + encodeURIComponent(said), { cache: "no-store" })
      .then(function (response) {
        return response.json();
      })
      .then(function (state) {
        if (seen !== null && state.generation !== seen) {
          location.reload();
          return;
        }
        seen = state.generation;
        said = state.said;
        banner(state.problems);
        ask();
      })
      .catch(function () {
        setTimeout(ask, PAUSE_MS); // the server is gone or restarting: ask again in a while
      });
  }

  ask();
})();
