// Suggestions under the header's search box, as an ARIA 1.2 combobox with a
// listbox. Without this script the box is a plain search form; with it, typing
// two letters or more lists people, topics and pages. Arrow keys move through
// the list, Enter opens the chosen one (or searches when none is chosen),
// Escape closes it.
(function () {
    "use strict";

    var DELAY = 200;

    function setUp(form) {
        var input = form.querySelector("input[type=search]");
        var url = form.getAttribute("data-autocomplete");
        if (!input || !url) {
            return;
        }
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", form.getAttribute("data-suggestions-label") || input.labels[0].textContent);
        list.hidden = true;
        form.appendChild(list);

        var status = document.createElement("div");
        status.className = "visually-hidden";
        // A live region without role=status: the page's own status message
        // (results found) stays the one status on the page.
        status.setAttribute("aria-live", "polite");
        form.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("aria-expanded", "false");

        var timer = null;
        var active = -1;
        var options = [];
        var latest = 0;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function choose(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function show(suggestions) {
            list.textContent = "";
            options = suggestions.map(function (suggestion, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = suggestion.url;
                var label = document.createElement("span");
                label.textContent = suggestion.label;
                var kind = document.createElement("span");
                kind.className = "kind";
                kind.textContent = suggestion.kind;
                option.appendChild(label);
                option.appendChild(kind);
                // mousedown, not click: it comes before the input loses focus.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.href = suggestion.url;
                });
                list.appendChild(option);
                return option;
            });
            // The old options are gone: nothing is active until the arrows say so.
            choose(-1);
            list.hidden = options.length === 0;
            input.setAttribute("aria-expanded", options.length ? "true" : "false");
            var label = options.length === 1
                ? form.getAttribute("data-count-label-one")
                : form.getAttribute("data-count-label");
            status.textContent = options.length
                ? (label || "{count}").replace("{count}", options.length)
                : "";
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            // Every input makes earlier answers stale, also one that asks nothing.
            var asked = ++latest;
            if (query.length < 2) {
                show([]);
                return;
            }
            fetch(url + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (asked === latest && document.activeElement === input) {
                        show(data.suggestions || []);
                    }
                })
                .catch(function () {
                    show([]);
                });
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, DELAY);
        });
        function open() {
            if (list.hidden) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && options.length) {
                event.preventDefault();
                open();
                choose((active + 1) % options.length);
            } else if (event.key === "ArrowUp" && options.length) {
                event.preventDefault();
                open();
                choose(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                window.location.href = options[active].dataset.url;
            } else if (event.key === "Escape" && !list.hidden) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", close);
    }

    document.querySelectorAll("form[data-autocomplete]").forEach(setUp);
})();
