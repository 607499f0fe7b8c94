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
  // styling, and so tests know when the page is listening). `path` is a
  // string, or a function giving it anew for each connection.
  function listen(path, marker, onMessage) {
    var delay = 1000;
    function connect() {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      var where = typeof path === "function" ? path() : path;
      var socket = new WebSocket(scheme + window.location.host + where);
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
        // Capped exponential back-off with jitter, so the pages of a whole
        // school do not all knock at once after a server restart.
        setTimeout(connect, Math.floor(delay / 2 + Math.random() * delay));
        delay = Math.min(delay * 2, 30000);
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
  // Every change to the thread has a version, one higher than the last. The
  // page knows the version it shows; a message that skips one, a ping with a
  // newer version or a reconnect makes it fetch what it missed from the
  // catch-up address, rendered for this reader, so no reply is lost when a
  // message is (a full channel, a Redis restart, a laptop lid).
  var posts = document.querySelector("#berichten[data-thread-id]");
  if (posts) {
    var threadId = posts.getAttribute("data-thread-id");
    var language = document.documentElement.lang || "";
    var catchUpUrl = posts.getAttribute("data-catch-up-url");
    var version = parseInt(posts.getAttribute("data-version"), 10) || 0;
    var postCount = parseInt(posts.getAttribute("data-post-count"), 10) || 0;
    var onLastPage = posts.getAttribute("data-last-page") === "1";
    var ahead = {}; // messages that came before one still missing, by version
    var catchUpTimer = null;
    var fetching = false;
    // A live message is one rendering for every reader, without buttons. A
    // signed-in reader's page then fetches the same posts rendered for them
    // (quote, report, helpful, accept), from this version on.
    var personal = posts.getAttribute("data-personal") === "1";
    var fetchSince = null;
    var countText = document.getElementById("post-count");
    // How long a gap may wait for its message, which may simply be late.
    var GAP_WAIT = 500;
    // Replies that arrive together are fetched for this reader together.
    var PERSONAL_WAIT = 300;

    var replaceContent = function (existing, article, keepActions) {
      // Swap the post's content but leave its own buttons (quote, edit,
      // helpful) where they are, so a focused button keeps its focus.
      var actions = keepActions ? existing.querySelector(".post__actions") : null;
      Array.prototype.slice.call(existing.children).forEach(function (child) {
        if (child !== actions) existing.removeChild(child);
      });
      Array.prototype.slice.call(article.children).forEach(function (child) {
        if (!(actions && child.classList.contains("post__actions"))) {
          existing.insertBefore(child, actions);
        }
      });
      existing.className = article.className;
    };

    var showNewer = function (count) {
      var perPage = parseInt(posts.getAttribute("data-per-page"), 10) || 0;
      // Pages after the last one shown are clamped to the last by the server.
      var page = perPage ? Math.ceil(postCount / perPage) : postCount;
      var notice = document.getElementById("live-newer");
      if (!notice) {
        notice = document.createElement("p");
        notice.id = "live-newer";
        notice.className = "live-notice";
        notice.appendChild(document.createElement("span"));
        notice.appendChild(document.createTextNode(" "));
        notice.appendChild(document.createElement("a"));
        posts.parentNode.insertBefore(notice, posts.nextSibling);
      }
      var text = count === 1 ? posts.getAttribute("data-newer-one")
        : fill(posts.getAttribute("data-newer-many"), { count: String(count) });
      notice.querySelector("span").textContent = text;
      var link = notice.querySelector("a");
      link.href = "?pagina=" + page + "#bericht-" + postCount;
      link.textContent = posts.getAttribute("data-newer-link");
      announce(text);
    };
    var newerCount = 0;

    // Shows one post; true when it is a reply this page had not seen.
    // A focused button inside the post stays where it is in any case.
    var show = function (position, html, keepActions) {
      var article = parse(html);
      if (!article) return false;
      var existing = document.getElementById("bericht-" + position);
      if (existing) {
        replaceContent(existing, article, keepActions || existing.contains(document.activeElement));
        return false;
      }
      if (position <= postCount) return false; // on another page of the thread
      postCount = position;
      if (!onLastPage) {
        newerCount += 1;
        return true;
      }
      article.classList.add("post--arrived");
      posts.appendChild(article);
      return true;
    };

    var showCount = function () {
      if (!countText) return;
      countText.textContent = postCount === 1 ? countText.getAttribute("data-one")
        : fill(countText.getAttribute("data-many"), { count: String(postCount) });
    };

    var drain = function () {
      var personalise = false;
      while (ahead[version + 1]) {
        var data = ahead[version + 1];
        delete ahead[version + 1];
        if (personal && data.event !== "hidden") {
          fetchSince = fetchSince === null ? version : Math.min(fetchSince, version);
          personalise = true;
        }
        version += 1;
        var before = newerCount;
        var isNew = show(data.position, data.html, data.event === "edited");
        if (isNew && newerCount > before) {
          showNewer(newerCount);
        } else if (isNew && data.event === "new") {
          var article = document.getElementById("bericht-" + data.position);
          var heading = article && article.querySelector("h3");
          var name = data.author || (heading ? heading.textContent.split(":").pop().trim() : "");
          announce(fill(posts.getAttribute("data-announce-new"), { name: name }));
        }
      }
      Object.keys(ahead).forEach(function (key) {
        if (Number(key) <= version) delete ahead[key];
      });
      showCount();
      if (Object.keys(ahead).length) scheduleCatchUp(GAP_WAIT);
      else if (personalise) scheduleCatchUp(PERSONAL_WAIT);
    };

    var catchUp = function () {
      catchUpTimer = null;
      if (fetching || !catchUpUrl) return;
      fetching = true;
      var since = fetchSince === null ? version : Math.min(fetchSince, version);
      fetchSince = null;
      fetch(catchUpUrl + "?versie=" + since, {
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) {
          fetching = false;
          if (!result || typeof result.version !== "number") return;
          if (result.more) {
            newerCount += Math.max(result.post_count - postCount, 0);
            postCount = Math.max(postCount, result.post_count);
            onLastPage = false; // far behind: offer the newest page instead
            if (newerCount) showNewer(newerCount);
          } else {
            var before = newerCount;
            var added = 0;
            // Posts shown already are rendered again for this reader (their
            // buttons); those not shown yet are the ones that were missed.
            result.posts.forEach(function (post) {
              if (show(post.position, post.html, false)) added += 1;
            });
            if (newerCount > before) {
              showNewer(newerCount);
            } else if (added) {
              announce(added === 1 ? posts.getAttribute("data-caught-up-one")
                : fill(posts.getAttribute("data-caught-up-many"), { count: String(added) }));
            }
          }
          version = Math.max(version, result.version);
          postCount = Math.max(postCount, result.post_count);
          drain();
          // Replies that arrived while this answer was on its way.
          if (fetchSince !== null) scheduleCatchUp(PERSONAL_WAIT);
        })
        .catch(function () {
          // Offline or the server restarting: the next ping or reconnect asks again.
          fetching = false;
        });
    };

    var scheduleCatchUp = function (wait) {
      if (catchUpTimer === null && !fetching) catchUpTimer = setTimeout(catchUp, wait);
    };

    // The socket says the version this page shows when it (re)connects, and
    // the server answers with a ping at once if the thread moved on since.
    listen(
      function () {
        return "/ws/forum/draad/" + encodeURIComponent(threadId) + "/?taal=" +
          encodeURIComponent(language) + "&versie=" + version;
      },
      posts,
      function (data) {
        if (typeof data.version !== "number") return;
        if (data.event === "ping" || data.event === "sync") {
          if (data.version > version) scheduleCatchUp(data.event === "sync" ? 0 : GAP_WAIT);
          return;
        }
        if (typeof data.position !== "number" || data.version <= version) return;
        ahead[data.version] = data;
        drain();
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
      counter.replaceChildren(strong);
      var heading = place.querySelector("h3");
      announce(fill(index.getAttribute("data-announce"), {
        place: heading ? heading.textContent.trim() : ""
      }));
    });
  }
})();
