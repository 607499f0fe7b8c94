// While a member types the subject of a helpdesk question, list knowledge
// articles and solved forum questions that may already answer it. Without
// this script the form is a plain form. Once the typing pauses, a status
// line says how many were found (screen readers announce it politely); the
// links open in a new tab so nothing typed is lost.
(function () {
    "use strict";

    var DELAY = 400;
    var MIN_LENGTH = 3;

    function setUp(form) {
        var url = form.getAttribute("data-helpdesk-suggestions");
        var input = form.querySelector("input[name=subject]");
        var box = document.getElementById("helpdesk-suggestions");
        var status = document.getElementById("helpdesk-suggestions-status");
        if (!url || !input || !box || !status) {
            return;
        }
        var list = box.querySelector("ul");
        var timer = null;
        var latest = 0;
        var shown = "";

        function say(count) {
            var template = count === 1
                ? status.getAttribute("data-one")
                : status.getAttribute("data-many");
            status.textContent = count ? template.replace("%(count)s", count) : "";
        }

        function show(items) {
            list.textContent = "";
            items.forEach(function (item) {
                var entry = document.createElement("li");
                var link = document.createElement("a");
                link.href = item.url;
                link.target = "_blank";
                link.rel = "noopener";
                link.textContent = item.title;
                var kind = document.createElement("span");
                kind.className = "card__meta";
                kind.textContent = " (" + item.kind + ")";
                entry.appendChild(link);
                entry.appendChild(kind);
                list.appendChild(entry);
            });
            box.hidden = items.length === 0;
            say(items.length);
        }

        function ask() {
            var text = input.value.trim();
            if (text === shown) {
                return;
            }
            // Any answer still on its way is for older text now.
            var ticket = ++latest;
            if (text.length < MIN_LENGTH) {
                shown = text;
                show([]);
                return;
            }
            fetch(url + "?q=" + encodeURIComponent(text), {
                credentials: "same-origin",
                headers: { Accept: "application/json" }
            })
                .then(function (response) {
                    return response.ok ? response.json() : { items: [] };
                })
                .then(function (data) {
                    if (ticket === latest) {
                        shown = text;
                        show(data.items || []);
                    }
                })
                .catch(function () {
                    // Without suggestions the form still works; say nothing.
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, DELAY);
        });
        if (input.value.trim().length >= MIN_LENGTH) {
            ask();
        }
    }

    document.querySelectorAll("form[data-helpdesk-suggestions]").forEach(setUp);
})();
