// Live unread count in the header. The count is already in the page; this only
// keeps it current over a WebSocket and tells screen readers, politely, when
// something new arrives. Without JavaScript the page works the same.
(function () {
  "use strict";
  var badge = document.querySelector("[data-unread-count]");
  var announcer = document.getElementById("notification-announcer");
  if (!badge || !("WebSocket" in window)) return;

  var delay = 1000;
  var last = parseInt(badge.getAttribute("data-unread-count"), 10) || 0;

  function show(count) {
    badge.setAttribute("data-unread-count", String(count));
    badge.textContent = String(count);
    badge.hidden = count === 0;
    if (count > last && announcer) {
      announcer.textContent = badge.getAttribute("data-announce").replace("{count}", String(count));
    }
    last = count;
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/ws/meldingen/");
    socket.onopen = function () { delay = 1000; };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (typeof data.unread === "number") show(data.unread);
    };
    socket.onclose = function (event) {
      if (event.code === 4401) return; // signed out: stop trying
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 60000);
    };
  }
  connect();
})();
