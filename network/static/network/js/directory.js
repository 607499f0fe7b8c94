// Live filtering for the directory. Without JavaScript the form submits as usual;
// with it, changing a filter fetches the same URL and swaps in the new results
// and counts, keeps focus on the control the reader used, updates the address
// (so it can still be shared) and announces the new number of results politely.
(function () {
  "use strict";
  var form = document.querySelector("[data-live-directory]");
  var results = document.getElementById("directory-results");
  var status = document.getElementById("directory-status");
  if (!form || !results || !status || !window.fetch || !window.DOMParser) return;

  var pending = null;
  var typingTimer = null;

  function urlFor() {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (key) {
      if (!params.get(key)) params.delete(key);
    });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  function refresh() {
    var url = urlFor();
    if (pending) pending.abort();
    pending = new AbortController();
    results.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        results.innerHTML = page.getElementById("directory-results").innerHTML;
        // Refresh the counts inside each list without replacing the controls.
        // The filters sit beside the form (form="…"), so ask the form's own list.
        Array.prototype.forEach.call(form.elements, function (control) {
          if (control.tagName !== "SELECT") return;
          var fresh = page.getElementById(control.id);
          if (fresh) control.innerHTML = fresh.innerHTML;
        });
        status.textContent = page.getElementById("directory-status").textContent;
        window.history.replaceState(null, "", url);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") form.submit();
      })
      .finally(function () { results.removeAttribute("aria-busy"); });
  }

  // Controls outside the form element belong to it through their form
  // attribute; their events bubble through the document, not the form.
  document.addEventListener("change", function (event) {
    if (event.target.form === form && event.target.tagName === "SELECT") refresh();
  });
  document.addEventListener("input", function (event) {
    if (event.target.form !== form || event.target.type !== "search") return;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(refresh, 400);
  });
})();
