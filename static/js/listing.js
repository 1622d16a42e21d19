/* Listing pages (home/listing_page.html): progressive enhancement of the filter form.
 * Without JavaScript the form is a GET form whose action ends in #results: "Apply filters" reloads the page
 * and the browser lands on the results. With it, ticking a box (or a radio button, or the order) fetches
 * the same address and swaps, in place: #results-body (chips, cards, pagination), the results heading, the
 * counts next to the options, the summary of the filter disclosure and the "clear" link; the result count
 * <p id="result-count" role="status">, a live region that is in the page from the start, gets its new text
 * last, so screen readers announce it. The form's controls are never replaced: focus stays where it is.
 * The address bar follows (history.replaceState). A chip ("Remove filter: Brussels") works the same way: its
 * address is fetched and swapped in, the form's controls take the state of the fresh page's form, and focus
 * goes to the chip now in its place (or the one before it, or the results heading when none is left).
 * On wide screens the filter disclosure is opened. */
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

  // The form's controls as the fresh page has them (after a chip removed one of its filters).
  function syncControls(fresh) {
    var freshForm = fresh.querySelector("form[data-live-filters]");
    if (!freshForm) return;
    form.querySelectorAll("input, select").forEach(function (control) {
      if (!control.name) return;
      if (control.type === "checkbox" || control.type === "radio") {
        var twin = freshForm.querySelector(
          'input[name="' + CSS.escape(control.name) + '"][value="' + CSS.escape(control.value) + '"]'
        );
        control.checked = !!(twin && twin.checked);
      } else if (control.type !== "submit" && control.type !== "hidden") {
        var same = freshForm.querySelector('[name="' + CSS.escape(control.name) + '"]');
        if (same) control.value = same.value;
      }
    });
  }

  function focusAfterRemoval(index) {
    var chips = document.querySelectorAll("#results-body a.chip");
    var target = chips[Math.min(index, chips.length - 1)] || document.getElementById("results-heading");
    if (!target) return;
    if (!target.matches("a")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function update(url, afterSwap) {
    url = url || address();
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
        if (swap(fresh)) {
          window.history.replaceState(null, "", url);
          if (afterSwap) afterSwap(fresh);
        }
      })
      .catch(function () {
        // the page stays as it was and "Apply filters" still submits the form; a chip is followed as a link
        if (afterSwap && request === latest) window.location.assign(url);
      })
      .then(function () {
        if (request === latest) form.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("change", function (event) {
    var control = event.target;
    if (control.type === "checkbox" || control.type === "radio" || control.tagName === "SELECT") update();
  });

  var results = document.getElementById("results");
  if (results && window.CSS && CSS.escape) {
    results.addEventListener("click", function (event) {
      var chip = event.target.closest("a.chip");
      if (!chip || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      var index = Array.prototype.indexOf.call(document.querySelectorAll("#results-body a.chip"), chip);
      var url = new URL(chip.getAttribute("href"), window.location.href);
      update(url.pathname + url.search, function (fresh) {
        syncControls(fresh);
        focusAfterRemoval(index);
      });
    });
  }
})();
