// Inside the embedded agenda: tell the host page how tall the content is, so it can size the iframe.
// Optional comfort; without it (or without JavaScript) the agenda scrolls inside its frame.
(function () {
  if (window.parent === window) return;
  var last = 0;
  function report() {
    // The content's own height (the document is never shorter than the frame, so it cannot shrink it).
    var content = document.querySelector("main") || document.body;
    var height = Math.ceil(content.getBoundingClientRect().height) + 2;
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "komerbij-agenda-hoogte", height: height, href: location.href }, "*");
  }
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.querySelector("main") || document.body);
  report();
})();
