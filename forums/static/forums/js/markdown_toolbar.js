// A small formatting toolbar above the forum's message box: bold, italic,
// list, link and quote write Markdown around the selected text (or a
// placeholder, selected so typing replaces it). The buttons come from a
// <template> in the page, so their labels are in the page's language.
// Without JavaScript the box is a plain textarea and Markdown still works.
(function () {
  "use strict";
  var template = document.getElementById("markdown-toolbar");
  if (!template || !("content" in template)) return;

  function wrap(box, before, after, placeholder) {
    var start = box.selectionStart, end = box.selectionEnd;
    // Spaces at the edges of the selection (a double-clicked word brings one)
    // stay outside the marks: "**word **" would not be bold.
    while (start < end && /\s/.test(box.value[start])) start += 1;
    while (end > start && /\s/.test(box.value[end - 1])) end -= 1;
    var chosen = box.value.slice(start, end) || placeholder;
    box.setRangeText(before + chosen + after, start, end, "end");
    box.setSelectionRange(start + before.length, start + before.length + chosen.length);
  }

  function prefixLines(box, prefix, placeholder) {
    var start = box.selectionStart, end = box.selectionEnd;
    // Whole lines: from the start of the first selected line.
    var lineStart = box.value.lastIndexOf("\n", start - 1) + 1;
    var text = box.value.slice(lineStart, end) || placeholder;
    var prefixed = text.split("\n").map(function (line) { return prefix + line; }).join("\n");
    box.setRangeText(prefixed, lineStart, end, "end");
    if (!box.value.slice(lineStart, end).length) {
      box.setSelectionRange(lineStart + prefix.length, lineStart + prefixed.length);
    }
  }

  var boxes = document.querySelectorAll("form textarea[name='body']");
  Array.prototype.forEach.call(boxes, function (box) {
    var toolbar = template.content.firstElementChild.cloneNode(true);
    toolbar.setAttribute("aria-controls", box.id);
    box.parentNode.insertBefore(toolbar, box);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var placeholder = button.getAttribute("data-placeholder") || "";
      if (button.hasAttribute("data-line")) {
        prefixLines(box, button.getAttribute("data-line"), placeholder);
      } else {
        wrap(box, button.getAttribute("data-before"), button.getAttribute("data-after"), placeholder);
      }
      box.focus();
      // Let the page know the text changed (a draft saver, a preview).
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
  });
})();
