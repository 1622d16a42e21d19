/* Search box suggestions: progressive enhancement of home/includes/search_form.html.
 * ARIA 1.2 combobox (input + listbox); without JavaScript the form simply submits to the search page.
 * Keys: ArrowDown/ArrowUp move through suggestions, Enter opens the highlighted one (or submits the
 * search), Escape closes the list. A polite live region announces how many suggestions there are. */
(function () {
  "use strict";

  function init(form) {
    var input = form.querySelector("input[name=q]");
    var url = form.getAttribute("data-autocomplete-url");
    var status = form.querySelector(".site-search__status");
    var hint = form.querySelector("#site-search-hint");
    if (!input || !url || !window.fetch) return;

    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "site-search__suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.querySelector("label").textContent);
    list.hidden = true;
    input.parentNode.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    if (hint) {
      input.setAttribute("aria-describedby", hint.id);
    }

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;

    function announce(count) {
      if (!status) return;
      var text;
      if (count === 0) text = status.getAttribute("data-template-none");
      else if (count === 1) text = status.getAttribute("data-template-one");
      else text = status.getAttribute("data-template-many").replace("%(count)s", String(count));
      status.textContent = text;
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function setActive(index) {
      items.forEach(function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function render(results) {
      list.textContent = "";
      items = results.map(function (result, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-url", result.url);
        var title = document.createElement("span");
        title.textContent = result.title;
        var type = document.createElement("span");
        type.className = "site-search__suggestion-type";
        type.textContent = result.type;
        li.appendChild(title);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(type);
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = result.url;
        });
        list.appendChild(li);
        return li;
      });
      active = -1;
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      announce(items.length);
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) {
        close();
        return;
      }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (input.value.trim() === q) render(data.results || []);
        })
        .catch(function () {
          /* Suggestions are optional: the form still submits. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 200);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        setActive((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        setActive(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].getAttribute("data-url");
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autocomplete-url]"), init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
