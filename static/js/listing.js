/* Listing pages (home/listing_page.html): progressive enhancement of the filter form.
 * Without JavaScript the form is a GET form whose action ends in #results: "Apply filters" reloads the page
 * and the browser lands on the results. With it, ticking a box (or a radio button, or the order) fetches
 * the same address and swaps, in place: #results-body (chips, cards, pagination), the results heading, the
 * counts next to the options, the summary of the filter disclosure and the "clear" link; the result count
 * <p id="result-count" role="status">, a live region that is in the page from the start, gets its new text
 * last, so screen readers announce it. The form's controls are never replaced: focus stays where it is.
 * The address bar follows (history.replaceState). On wide screens the filter disclosure is opened. */
(function () {
  "use strict";

  var disclosure = document.querySelector(".filters-disclosure");
  if (disclosure && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) {
    disclosure.open = true;
  }
  var form = document.querySelector("form[data-live-filters]");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams || !window.history.replaceState) {
    return;
  }
  var latest = 0;

  function address() {
    var action = (form.getAttribute("action") || window.location.pathname).split("#")[0];
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value) params.append(key, value);
    });
    var query = params.toString();
    return action + (query ? "?" + query : "");
  }

  function byCount(root) {
    var spans = {};
    root.querySelectorAll("[data-count]").forEach(function (span) {
      spans[span.getAttribute("data-count")] = span;
    });
    return spans;
  }

  function replaceText(selector, fresh) {
    var current = document.querySelector(selector);
    var next = fresh.querySelector(selector);
    if (current && next) current.textContent = next.textContent;
  }

  function swap(fresh) {
    var body = document.getElementById("results-body");
    var freshBody = fresh.getElementById("results-body");
    if (!body || !freshBody) return false;
    body.replaceWith(freshBody);
    replaceText("#results-heading", fresh);
    replaceText(".filters-disclosure > summary", fresh);
    var counts = byCount(form);
    var freshCounts = byCount(fresh);
    Object.keys(freshCounts).forEach(function (key) {
      if (counts[key]) counts[key].textContent = freshCounts[key].textContent;
    });
    var actions = form.querySelector(".filters__actions");
    var freshActions = fresh.querySelector(".filters__actions");
    if (actions && freshActions) {
      actions.querySelectorAll("a").forEach(function (link) { link.remove(); });
      freshActions.querySelectorAll("a").forEach(function (link) { actions.appendChild(link); });
    }
    var notice = document.querySelector("#results .notice");
    if (notice && !fresh.querySelector("#results .notice")) notice.remove();
    var status = document.getElementById("result-count");
    var freshStatus = fresh.getElementById("result-count");
    if (status && freshStatus) {
      var text = freshStatus.textContent;
      if (status.textContent === text) {
        // the same sentence again: empty the region first so that it is announced anew
        status.textContent = "";
        window.setTimeout(function () { status.textContent = text; }, 100);
      } else {
        status.textContent = text;
      }
    }
    return true;
  }

  function update() {
    var url = address();
    var request = ++latest;
    form.setAttribute("aria-busy", "true");
    window.fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        if (request !== latest) return; // a newer change is on its way
        var fresh = new DOMParser().parseFromString(html, "text/html");
        if (swap(fresh)) window.history.replaceState(null, "", url);
      })
      .catch(function () {
        // the page stays as it was; "Apply filters" still submits the form
      })
      .then(function () {
        if (request === latest) form.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("change", function (event) {
    var control = event.target;
    if (control.type === "checkbox" || control.type === "radio" || control.tagName === "SELECT") update();
  });
})();
