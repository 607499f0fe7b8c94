// Live forum pages. An open thread receives new, edited and hidden posts over a
// WebSocket and shows them in place; the forum index keeps its unread counts
// current. Screen readers hear new replies through a polite status region and
// focus never moves. Without JavaScript the pages work the same, only without
// the updates. Every text shown comes from the page (data attributes), so it is
// in the page's language.
(function () {
  "use strict";
  if (!("WebSocket" in window)) return;

  // The server closes with these when the person may not (or no longer) read
  // here: trying again would not help.
  var FINAL = { 4401: true, 4403: true, 4404: true };

  // `marker` carries data-live="connected" while the socket is open (for
  // styling, and so tests know when the page is listening).
  function listen(path, marker, onMessage) {
    var delay = 1000;
    function connect() {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      var socket = new WebSocket(scheme + window.location.host + path);
      socket.onopen = function () {
        delay = 1000;
        marker.setAttribute("data-live", "connected");
      };
      socket.onmessage = function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (error) { return; }
        onMessage(data);
      };
      socket.onclose = function (event) {
        marker.removeAttribute("data-live");
        if (FINAL[event.code]) return;
        // Spread the reconnects of many pages after a server restart.
        setTimeout(connect, delay + Math.floor(Math.random() * 1000));
        delay = Math.min(delay * 2, 60000);
      };
    }
    connect();
  }

  function fill(text, values) {
    return (text || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  function announce(text) {
    var announcer = document.getElementById("live-announcer");
    if (announcer && text) announcer.textContent = text;
  }

  // The server renders posts (their text was cleaned when saved); a <template>
  // parses without running anything.
  function parse(html) {
    var template = document.createElement("template");
    template.innerHTML = (html || "").trim();
    var element = template.content.firstElementChild;
    return element && element.matches("article.post") ? element : null;
  }

  // ---- A thread page ----------------------------------------------------
  var posts = document.querySelector("#berichten[data-thread-id]");
  if (posts) {
    var threadId = posts.getAttribute("data-thread-id");
    var language = document.documentElement.lang || "";

    var replaceContent = function (existing, article, keepActions) {
      // Swap the post's content but leave its own buttons (quote, edit,
      // helpful) where they are, so a focused button keeps its focus.
      var actions = keepActions ? existing.querySelector(".post__actions") : null;
      Array.prototype.slice.call(existing.children).forEach(function (child) {
        if (child !== actions) existing.removeChild(child);
      });
      Array.prototype.slice.call(article.children).forEach(function (child) {
        existing.insertBefore(child, actions);
      });
      existing.className = article.className;
    };

    var showNewer = function (position) {
      var perPage = parseInt(posts.getAttribute("data-per-page"), 10) || 0;
      // Pages after the last one shown are clamped to the last by the server.
      var page = perPage ? Math.ceil(position / perPage) : position;
      var notice = document.getElementById("live-newer");
      if (!notice) {
        notice = document.createElement("p");
        notice.id = "live-newer";
        notice.className = "live-notice";
        notice.appendChild(document.createTextNode(posts.getAttribute("data-newer-text") + " "));
        notice.appendChild(document.createElement("a"));
        posts.parentNode.insertBefore(notice, posts.nextSibling);
      }
      var link = notice.querySelector("a");
      link.href = "?pagina=" + page + "#bericht-" + position;
      link.textContent = posts.getAttribute("data-newer-link");
      announce(posts.getAttribute("data-newer-text"));
    };

    listen(
      "/ws/forum/draad/" + encodeURIComponent(threadId) + "/?taal=" + encodeURIComponent(language),
      posts,
      function (data) {
        if (typeof data.position !== "number") return;
        var article = parse(data.html);
        if (!article) return;
        var existing = document.getElementById("bericht-" + data.position);
        if (data.event === "new") {
          if (existing) return; // already on the page (the author's own reload)
          if (posts.getAttribute("data-last-page") !== "1") {
            showNewer(data.position);
            return;
          }
          article.classList.add("post--arrived");
          posts.appendChild(article);
          var heading = article.querySelector("h3");
          var name = data.author || (heading ? heading.textContent.split(":").pop().trim() : "");
          announce(fill(posts.getAttribute("data-announce-new"), { name: name }));
        } else if (existing && (data.event === "edited" || data.event === "hidden" || data.event === "restored")) {
          replaceContent(existing, article, data.event === "edited");
        }
      }
    );
  }

  // ---- The forum index --------------------------------------------------
  var index = document.querySelector("[data-forum-index]");
  if (index) {
    listen("/ws/forum/", index, function (data) {
      if (typeof data.place !== "string" || !/^[cg]\.\d+$/.test(data.place)) return;
      var place = document.querySelector('.forum-place[data-place="' + data.place + '"]');
      var counter = place && place.querySelector(".unread-count[data-unread]");
      if (!counter) return;
      var count = (parseInt(counter.getAttribute("data-unread"), 10) || 0) + 1;
      counter.setAttribute("data-unread", String(count));
      var strong = document.createElement("strong");
      strong.textContent = fill(index.getAttribute("data-unread-label"), { count: String(count) });
      counter.textContent = " \u00b7 ";
      counter.appendChild(strong);
      var heading = place.querySelector("h3");
      announce(fill(index.getAttribute("data-announce"), {
        place: heading ? heading.textContent.trim() : ""
      }));
    });
  }
})();
